// Turns the page's raw `{ method, params }` into one typed shape per kind of request. Everything the
// page sent is untrusted: each field is read leniently (see values.ts) and anything unreadable is
// reported in `problems`, which the rules turn into findings instead of letting the request pass.
import { parseTransaction, type Address, type Hex } from 'viem';
import type { WalletRequest } from '../../types';
import { readPermissionRequest, type PermissionGrant } from './permissions';
import { addressDifference, bytesDifference, messageDifference, quantityDifference, shadowKeys, type ReadingDifference } from './readings';
import { InputError, looksLikeAddress, readAddress, readChainId, readHex, readQuantity, tryRead, type Notes } from './values';
import { readTypedData, type TypedDataInput, type LegacyTypedField } from './typed-data';

export interface Authorization {
  /** 0 means "valid on every chain". */
  chainId: number;
  delegate: Address;
  nonce?: bigint;
}

export interface TxRequest {
  from?: Address;
  /** Absent for contract creation. */
  to?: Address;
  value: bigint;
  data: Hex;
  chainId?: number;
  authorizationList?: Authorization[];
  /** Already signed by the page (eth_sendRawTransaction): the wallet only broadcasts it. */
  presigned?: boolean;
}

export type NormalizedRequest =
  | { kind: 'transaction'; method: string; tx: TxRequest }
  | { kind: 'calls'; method: string; from?: Address; chainId?: number; calls: TxRequest[] }
  | { kind: 'message'; method: 'eth_sign' | 'personal_sign'; address?: Address; data: Hex; paramsSwapped?: boolean }
  | { kind: 'typed-data'; method: string; address?: Address; typedData: TypedDataInput }
  | { kind: 'typed-data-legacy'; method: string; address?: Address; fields: LegacyTypedField[] }
  | { kind: 'add-chain'; method: string; chainId: number; chainName?: string; rpcUrls: string[]; explorerUrls: string[]; nativeSymbol?: string }
  | { kind: 'switch-chain'; method: string; chainId: number }
  | { kind: 'authorizations'; method: string; authorizations: Authorization[] }
  /** ERC-7715: let another key or account spend from this one without asking again. */
  | { kind: 'permissions'; method: string; chainId?: number; grants: PermissionGrant[] }
  /** Calls prepared and signed elsewhere (wallet_sendPreparedCalls): what they do is not in the request. */
  | { kind: 'prepared-calls'; method: string; chainId?: number }
  | { kind: 'unknown'; method: string };

export interface NormalizeResult {
  request?: NormalizedRequest;
  /** Why the request could not be read; the request is then not examined and must not pass silently. */
  error?: string;
  /** Unusual but accepted encodings. */
  notes: Notes;
  /** Fields that other readers (wallets, parsers, copies) would take differently; see readings.ts. */
  differences: ReadingDifference[];
}

/**
 * Methods whose first parameter is a transaction object, as in eth_sendTransaction:
 * - eth_signTransaction (returns the signed bytes for the page to send);
 * - wallet_sendTransaction, the wallet-namespace alias viem's sendTransaction and sendTransactionSync
 *   try first (viem actions/wallet/sendTransactionSync.ts);
 * - eth_sendTransactionSync, the send-and-wait form of EIP-7966 (which names eth_sendRawTransactionSync);
 * - eth_sendUnsignedTransaction, the development nodes' method (viem actions/test/sendUnsignedTransaction.ts);
 * - personal_sendTransaction, geth's [tx, passphrase].
 */
export const TX_METHODS = new Set(['eth_sendTransaction', 'eth_signTransaction', 'wallet_sendTransaction', 'eth_sendTransactionSync', 'eth_sendUnsignedTransaction', 'personal_sendTransaction']);
/** Already-signed transactions the wallet passes to its node (viem types/eip1193.ts; EIP-7966 for the Sync form). */
export const RAW_TX_METHODS = new Set(['eth_sendRawTransaction', 'eth_sendRawTransactionSync']);
export const PERMISSION_METHODS = new Set(['wallet_grantPermissions', 'wallet_requestExecutionPermissions']);
export const TYPED_DATA_METHODS = new Set(['eth_signTypedData', 'eth_signTypedData_v1', 'eth_signTypedData_v3', 'eth_signTypedData_v4']);

const MAX_CALLS = 256;
const MAX_AUTHORIZATIONS = 64;

export function normalizeRequest(raw: unknown): NormalizeResult {
  const notes: Notes = [];
  const differences: ReadingDifference[] = [];
  try {
    if (typeof raw !== 'object' || raw === null) throw new InputError('the request is not an object');
    const { method, params } = raw as WalletRequest;
    if (typeof method !== 'string' || method === '') throw new InputError('the request has no method');
    // First, and whether or not the rest can be read: a hidden prototype is a finding of its own.
    differences.push(...shadowKeys(params, 'params'));
    const request = readByMethod(method, params, notes, differences);
    differences.push(...fieldDifferences(request, params));
    return { request, notes, differences };
  } catch (error) {
    return { error: error instanceof InputError ? error.message : `unexpected input: ${String(error)}`, notes, differences };
  }
}

function readByMethod(method: string, params: unknown, notes: Notes, differences: ReadingDifference[]): NormalizedRequest {
  const list = Array.isArray(params) ? params : params === undefined ? [] : [params];
  if (TX_METHODS.has(method)) {
    if (method === 'personal_sendTransaction' && list[1] !== undefined) notes.push('personal_sendTransaction carries a passphrase');
    return { kind: 'transaction', method, tx: readTx(list[0], 'transaction', notes) };
  }
  if (RAW_TX_METHODS.has(method)) return { kind: 'transaction', method, tx: readRawTx(list[0], notes) };
  // wallet_prepareCalls (Porto, Base account SDK) takes the same { from, chainId, calls } as wallet_sendCalls and only prepares them.
  if (method === 'wallet_sendCalls' || method === 'wallet_prepareCalls') return readSendCalls(method, list[0], notes);
  if (PERMISSION_METHODS.has(method)) return { kind: 'permissions', method, ...readPermissionRequest(method, list, notes) };
  if (method === 'wallet_sendPreparedCalls') {
    // Porto's docs (docs/pages/sdk/rpc/wallet_sendPreparedCalls.md): [{ chainId, context, key|signature }].
    const p = asObject(list[0], 'wallet_sendPreparedCalls parameters');
    const chainId = p.chainId === undefined || p.chainId === null ? undefined : tryRead(() => readChainId(p.chainId, 'chain id', notes));
    return { kind: 'prepared-calls', method, chainId };
  }
  if (method === 'eth_sign') return readEthSign(list, notes);
  if (method === 'personal_sign') return readPersonalSign(list, notes);
  if (TYPED_DATA_METHODS.has(method)) return readTypedDataRequest(method, list, notes, differences);
  if (method === 'wallet_addEthereumChain') return readAddChain(method, list[0], notes);
  if (method === 'wallet_switchEthereumChain') {
    const p = asObject(list[0], 'chain switch parameters');
    return { kind: 'switch-chain', method, chainId: readChainId(p.chainId, 'chain id', notes) };
  }
  const authorizations = findAuthorizationList(list);
  if (authorizations !== undefined) return { kind: 'authorizations', method, authorizations: readAuthorizations(authorizations, notes) };
  return { kind: 'unknown', method };
}

/**
 * Fields are read as the object's own: an inherited property (a polluted Object.prototype in a direct
 * caller, or `toString` asked for by name) is not part of what the page sent.
 */
function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${what} is missing or not an object`);
  // A prototype-less copy of the own fields: no lookup falls through to a prototype, and an own
  // "__proto__" stays an ordinary field (define, never assign, so no setter can run).
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: (value as Record<string, unknown>)[key], enumerable: true });
  return copy;
}

/** eth_sendRawTransaction: the page signed it already; read what it does (viem parses every envelope type). */
function readRawTx(value: unknown, notes: Notes): TxRequest {
  const bytes = readHex(value, 'signed transaction', notes);
  let parsed: ReturnType<typeof parseTransaction>;
  try {
    parsed = parseTransaction(bytes);
  } catch {
    throw new InputError('the signed transaction does not parse');
  }
  const tx: TxRequest = { value: parsed.value ?? 0n, data: parsed.data ?? '0x', presigned: true };
  if (parsed.to) tx.to = readAddress(parsed.to, 'transaction recipient');
  if (parsed.chainId !== undefined) tx.chainId = parsed.chainId;
  if ('authorizationList' in parsed && parsed.authorizationList) {
    tx.authorizationList = parsed.authorizationList.map((a) => ({ chainId: a.chainId, delegate: readAddress(a.address, 'authorization delegate'), nonce: BigInt(a.nonce) }));
  }
  return tx;
}

export function readTx(value: unknown, what: string, notes: Notes): TxRequest {
  const t = asObject(value, what);
  // Wallets accept both `data` and the older `input`; when both are present and differ the wallet
  // picks one we cannot know for sure, so that is an error rather than a guess.
  if (t.data !== undefined && t.input !== undefined && t.data !== t.input) throw new InputError(`${what} has different "data" and "input"`);
  const rawData = t.data ?? t.input;
  const tx: TxRequest = {
    value: t.value === undefined || t.value === null ? 0n : readQuantity(t.value, `${what} value`, notes),
    data: rawData === undefined || rawData === null ? '0x' : readHex(rawData, `${what} data`, notes),
  };
  if (t.from !== undefined && t.from !== null) tx.from = readAddress(t.from, `${what} sender`, notes);
  if (t.to !== undefined && t.to !== null && t.to !== '') tx.to = readAddress(t.to, `${what} recipient`, notes);
  if (t.chainId !== undefined && t.chainId !== null) tx.chainId = readChainId(t.chainId, `${what} chain id`, notes);
  if (t.authorizationList !== undefined && t.authorizationList !== null) tx.authorizationList = readAuthorizations(t.authorizationList, notes);
  return tx;
}

function readSendCalls(method: string, value: unknown, notes: Notes): NormalizedRequest {
  const p = asObject(value, 'wallet_sendCalls parameters');
  if (!Array.isArray(p.calls)) throw new InputError('wallet_sendCalls has no list of calls');
  if (p.calls.length > MAX_CALLS) throw new InputError(`wallet_sendCalls has more than ${MAX_CALLS} calls`);
  const from = p.from === undefined || p.from === null ? undefined : readAddress(p.from, 'batch sender', notes);
  const chainId = p.chainId === undefined || p.chainId === null ? undefined : readChainId(p.chainId, 'batch chain id', notes);
  const calls = p.calls.map((c, i) => {
    const tx = readTx(c, `call ${i + 1}`, notes);
    if (from && !tx.from) tx.from = from;
    if (chainId !== undefined && tx.chainId === undefined) tx.chainId = chainId;
    return tx;
  });
  return { kind: 'calls', method, from, chainId, calls };
}

function readEthSign(list: unknown[], notes: Notes): NormalizedRequest {
  if (list.length < 2) throw new InputError('eth_sign needs an address and data');
  return { kind: 'message', method: 'eth_sign', address: readAddress(list[0], 'signer', notes), data: readHex(list[1], 'data to sign', notes) };
}

function readPersonalSign(list: unknown[], notes: Notes): NormalizedRequest {
  if (list.length < 1) throw new InputError('personal_sign has no message');
  // The standard order is [message, address]; several wallets also accept [address, message].
  // A 20-byte message in the first place is ambiguous, so the standard order wins then.
  let [message, address] = list;
  let paramsSwapped = false;
  if (looksLikeAddress(message) && list.length >= 2 && !looksLikeAddress(address)) {
    [message, address] = [address, message];
    paramsSwapped = true;
    notes.push('personal_sign parameters are in reverse order');
  }
  const data = messageBytes(message, notes);
  const signer = address === undefined || address === null ? undefined : tryRead(() => readAddress(address, 'signer', notes));
  return { kind: 'message', method: 'personal_sign', address: signer, data, paramsSwapped };
}

/** personal_sign takes hex bytes, but wallets sign plain text as UTF-8 when it is not hex. */
function messageBytes(value: unknown, notes: Notes): Hex {
  if (typeof value !== 'string') throw new InputError('message to sign is not a string');
  if (/^0x([0-9a-fA-F]{2})*$/.test(value)) return value.toLowerCase() as Hex;
  if (/^0x[0-9a-fA-F]+$/.test(value)) return readHex(value, 'message', notes);
  const bytes = new TextEncoder().encode(value);
  return `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function readTypedDataRequest(method: string, list: unknown[], notes: Notes, differences: ReadingDifference[]): NormalizedRequest {
  if (list.length < 2) throw new InputError(`${method} needs an address and typed data`);
  // v3/v4 are [address, data], v1 is [data, address]; dapps mix them up and wallets tolerate it.
  let [first, second] = list;
  if (!looksLikeAddress(first) && looksLikeAddress(second)) {
    if (method !== 'eth_signTypedData' && method !== 'eth_signTypedData_v1') notes.push(`${method} parameters are in reverse order`);
    [first, second] = [second, first];
  }
  const address = readAddress(first, 'signer', notes);
  const parsed = readTypedData(second, notes, differences);
  if (parsed.kind === 'legacy') return { kind: 'typed-data-legacy', method, address, fields: parsed.fields };
  return { kind: 'typed-data', method, address, typedData: parsed.typedData };
}

function readAddChain(method: string, value: unknown, notes: Notes): NormalizedRequest {
  const p = asObject(value, 'chain parameters');
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const currency = typeof p.nativeCurrency === 'object' && p.nativeCurrency !== null ? (p.nativeCurrency as Record<string, unknown>) : {};
  return {
    kind: 'add-chain',
    method,
    chainId: readChainId(p.chainId, 'chain id', notes),
    chainName: typeof p.chainName === 'string' ? p.chainName : undefined,
    rpcUrls: strings(p.rpcUrls),
    explorerUrls: strings(p.blockExplorerUrls),
    nativeSymbol: typeof currency.symbol === 'string' ? currency.symbol : undefined,
  };
}

function findAuthorizationList(list: unknown[]): unknown {
  for (const p of list) {
    if (typeof p === 'object' && p !== null && Object.hasOwn(p, 'authorizationList')) return (p as { authorizationList: unknown }).authorizationList;
  }
  return undefined;
}

const ownField = (o: unknown, key: string): unknown => (typeof o === 'object' && o !== null && Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined);

/** The raw fields the request was read from, compared with how other readers take them. */
function fieldDifferences(request: NormalizedRequest, params: unknown): ReadingDifference[] {
  const list = Array.isArray(params) ? params : params === undefined ? [] : [params];
  const out: ReadingDifference[] = [];
  const add = (d: ReadingDifference | undefined) => d && out.length < 40 && out.push(d);
  const authorizations = (value: unknown, where: string) => {
    if (!Array.isArray(value)) return;
    value.slice(0, MAX_AUTHORIZATIONS).forEach((a, i) => {
      add(quantityDifference(ownField(a, 'chainId'), `${where} authorization ${i + 1} chain id`));
      add(quantityDifference(ownField(a, 'nonce'), `${where} authorization ${i + 1} nonce`));
      add(addressDifference(ownField(a, 'address') ?? ownField(a, 'contractAddress'), `${where} authorization ${i + 1} delegate`));
    });
  };
  const tx = (t: unknown, where: string) => {
    add(quantityDifference(ownField(t, 'value'), `${where} value`, 'wei'));
    add(quantityDifference(ownField(t, 'chainId'), `${where} chain id`));
    add(quantityDifference(ownField(t, 'nonce'), `${where} nonce`));
    add(bytesDifference(ownField(t, 'data') ?? ownField(t, 'input'), `${where} data`));
    add(addressDifference(ownField(t, 'to'), `${where} recipient`));
    add(addressDifference(ownField(t, 'from'), `${where} sender`));
    authorizations(ownField(t, 'authorizationList'), where);
  };
  switch (request.kind) {
    case 'transaction':
      if (!request.tx.presigned) tx(list[0], 'transaction');
      break;
    case 'calls': {
      const p = list[0];
      add(quantityDifference(ownField(p, 'chainId'), 'batch chain id'));
      add(addressDifference(ownField(p, 'from'), 'batch sender'));
      const calls = ownField(p, 'calls');
      if (Array.isArray(calls)) calls.slice(0, MAX_CALLS).forEach((c, i) => tx(c, `call ${i + 1}`));
      break;
    }
    case 'add-chain':
    case 'switch-chain':
      add(quantityDifference(ownField(list[0], 'chainId'), 'chain id'));
      break;
    case 'message':
      add(messageDifference(request.method === 'eth_sign' || request.paramsSwapped ? list[1] : list[0], 'message'));
      break;
    case 'authorizations':
      for (const p of list) authorizations(ownField(p, 'authorizationList'), 'request');
      break;
    default:
      break;
  }
  return out;
}

function readAuthorizations(value: unknown, notes: Notes): Authorization[] {
  if (!Array.isArray(value)) throw new InputError('authorizationList is not a list');
  if (value.length > MAX_AUTHORIZATIONS) throw new InputError(`authorizationList has more than ${MAX_AUTHORIZATIONS} entries`);
  return value.map((a, i) => {
    const o = asObject(a, `authorization ${i + 1}`);
    // viem names the field `address` (and formerly `contractAddress`); the RPC shape also says `address`.
    const delegate = o.address ?? o.contractAddress;
    const auth: Authorization = {
      chainId: readChainId(o.chainId, `authorization ${i + 1} chain id`, notes),
      delegate: readAddress(delegate, `authorization ${i + 1} delegate`, notes),
    };
    if (o.nonce !== undefined && o.nonce !== null) auth.nonce = readQuantity(o.nonce, `authorization ${i + 1} nonce`, notes);
    return auth;
  });
}

/** Who signs the request, as the request itself names them. */
export function signerOf(request: NormalizedRequest): Address | undefined {
  switch (request.kind) {
    case 'transaction':
      return request.tx.from;
    case 'calls':
      return request.from ?? request.calls[0]?.from;
    case 'message':
    case 'typed-data':
    case 'typed-data-legacy':
      return request.address;
    case 'permissions':
    case 'prepared-calls':
    default:
      return undefined;
  }
}
