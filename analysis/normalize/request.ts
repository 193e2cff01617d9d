// Turns the page's raw `{ method, params }` into one typed shape per kind of request. Everything the
// page sent is untrusted: each field is read leniently (see values.ts) and anything unreadable is
// reported in `problems`, which the rules turn into findings instead of letting the request pass.
import type { Address, Hex } from 'viem';
import type { WalletRequest } from '../types';
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
  | { kind: 'unknown'; method: string };

export interface NormalizeResult {
  request?: NormalizedRequest;
  /** Why the request could not be read; the request is then not examined and must not pass silently. */
  error?: string;
  /** Unusual but accepted encodings. */
  notes: Notes;
}

export const TX_METHODS = new Set(['eth_sendTransaction', 'eth_signTransaction']);
export const TYPED_DATA_METHODS = new Set(['eth_signTypedData', 'eth_signTypedData_v1', 'eth_signTypedData_v3', 'eth_signTypedData_v4']);

const MAX_CALLS = 256;
const MAX_AUTHORIZATIONS = 64;

export function normalizeRequest(raw: unknown): NormalizeResult {
  const notes: Notes = [];
  try {
    if (typeof raw !== 'object' || raw === null) throw new InputError('the request is not an object');
    const { method, params } = raw as WalletRequest;
    if (typeof method !== 'string' || method === '') throw new InputError('the request has no method');
    return { request: readByMethod(method, params, notes), notes };
  } catch (error) {
    return { error: error instanceof InputError ? error.message : `unexpected input: ${String(error)}`, notes };
  }
}

function readByMethod(method: string, params: unknown, notes: Notes): NormalizedRequest {
  const list = Array.isArray(params) ? params : params === undefined ? [] : [params];
  if (TX_METHODS.has(method)) return { kind: 'transaction', method, tx: readTx(list[0], 'transaction', notes) };
  if (method === 'wallet_sendCalls') return readSendCalls(method, list[0], notes);
  if (method === 'eth_sign') return readEthSign(list, notes);
  if (method === 'personal_sign') return readPersonalSign(list, notes);
  if (TYPED_DATA_METHODS.has(method)) return readTypedDataRequest(method, list, notes);
  if (method === 'wallet_addEthereumChain') return readAddChain(method, list[0], notes);
  if (method === 'wallet_switchEthereumChain') {
    const p = asObject(list[0], 'chain switch parameters');
    return { kind: 'switch-chain', method, chainId: readChainId(p.chainId, 'chain id', notes) };
  }
  const authorizations = findAuthorizationList(list);
  if (authorizations !== undefined) return { kind: 'authorizations', method, authorizations: readAuthorizations(authorizations, notes) };
  return { kind: 'unknown', method };
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${what} is missing or not an object`);
  return value as Record<string, unknown>;
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

function readTypedDataRequest(method: string, list: unknown[], notes: Notes): NormalizedRequest {
  if (list.length < 2) throw new InputError(`${method} needs an address and typed data`);
  // v3/v4 are [address, data], v1 is [data, address]; dapps mix them up and wallets tolerate it.
  let [first, second] = list;
  if (!looksLikeAddress(first) && looksLikeAddress(second)) {
    if (method !== 'eth_signTypedData' && method !== 'eth_signTypedData_v1') notes.push(`${method} parameters are in reverse order`);
    [first, second] = [second, first];
  }
  const address = readAddress(first, 'signer', notes);
  const parsed = readTypedData(second, notes);
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
    if (typeof p === 'object' && p !== null && 'authorizationList' in p) return (p as { authorizationList: unknown }).authorizationList;
  }
  return undefined;
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
    default:
      return undefined;
  }
}
