// One decoder per family of EIP-712 messages (permits, Permit2, marketplace orders). Each says whether
// it recognises the message and turns it into actions; `decodeTypedData` runs them all.
import type { Address } from 'viem';
import type { TypedDataInput } from '../normalize/typed-data';
import { readAddress, readChainId, readQuantity, tryRead } from '../normalize/values';
import { isUnlimitedAmount, type Action, type AssetKind, type OrderAction, type OrderItem } from './actions';

export interface TypedDataDecoder {
  id: string;
  matches(td: TypedDataInput): boolean;
  decode(td: TypedDataInput, signer: Address | undefined): Action[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): bigint | undefined => tryRead(() => readQuantity(v, 'value'));
const addr = (v: unknown): Address | undefined => tryRead(() => readAddress(v, 'address'));
const name = (td: TypedDataInput) => (typeof td.domain.name === 'string' ? td.domain.name : '');
const verifying = (td: TypedDataInput) => addr(td.domain.verifyingContract);

/** 0x and several markets write the native coin as this placeholder token address. */
const NATIVE_PLACEHOLDER = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
function asset(token: Address | undefined, fallback: AssetKind): { asset: AssetKind; token?: Address } {
  if (!token || BigInt(token) === 0n || token === NATIVE_PLACEHOLDER) return { asset: fallback === 'erc20' ? 'native' : fallback };
  return { asset: fallback, token };
}

const eip2612: TypedDataDecoder = {
  id: 'permit',
  matches: (td) => td.primaryType === 'Permit' && ('spender' in td.message) && name(td) !== 'Permit2',
  decode(td) {
    const m = td.message;
    const token = verifying(td);
    const spender = addr(m.spender);
    if (!token || !spender) return [];
    if ('allowed' in m) {
      // DAI-style: all or nothing, `expiry` 0 means never.
      const allowed = m.allowed === true || m.allowed === 'true' || m.allowed === 1;
      const expiry = num(m.expiry);
      return [{ kind: 'approval', standard: 'dai-permit', token, spender, unlimited: allowed, revokes: !allowed, expiresAt: expiry === 0n ? undefined : expiry, signature: true, where: 'signature' }];
    }
    const amount = num(m.value) ?? 0n;
    return [{ kind: 'approval', standard: 'permit', token, spender, amount, unlimited: isUnlimitedAmount(amount), revokes: amount === 0n, expiresAt: num(m.deadline), signature: true, where: 'signature' }];
  },
};

const permit2: TypedDataDecoder = {
  id: 'permit2',
  matches: (td) => name(td) === 'Permit2',
  decode(td) {
    const m = td.message;
    const spender = addr(m.spender);
    if (!spender) return [];
    const out: Action[] = [];
    if (td.primaryType === 'PermitSingle' || td.primaryType === 'PermitBatch') {
      const details = td.primaryType === 'PermitSingle' ? [m.details] : list(m.details);
      for (const d of details.map(obj)) {
        const token = addr(d.token);
        const amount = num(d.amount) ?? 0n;
        if (!token) continue;
        const expiration = num(d.expiration);
        out.push({
          kind: 'approval',
          standard: td.primaryType === 'PermitSingle' ? 'permit2-single' : 'permit2-batch',
          token,
          spender,
          amount,
          unlimited: isUnlimitedAmount(amount),
          revokes: amount === 0n,
          // Permit2 allowances with expiration 0 last until the end of the block only.
          expiresAt: expiration,
          signature: true,
          where: 'signature',
        });
      }
    } else if (td.primaryType.startsWith('Permit') && td.primaryType.includes('TransferFrom')) {
      const permitted = Array.isArray(m.permitted) ? m.permitted : [m.permitted];
      for (const p of permitted.map(obj)) {
        const token = addr(p.token);
        const amount = num(p.amount) ?? 0n;
        if (token) out.push({ kind: 'approval', standard: 'permit2-transfer', token, spender, amount, unlimited: isUnlimitedAmount(amount), revokes: false, expiresAt: num(m.deadline), signature: true, where: 'signature' });
      }
      // Witness orders (UniswapX and others) name who receives the output.
      for (const recipient of findRecipients(m.witness, 0)) out.push({ kind: 'payout', protocol: 'Permit2 witness order', recipient, where: 'signature › witness' });
    }
    return out;
  },
};

function findRecipients(value: unknown, depth: number): Address[] {
  if (depth > 6 || typeof value !== 'object' || value === null) return [];
  const found: Address[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === 'recipient') {
      const a = addr(v);
      if (a && BigInt(a) !== 0n) found.push(a);
    } else found.push(...findRecipients(v, depth + 1));
  }
  return found;
}

// Seaport item types: 0 native, 1 ERC-20, 2 ERC-721, 3 ERC-1155, 4/5 the same with criteria.
const SEAPORT_KINDS: AssetKind[] = ['native', 'erc20', 'erc721', 'erc1155', 'erc721', 'erc1155'];

const seaport: TypedDataDecoder = {
  id: 'seaport',
  matches: (td) => name(td) === 'Seaport' && (td.primaryType === 'OrderComponents' || td.primaryType === 'BulkOrder'),
  decode(td, signer) {
    const orders = td.primaryType === 'BulkOrder' ? flatten(td.message.tree, 0) : [td.message];
    return orders.map((o, i) => seaportOrder(obj(o), signer, verifying(td), orders.length > 1 ? `signature › order ${i + 1}` : 'signature'));
  },
};

function flatten(value: unknown, depth: number): unknown[] {
  if (depth > 24) return [];
  if (Array.isArray(value)) return value.flatMap((v) => flatten(v, depth + 1));
  return typeof value === 'object' && value !== null ? [value] : [];
}

function seaportOrder(m: Obj, signer: Address | undefined, verifyingContract: Address | undefined, where: string): OrderAction {
  const offerer = addr(m.offerer) ?? signer;
  const item = (raw: unknown, pick: 'max' | 'min'): OrderItem => {
    const i = obj(raw);
    const type = Number(num(i.itemType) ?? 99n);
    const start = num(i.startAmount) ?? 0n;
    const end = num(i.endAmount) ?? start;
    const amount = pick === 'max' ? (start > end ? start : end) : start < end ? start : end;
    const kind = SEAPORT_KINDS[type] ?? 'token';
    const base = asset(addr(i.token), kind);
    return { ...base, amount, tokenId: num(i.identifierOrCriteria), anyTokenId: type >= 4 };
  };
  // Worst case for the signer: the most it may give, the least it may get back.
  const gives = list(m.offer).map((o) => item(o, 'max'));
  const receives: OrderItem[] = [];
  const paysOthers: OrderAction['paysOthers'] = [];
  for (const c of list(m.consideration)) {
    const recipient = addr(obj(c).recipient);
    const it = item(c, 'min');
    if (recipient && offerer && recipient === offerer) receives.push(it);
    else if (recipient) paysOthers.push({ ...it, recipient });
  }
  return { kind: 'order', market: 'Seaport', verifyingContract, signer: offerer, gives, receives, paysOthers, endTime: num(m.endTime), where };
}

const blur: TypedDataDecoder = {
  id: 'blur',
  matches: (td) => name(td) === 'Blur Exchange',
  decode(td, signer) {
    const m = td.message;
    if (td.primaryType === 'Root') {
      return [{ kind: 'order', market: 'Blur', verifyingContract: verifying(td), signer, gives: [], receives: [], paysOthers: [], blind: true, where: 'signature' }];
    }
    if (td.primaryType !== 'Order') return [];
    const trader = addr(m.trader) ?? signer;
    const price = num(m.price) ?? 0n;
    const nft: OrderItem = { asset: 'token', token: addr(m.collection), tokenId: num(m.tokenId), amount: num(m.amount) ?? 1n };
    const payment = asset(addr(m.paymentToken), 'erc20');
    const fees = list(m.fees).map(obj);
    const feeTotal = fees.reduce((sum, f) => sum + (price * (num(f.rate) ?? 0n)) / 10_000n, 0n);
    const sells = num(m.side) === 1n;
    const paysOthers = fees.flatMap((f) => {
      const recipient = addr(f.recipient);
      return recipient ? [{ ...payment, amount: (price * (num(f.rate) ?? 0n)) / 10_000n, recipient }] : [];
    });
    return [
      sells
        ? { kind: 'order', market: 'Blur', verifyingContract: verifying(td), signer: trader, gives: [nft], receives: [{ ...payment, amount: price - feeTotal }], paysOthers, endTime: num(m.expirationTime), where: 'signature' }
        : { kind: 'order', market: 'Blur', verifyingContract: verifying(td), signer: trader, gives: [{ ...payment, amount: price }], receives: [nft], paysOthers, endTime: num(m.expirationTime), where: 'signature' },
    ];
  },
};

const looksRare: TypedDataDecoder = {
  id: 'looksrare',
  matches: (td) => (name(td) === 'LooksRareExchange' && td.primaryType === 'MakerOrder') || (name(td) === 'LooksRareProtocol' && td.primaryType === 'Maker'),
  decode(td, signer) {
    const m = td.message;
    const maker = addr(m.signer) ?? signer;
    const price = num(m.price) ?? 0n;
    const payment = asset(addr(m.currency), 'erc20');
    let ask: boolean;
    let nfts: OrderItem[];
    let minimum = price;
    if (td.primaryType === 'MakerOrder') {
      ask = m.isOrderAsk === true || m.isOrderAsk === 'true';
      nfts = [{ asset: 'token', token: addr(m.collection), tokenId: num(m.tokenId), amount: num(m.amount) ?? 1n }];
      // v1 lets the signer set the least share of the price they accept after fees.
      const pct = num(m.minPercentageToAsk);
      if (pct !== undefined && pct > 0n) minimum = (price * pct) / 10_000n;
    } else {
      ask = num(m.quoteType) === 1n;
      const amounts = list(m.amounts).map(num);
      const kind: AssetKind = num(m.collectionType) === 1n ? 'erc1155' : 'erc721';
      nfts = list(m.itemIds).map((id, i) => ({ asset: kind, token: addr(m.collection), tokenId: num(id), amount: amounts[i] ?? 1n }));
    }
    const money: OrderItem = { ...payment, amount: ask ? minimum : price };
    return [{ kind: 'order', market: 'LooksRare', verifyingContract: verifying(td), signer: maker, gives: ask ? nfts : [money], receives: ask ? [money] : nfts, paysOthers: [], endTime: num(m.endTime), where: 'signature' }];
  },
};

const zeroEx: TypedDataDecoder = {
  id: '0x',
  matches: (td) => (name(td) === 'ZeroEx' && ['LimitOrder', 'RfqOrder', 'OtcOrder', 'ERC721Order', 'ERC1155Order'].includes(td.primaryType)) || (name(td) === '0x Protocol' && td.primaryType === 'Order'),
  decode(td, signer) {
    const m = td.message;
    const base = { kind: 'order' as const, market: '0x' as const, verifyingContract: verifying(td), where: 'signature' };
    const taker = (v: unknown) => {
      const a = addr(v);
      return a && BigInt(a) !== 0n ? a : undefined;
    };
    if (td.primaryType === 'ERC721Order' || td.primaryType === 'ERC1155Order') {
      const is721 = td.primaryType === 'ERC721Order';
      const nft: OrderItem = {
        asset: is721 ? 'erc721' : 'erc1155',
        token: addr(is721 ? m.erc721Token : m.erc1155Token),
        tokenId: num(is721 ? m.erc721TokenId : m.erc1155TokenId),
        amount: is721 ? 1n : (num(m.erc1155TokenAmount) ?? 1n),
        anyTokenId: list(is721 ? m.erc721TokenProperties : m.erc1155TokenProperties).length > 0,
      };
      const money: OrderItem = { ...asset(addr(m.erc20Token), 'erc20'), amount: num(m.erc20TokenAmount) ?? 0n };
      const sells = num(m.direction) === 0n;
      return [{ ...base, signer: addr(m.maker) ?? signer, gives: sells ? [nft] : [money], receives: sells ? [money] : [nft], paysOthers: [], endTime: num(m.expiry), taker: taker(m.taker) }];
    }
    if (td.primaryType === 'Order') {
      // 0x v3: assets hide in assetData; ERC-20 proxy data is selector + token address.
      const token = (data: unknown) => (typeof data === 'string' && data.length >= 74 ? addr(`0x${data.slice(34, 74)}`) : undefined);
      return [
        {
          ...base,
          signer: addr(m.makerAddress) ?? signer,
          gives: [{ asset: 'token', token: token(m.makerAssetData), amount: num(m.makerAssetAmount) ?? 0n }],
          receives: [{ asset: 'token', token: token(m.takerAssetData), amount: num(m.takerAssetAmount) ?? 0n }],
          paysOthers: [],
          endTime: num(m.expirationTimeSeconds),
          taker: taker(m.takerAddress),
        },
      ];
    }
    const expiry = td.primaryType === 'OtcOrder' ? (num(m.expiryAndNonce) ?? 0n) >> 192n : num(m.expiry);
    return [
      {
        ...base,
        signer: addr(m.maker) ?? signer,
        gives: [{ asset: 'erc20', token: addr(m.makerToken), amount: num(m.makerAmount) ?? 0n }],
        receives: [{ asset: 'erc20', token: addr(m.takerToken), amount: num(m.takerAmount) ?? 0n }],
        paysOthers: [],
        endTime: expiry,
        taker: taker(m.taker),
      },
    ];
  },
};

export const typedDataDecoders: readonly TypedDataDecoder[] = [eip2612, permit2, seaport, blur, looksRare, zeroEx];

export function decodeTypedData(td: TypedDataInput, signer: Address | undefined): Action[] {
  const actions: Action[] = [];
  let recognised = false;
  for (const decoder of typedDataDecoders) {
    if (!decoder.matches(td)) continue;
    recognised = true;
    actions.push(...decoder.decode(td, signer));
  }
  actions.unshift({
    kind: 'typed-data',
    primaryType: td.primaryType,
    domainName: name(td) || undefined,
    domainChainId: tryRead(() => readChainId(td.domain.chainId)),
    verifyingContract: verifying(td),
    recognised,
    hashError: td.hashError,
  });
  return actions;
}

