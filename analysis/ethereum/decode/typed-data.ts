// One decoder per family of EIP-712 messages (permits, Permit2, marketplace and swap orders). Each says
// whether it recognises the message and turns it into actions; `decodeTypedData` runs them all.
//
// Decoders read the message through its declared types (TypedStruct): a key the types do not declare
// is not signed and means nothing, and a decoder is chosen by what the types declare (a DAI permit
// declares `allowed: bool`, an EIP-2612 permit `value: uint256`). An amount that cannot be read the
// way the wallet hashes it is taken at its worst for the signer (what they give: unlimited; what they
// get: nothing) and reported on the typed-data action, never read as 0.
import type { Address } from 'viem';
import type { TypedDataInput } from '../normalize/typed-data';
import { TypedStruct, type UnreadableField } from '../normalize/typed-message';
import { readAddress, readChainId, tryRead } from '../normalize/values';
import { MAX_UINT160, MAX_UINT256, isUnlimitedAmount, type Action, type AssetKind, type OrderAction, type OrderItem } from './actions';

export interface TypedDataDecoder {
  id: string;
  matches(td: TypedDataInput, m: TypedStruct): boolean;
  decode(td: TypedDataInput, m: TypedStruct, signer: Address | undefined): Action[];
}

const INT = /^u?int\d*$/;
const name = (td: TypedDataInput) => (typeof td.domain.name === 'string' ? td.domain.name : '');
const verifying = (td: TypedDataInput) => tryRead(() => readAddress(td.domain.verifyingContract, 'verifying contract'));
const nonZero = (a: Address | undefined) => (a && BigInt(a) !== 0n ? a : undefined);
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);
/** What the signer gives, when unreadable: everything. */
const gives = (s: TypedStruct, field: string, limit = MAX_UINT256) => s.amount(field, limit, 'unlimited');
/** What the signer gets, when unreadable: nothing. */
const gets = (s: TypedStruct, field: string) => s.amount(field, 0n, 'nothing');

/** Runs `read` and says whether it reported a field it could not read. */
function watching<T>(s: TypedStruct, read: () => T): [T, boolean] {
  const before = s.unreadable.length;
  const value = read();
  return [value, s.unreadable.length > before];
}

/** 0x and several markets write the native coin as this placeholder token address. */
const NATIVE_PLACEHOLDER = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
function asset(token: Address | undefined, fallback: AssetKind): { asset: AssetKind; token?: Address } {
  if (!token || BigInt(token) === 0n || token === NATIVE_PLACEHOLDER) return { asset: fallback === 'erc20' ? 'native' : fallback };
  return { asset: fallback, token };
}

const eip2612: TypedDataDecoder = {
  id: 'permit',
  matches: (td, m) => td.primaryType === 'Permit' && name(td) !== 'Permit2' && m.declares('spender', 'address') && m.declares('value', INT),
  decode(td, m) {
    const token = verifying(td);
    const spender = m.address('spender');
    const [amount, amountUnreadable] = watching(m, () => gives(m, 'value') ?? MAX_UINT256);
    if (!token || !spender) return [];
    return [{ kind: 'approval', standard: 'permit', token, spender, amount, unlimited: isUnlimitedAmount(amount), revokes: amount === 0n, expiresAt: m.uint('deadline'), signature: true, where: 'signature', ...(amountUnreadable ? { amountUnreadable } : {}) }];
  },
};

const daiPermit: TypedDataDecoder = {
  id: 'dai-permit',
  matches: (td, m) => td.primaryType === 'Permit' && name(td) !== 'Permit2' && m.declares('spender', 'address') && m.declares('allowed', 'bool'),
  decode(td, m) {
    // All or nothing; `expiry` 0 means never. `allowed` as MetaMask hashes it: the text "false" is true.
    const token = verifying(td);
    const spender = m.address('spender');
    if (!token || !spender) return [];
    const allowed = m.bool('allowed') === true;
    const expiry = m.uint('expiry');
    return [{ kind: 'approval', standard: 'dai-permit', token, spender, unlimited: allowed, revokes: !allowed, expiresAt: expiry === 0n ? undefined : expiry, signature: true, where: 'signature' }];
  },
};

const permit2: TypedDataDecoder = {
  id: 'permit2',
  matches: (td) => name(td) === 'Permit2',
  decode(td, m, signer) {
    const spender = m.address('spender');
    if (!spender) return [];
    const out: Action[] = [];
    const single = m.struct('details');
    const details = single ? [single] : m.structs('details');
    for (const d of details) {
      const token = d.address('token');
      const [amount, amountUnreadable] = watching(d, () => gives(d, 'amount', MAX_UINT160) ?? MAX_UINT160);
      if (!token) continue;
      out.push({
        kind: 'approval',
        standard: single ? 'permit2-single' : 'permit2-batch',
        token,
        spender,
        amount,
        unlimited: isUnlimitedAmount(amount),
        revokes: amount === 0n,
        // Permit2 allowances with expiration 0 last until the end of the block only.
        expiresAt: d.uint('expiration'),
        signature: true,
        where: 'signature',
        ...(amountUnreadable ? { amountUnreadable } : {}),
      });
    }
    const one = m.struct('permitted');
    const permitted = one ? [one] : m.structs('permitted');
    const pulled: OrderItem[] = [];
    for (const p of permitted) {
      const token = p.address('token');
      const [amount, amountUnreadable] = watching(p, () => gives(p, 'amount') ?? MAX_UINT256);
      if (!token) continue;
      pulled.push({ asset: 'erc20', token, amount });
      out.push({ kind: 'approval', standard: 'permit2-transfer', token, spender, amount, unlimited: isUnlimitedAmount(amount), revokes: false, expiresAt: m.uint('deadline'), signature: true, where: 'signature', ...(amountUnreadable ? { amountUnreadable } : {}) });
    }
    const witness = m.struct('witness');
    if (witness) {
      const order = uniswapXOrder(witness, pulled, signer);
      // Other witness orders: name who receives the output, as their recipients say.
      if (order) out.push(order);
      else for (const recipient of witnessRecipients(witness, 0)) out.push({ kind: 'payout', protocol: 'Permit2 witness order', recipient, where: 'signature › witness' });
    }
    return out;
  },
};

function witnessRecipients(s: TypedStruct, depth: number): Address[] {
  if (depth > 6) return [];
  const fields = s.types[s.type] ?? [];
  return fields.flatMap((f) => {
    if (f.name === 'recipient') {
      const a = nonZero(s.address('recipient', false));
      return a ? [a] : [];
    }
    const child = s.struct(f.name);
    return [...(child ? [child] : s.structs(f.name))].flatMap((c) => witnessRecipients(c, depth + 1));
  });
}

/**
 * UniswapX orders (Permit2 witness; @uniswap/uniswapx-sdk order/{DutchOrder,V2DutchOrder,PriorityOrder,
 * V3DutchOrder}.js): the swapper gives what Permit2 lets the reactor pull, and each output goes to its
 * recipient. Outputs to the swapper are what they get; the rest (the interface fee) is paid to others.
 * Amounts decay or rise with time; the least each output can be is what the order guarantees.
 */
function uniswapXOrder(w: TypedStruct, pulled: OrderItem[], signer: Address | undefined): OrderAction | undefined {
  const info = w.struct('info');
  if (!info?.declares('swapper', 'address') || !info.declares('reactor', 'address')) return undefined;
  const outputs = w.structs('outputs').length ? w.structs('outputs') : w.structs('baseOutputs');
  if (!outputs.length || !outputs.every((o) => o.declares('recipient', 'address'))) return undefined;
  const swapper = info.address('swapper') ?? signer;
  const receives: OrderItem[] = [];
  const paysOthers: OrderAction['paysOthers'] = [];
  for (const o of outputs) {
    const least = o.declares('minAmount', INT)
      ? gets(o, 'minAmount')!
      : o.declares('amount', INT)
        ? gets(o, 'amount')!
        : min(gets(o, 'startAmount') ?? 0n, gets(o, 'endAmount') ?? gets(o, 'startAmount') ?? 0n);
    const item: OrderItem = { ...asset(o.address('token', false), 'erc20'), amount: least };
    const recipient = o.address('recipient');
    if (!recipient || (swapper && recipient === swapper)) receives.push(item);
    else paysOthers.push({ ...item, recipient });
  }
  return { kind: 'order', market: 'UniswapX', verifyingContract: info.address('reactor', false), signer: swapper, gives: pulled, receives, paysOthers, endTime: info.uint('deadline'), where: 'signature › witness' };
}

// Seaport item types: 0 native, 1 ERC-20, 2 ERC-721, 3 ERC-1155, 4/5 the same with criteria.
const SEAPORT_KINDS: AssetKind[] = ['native', 'erc20', 'erc721', 'erc1155', 'erc721', 'erc1155'];

const seaport: TypedDataDecoder = {
  id: 'seaport',
  matches: (td) => name(td) === 'Seaport' && (td.primaryType === 'OrderComponents' || td.primaryType === 'BulkOrder'),
  decode(td, m, signer) {
    // A bulk order's tree is padded to a power of two with empty orders (zero offerer, no items), as
    // seaport-js builds it: they can never be filled, so they are not orders the signer makes.
    const orders = td.primaryType === 'BulkOrder' ? m.structs('tree').filter((o) => !isPadding(o)) : [m];
    return orders.map((o, i) => seaportOrder(o, signer, verifying(td), orders.length > 1 ? `signature › order ${i + 1}` : 'signature'));
  },
};

function isPadding(o: TypedStruct): boolean {
  const offerer = o.address('offerer');
  return offerer !== undefined && BigInt(offerer) === 0n && o.structs('offer').length === 0 && o.structs('consideration').length === 0;
}

function seaportOrder(m: TypedStruct, signer: Address | undefined, verifyingContract: Address | undefined, where: string): OrderAction {
  const offerer = m.address('offerer') ?? signer;
  const item = (i: TypedStruct, side: 'gives' | 'gets'): OrderItem => {
    const type = Number(i.uint('itemType') ?? 99n);
    // Worst case for the signer: the most it may give, the least it may get back.
    const read = side === 'gives' ? (f: string) => gives(i, f) : (f: string) => gets(i, f);
    const start = read('startAmount') ?? 0n;
    const end = read('endAmount') ?? start;
    const kind = SEAPORT_KINDS[type] ?? 'token';
    return { ...asset(i.address('token'), kind), amount: side === 'gives' ? max(start, end) : min(start, end), tokenId: i.uint('identifierOrCriteria'), anyTokenId: type >= 4 };
  };
  const offered = m.structs('offer').map((o) => item(o, 'gives'));
  const receives: OrderItem[] = [];
  const paysOthers: OrderAction['paysOthers'] = [];
  for (const c of m.structs('consideration')) {
    const recipient = c.address('recipient');
    const it = item(c, 'gets');
    if (recipient && offerer && recipient === offerer) receives.push(it);
    else if (recipient) paysOthers.push({ ...it, recipient });
  }
  return { kind: 'order', market: 'Seaport', verifyingContract, signer: offerer, gives: offered, receives, paysOthers, endTime: m.uint('endTime'), where };
}

const blur: TypedDataDecoder = {
  id: 'blur',
  matches: (td) => name(td) === 'Blur Exchange',
  decode(td, m, signer) {
    if (td.primaryType === 'Root') {
      return [{ kind: 'order', market: 'Blur', verifyingContract: verifying(td), signer, gives: [], receives: [], paysOthers: [], blind: true, where: 'signature' }];
    }
    if (td.primaryType !== 'Order') return [];
    const trader = m.address('trader') ?? signer;
    // Side 1 sells the NFT; an unreadable side is read as a sale (the signer gives the NFT).
    const sells = m.amount('side', 1n, 'a sale') === 1n;
    const price = (sells ? gets(m, 'price') : gives(m, 'price')) ?? 0n;
    const nft: OrderItem = { asset: 'token', token: m.address('collection'), tokenId: m.uint('tokenId'), amount: m.uint('amount') ?? 1n };
    const payment = asset(m.address('paymentToken'), 'erc20');
    const fees = m.structs('fees').map((f) => ({ recipient: f.address('recipient'), amount: (price * (f.uint('rate') ?? 0n)) / 10_000n }));
    const feeTotal = fees.reduce((sum, f) => sum + f.amount, 0n);
    const paysOthers = fees.flatMap((f) => (f.recipient ? [{ ...payment, amount: f.amount, recipient: f.recipient }] : []));
    const base = { kind: 'order' as const, market: 'Blur' as const, verifyingContract: verifying(td), signer: trader, paysOthers, endTime: m.uint('expirationTime'), where: 'signature' };
    return [sells ? { ...base, gives: [nft], receives: [{ ...payment, amount: price - feeTotal }] } : { ...base, gives: [{ ...payment, amount: price }], receives: [nft] }];
  },
};

const looksRare: TypedDataDecoder = {
  id: 'looksrare',
  matches: (td) => (name(td) === 'LooksRareExchange' && td.primaryType === 'MakerOrder') || (name(td) === 'LooksRareProtocol' && td.primaryType === 'Maker'),
  decode(td, m, signer) {
    const maker = m.address('signer') ?? signer;
    const payment = asset(m.address('currency'), 'erc20');
    let ask: boolean;
    let nfts: OrderItem[];
    if (td.primaryType === 'MakerOrder') {
      ask = m.bool('isOrderAsk') === true;
      nfts = [{ asset: 'token', token: m.address('collection'), tokenId: m.uint('tokenId'), amount: m.uint('amount') ?? 1n }];
    } else {
      ask = m.amount('quoteType', 1n, 'an ask') === 1n;
      const amounts = m.uints('amounts');
      const kind: AssetKind = m.uint('collectionType') === 1n ? 'erc1155' : 'erc721';
      nfts = m.uints('itemIds').map((id, i) => ({ asset: kind, token: m.address('collection'), tokenId: id, amount: amounts[i] ?? 1n }));
    }
    const price = (ask ? gets(m, 'price') : gives(m, 'price')) ?? 0n;
    let least = price;
    // v1 lets the signer set the least share of the price they accept after fees.
    const pct = m.uint('minPercentageToAsk');
    if (ask && pct !== undefined && pct > 0n) least = (price * pct) / 10_000n;
    const money: OrderItem = { ...payment, amount: ask ? least : price };
    return [{ kind: 'order', market: 'LooksRare', verifyingContract: verifying(td), signer: maker, gives: ask ? nfts : [money], receives: ask ? [money] : nfts, paysOthers: [], endTime: m.uint('endTime'), where: 'signature' }];
  },
};

/** 0x v4 limit, RFQ, OTC and NFT orders, and v3 orders (@0x/protocol-utils lib/src/{orders,nft_orders}.js). */
const zeroEx: TypedDataDecoder = {
  id: '0x',
  matches: (td) => (name(td) === 'ZeroEx' && ['LimitOrder', 'RfqOrder', 'OtcOrder', 'ERC721Order', 'ERC1155Order'].includes(td.primaryType)) || (name(td) === '0x Protocol' && td.primaryType === 'Order'),
  decode(td, m, signer) {
    const base = { kind: 'order' as const, market: '0x' as const, verifyingContract: verifying(td), where: 'signature' };
    if (td.primaryType === 'ERC721Order' || td.primaryType === 'ERC1155Order') {
      const is721 = td.primaryType === 'ERC721Order';
      const nft: OrderItem = {
        asset: is721 ? 'erc721' : 'erc1155',
        token: m.address(is721 ? 'erc721Token' : 'erc1155Token'),
        tokenId: m.uint(is721 ? 'erc721TokenId' : 'erc1155TokenId'),
        amount: is721 ? 1n : (m.uint('erc1155TokenAmount') ?? 1n),
        anyTokenId: m.structs(is721 ? 'erc721TokenProperties' : 'erc1155TokenProperties').length > 0,
      };
      // Direction 0 sells the NFT. Fees are paid by the buyer, on top of erc20TokenAmount (0x docs,
      // "Royalties and Fees"): a bid pays them out of the signer's tokens, a listing does not.
      const sells = m.amount('direction', 0n, 'a sale') === 0n;
      const payment = asset(m.address('erc20Token'), 'erc20');
      const price = (sells ? gets(m, 'erc20TokenAmount') : gives(m, 'erc20TokenAmount')) ?? 0n;
      const fees = sells ? [] : m.structs('fees').flatMap((f) => {
        const recipient = f.address('recipient');
        const amount = gives(f, 'amount') ?? 0n;
        return recipient ? [{ ...payment, amount, recipient }] : [];
      });
      const paid = fees.reduce((sum, f) => sum + f.amount, price);
      return [{ ...base, signer: m.address('maker') ?? signer, gives: sells ? [nft] : [{ ...payment, amount: paid }], receives: sells ? [{ ...payment, amount: price }] : [nft], paysOthers: fees, endTime: m.uint('expiry'), taker: nonZero(m.address('taker', false)) }];
    }
    if (td.primaryType === 'Order') {
      // 0x v3: assets hide in assetData; ERC-20 proxy data is selector + token address.
      const token = (field: string) => {
        const data = m.raw(field);
        return typeof data === 'string' && data.length >= 74 ? tryRead(() => readAddress(`0x${data.slice(34, 74)}`, field)) : undefined;
      };
      return [
        {
          ...base,
          signer: m.address('makerAddress') ?? signer,
          gives: [{ asset: 'token', token: token('makerAssetData'), amount: gives(m, 'makerAssetAmount') ?? 0n }],
          receives: [{ asset: 'token', token: token('takerAssetData'), amount: gets(m, 'takerAssetAmount') ?? 0n }],
          paysOthers: [],
          endTime: m.uint('expirationTimeSeconds'),
          taker: nonZero(m.address('takerAddress', false)),
        },
      ];
    }
    const expiry = td.primaryType === 'OtcOrder' ? (m.uint('expiryAndNonce') ?? 0n) >> 192n : m.uint('expiry');
    return [
      {
        ...base,
        signer: m.address('maker') ?? signer,
        gives: [{ asset: 'erc20', token: m.address('makerToken'), amount: gives(m, 'makerAmount') ?? 0n }],
        receives: [{ asset: 'erc20', token: m.address('takerToken'), amount: gets(m, 'takerAmount') ?? 0n }],
        paysOthers: [],
        endTime: expiry,
        taker: nonZero(m.address('taker', false)),
      },
    ];
  },
};

// 1inch limit orders (@1inch/limit-order-sdk limit-order/eip712/domain.js, maker-traits.js), which
// Fusion orders are too (@1inch/fusion-sdk fusion-order.js signs the inner limit order).
const HAS_EXTENSION = 1n << 249n;
const POST_INTERACTION = 1n << 251n;
const EXPIRATION = (traits: bigint) => (traits >> 80n) & ((1n << 40n) - 1n);

const oneInch: TypedDataDecoder = {
  id: '1inch',
  // Chosen by its declared fields: v4 (router v6, "1inch Aggregation Router" 6) and the older
  // "1inch Limit Order Protocol" versions all declare these.
  matches: (td, m) => td.primaryType === 'Order' && ['makerAsset', 'takerAsset'].every((f) => m.declares(f, 'address')) && ['makingAmount', 'takingAmount'].every((f) => m.declares(f, INT)) && m.declares('maker', 'address'),
  decode(td, m, signer) {
    const maker = m.address('maker') ?? signer;
    const traits = m.uint('makerTraits');
    const gave: OrderItem = { ...asset(m.address('makerAsset'), 'erc20'), amount: gives(m, 'makingAmount') ?? MAX_UINT256 };
    const got: OrderItem = { ...asset(m.address('takerAsset'), 'erc20'), amount: gets(m, 'takingAmount') ?? 0n };
    // receiver 0 means the maker. Fusion orders with fees name the settlement contract, whose
    // extension (not part of the signed message) passes the rest on to the maker.
    const receiver = nonZero(m.address('receiver', false));
    const toMaker = !receiver || (maker !== undefined && receiver === maker);
    const forwarded = traits !== undefined && (traits & (HAS_EXTENSION | POST_INTERACTION)) !== 0n;
    const expiry = traits !== undefined ? EXPIRATION(traits) : undefined;
    return [
      {
        kind: 'order',
        market: '1inch',
        verifyingContract: verifying(td),
        signer: maker,
        gives: [gave],
        receives: toMaker ? [got] : [],
        paysOthers: toMaker ? [] : [{ ...got, recipient: receiver, ...(forwarded ? { forwarded } : {}) }],
        endTime: expiry ? expiry : undefined,
        taker: nonZero(m.address('allowedSender', false)),
        where: 'signature',
      },
    ];
  },
};

// CoW Protocol (Gnosis Protocol v2) orders: @cowprotocol/contracts lib/commonjs/order.js ORDER_TYPE_FIELDS
// and index.js domain(). The owner gives at most sellAmount plus feeAmount and gets at least buyAmount,
// for sell and buy orders alike; receiver 0 means the owner.
const cow: TypedDataDecoder = {
  id: 'cow',
  matches: (td, m) => td.primaryType === 'Order' && ['sellToken', 'buyToken', 'receiver'].every((f) => m.declares(f, 'address')) && ['sellAmount', 'buyAmount'].every((f) => m.declares(f, INT)),
  decode(td, m, signer) {
    const sold = (gives(m, 'sellAmount') ?? MAX_UINT256) + (m.declares('feeAmount', INT) ? (gives(m, 'feeAmount') ?? 0n) : 0n);
    const got: OrderItem = { ...asset(m.address('buyToken'), 'erc20'), amount: gets(m, 'buyAmount') ?? 0n };
    const receiver = nonZero(m.address('receiver', false));
    const toOwner = !receiver || (signer !== undefined && receiver === signer);
    return [
      {
        kind: 'order',
        market: 'CoW Protocol',
        verifyingContract: verifying(td),
        signer,
        gives: [{ ...asset(m.address('sellToken'), 'erc20'), amount: sold }],
        receives: toOwner ? [got] : [],
        paysOthers: toOwner ? [] : [{ ...got, recipient: receiver }],
        endTime: m.uint('validTo'),
        where: 'signature',
      },
    ];
  },
};

export const typedDataDecoders: readonly TypedDataDecoder[] = [eip2612, daiPermit, permit2, seaport, blur, looksRare, zeroEx, oneInch, cow];

export function decodeTypedData(td: TypedDataInput, signer: Address | undefined): Action[] {
  const actions: Action[] = [];
  const unreadable: UnreadableField[] = [];
  const message = TypedStruct.root(td, unreadable);
  let recognised = false;
  for (const decoder of typedDataDecoders) {
    if (!decoder.matches(td, message)) continue;
    recognised = true;
    actions.push(...decoder.decode(td, message, signer));
  }
  actions.unshift({
    kind: 'typed-data',
    primaryType: td.primaryType,
    domainName: name(td) || undefined,
    domainChainId: tryRead(() => readChainId(td.domain.chainId)),
    verifyingContract: verifying(td),
    recognised,
    hashError: td.hashError,
    ...(unreadable.length ? { unreadable } : {}),
  });
  return actions;
}
