// ERC-7715 permission requests: the site asks the wallet to let another key or account spend from the
// user's account on its own, without asking again, within limits (amount, period, expiry). Two shapes
// are in use, and both are read:
// - `wallet_grantPermissions`, the draft viem implements (viem/experimental/erc7715, actions/
//   grantPermissions.ts and types/{permission,policy,signer}.ts): params [{ expiry, permissions:
//   [{ type: 'native-token-transfer' | 'erc20-token-transfer' | 'contract-call' | custom, data,
//   policies: [{ type: 'token-allowance' | 'gas-limit' | 'rate-limit', data }] }], signer: { type:
//   'account' | 'key' | 'keys' | 'wallet', data: { id | ids } } }].
// - `wallet_requestExecutionPermissions`, MetaMask's (@metamask/7715-permission-types 2.0.0,
//   PermissionRequest): params [{ chainId, from?, to, permission: { type: 'native-token-stream' |
//   'native-token-periodic' | 'native-token-allowance' | 'erc20-token-stream' | 'erc20-token-periodic' |
//   'erc20-token-allowance' | 'erc20-token-revocation' | 'token-approval-revocation', isAdjustmentAllowed,
//   data }, rules: [{ type: 'expiry', data: { timestamp } } | { type: 'redeemer' | 'payee', data: { addresses } }] }]
//   (earlier releases named the grantee `signer: { type: 'account', data: { address } }`).
import type { Address } from 'viem';
import { InputError, readAddress, readChainId, readQuantity, tryRead, type Notes } from './values';

export interface PermissionGrant {
  /** The permission type as the site wrote it, e.g. "erc20-token-periodic". */
  type: string;
  /** Who receives the permission: an account address, or a key id the site holds. */
  grantee?: string;
  /** Undefined for permissions that move no tokens (revocations, contract calls); 'native' for the coin. */
  token?: Address | 'native';
  /** Most that may be taken: an allowance, a period amount, or a stream's cap. Undefined = no cap given. */
  amount?: bigint;
  /** An amount was given but could not be read; it is treated as no cap. */
  amountUnreadable?: boolean;
  /** The amount renews every this many seconds. */
  periodSeconds?: number;
  /** A stream: this much more becomes available every second (on top of `amount` at the start). */
  perSecond?: bigint;
  /** Seconds since epoch; undefined = no expiry given. */
  expiry?: bigint;
  /** Contract the permission may call, for call permissions. */
  contract?: Address;
  /** The wallet may let the user change the limits (MetaMask's isAdjustmentAllowed). */
  adjustable?: boolean;
  /** Revokes approvals rather than granting spending. */
  revokes?: boolean;
  /** Addresses that may use it or be paid, when the request restricts them. */
  restrictedTo?: string[];
  justification?: string;
}

const MAX_GRANTS = 64;
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 16) : []);

function amountOf(v: unknown, what: string, notes: Notes): { amount?: bigint; amountUnreadable?: boolean } {
  if (v === undefined || v === null) return {};
  const n = tryRead(() => readQuantity(v, what, notes));
  return n === undefined ? { amountUnreadable: true } : { amount: n };
}

const seconds = (v: unknown, notes: Notes) => (v === undefined || v === null ? undefined : tryRead(() => readQuantity(v, 'permission time', notes)));

function granteeOf(signer: unknown, notes: Notes): string | undefined {
  const s = obj(signer);
  const data = obj(own(s, 'data'));
  const id = own(data, 'address') ?? own(data, 'id');
  if (typeof id === 'string') return tryRead(() => readAddress(id, 'permission grantee', notes)) ?? id;
  const ids = strings(own(data, 'ids'));
  if (ids.length) return ids.join(', ');
  return own(s, 'type') === 'wallet' ? 'the wallet itself' : undefined;
}

/** MetaMask's permission data (amounts are hex strings). */
function executionPermission(p: Obj, notes: Notes): PermissionGrant {
  const type = text(own(p, 'type')) ?? '(no type)';
  const data = obj(own(p, 'data'));
  const grant: PermissionGrant = { type, adjustable: own(p, 'isAdjustmentAllowed') === true };
  const justification = text(own(data, 'justification'));
  if (justification) grant.justification = justification;
  if (type.endsWith('-revocation')) return { ...grant, revokes: true };
  const tokenAddress = own(data, 'tokenAddress');
  grant.token = type.startsWith('native-') ? 'native' : tokenAddress === undefined ? undefined : tryRead(() => readAddress(tokenAddress, 'permission token', notes));
  if (type.endsWith('-periodic')) {
    Object.assign(grant, amountOf(own(data, 'periodAmount'), 'period amount', notes));
    const period = seconds(own(data, 'periodDuration'), notes);
    if (period !== undefined && period <= BigInt(Number.MAX_SAFE_INTEGER)) grant.periodSeconds = Number(period);
  } else if (type.endsWith('-stream')) {
    // A stream without maxAmount has no cap: it keeps growing for as long as the permission lasts.
    Object.assign(grant, amountOf(own(data, 'maxAmount'), 'stream cap', notes));
    const rate = amountOf(own(data, 'amountPerSecond'), 'stream rate', notes);
    if (rate.amount !== undefined) grant.perSecond = rate.amount;
    if (rate.amountUnreadable) grant.amountUnreadable = true;
  } else if (type.endsWith('-allowance')) {
    Object.assign(grant, amountOf(own(data, 'allowanceAmount'), 'allowance', notes));
  }
  return grant;
}

/** viem's draft: permission data names the token, a token-allowance policy the amount. */
function draftPermission(p: Obj, notes: Notes): PermissionGrant {
  const type = text(own(p, 'type')) ?? text(own(obj(own(p, 'type')), 'custom')) ?? '(no type)';
  const data = obj(own(p, 'data'));
  const grant: PermissionGrant = { type };
  const address = own(data, 'address');
  if (type === 'native-token-transfer') grant.token = 'native';
  else if (type === 'erc20-token-transfer' && address !== undefined) grant.token = tryRead(() => readAddress(address, 'permission token', notes));
  else if (type === 'contract-call' && address !== undefined) grant.contract = tryRead(() => readAddress(address, 'permission contract', notes));
  const policies = Array.isArray(own(p, 'policies')) ? (own(p, 'policies') as unknown[]).map(obj) : [];
  for (const policy of policies.slice(0, 16)) {
    const pdata = obj(own(policy, 'data'));
    if (own(policy, 'type') === 'token-allowance') Object.assign(grant, amountOf(own(pdata, 'allowance'), 'allowance', notes));
    if (own(policy, 'type') === 'rate-limit') {
      const interval = seconds(own(pdata, 'interval'), notes);
      if (interval !== undefined && interval <= BigInt(Number.MAX_SAFE_INTEGER)) grant.periodSeconds = Number(interval);
    }
  }
  return grant;
}

export function readPermissionRequest(method: string, list: unknown[], notes: Notes): { chainId?: number; grants: PermissionGrant[] } {
  if (method === 'wallet_grantPermissions') {
    const p = obj(list[0]);
    const permissions = own(p, 'permissions');
    if (!Array.isArray(permissions)) throw new InputError('wallet_grantPermissions has no list of permissions');
    if (permissions.length > MAX_GRANTS) throw new InputError(`wallet_grantPermissions asks for more than ${MAX_GRANTS} permissions`);
    const expiry = seconds(own(p, 'expiry'), notes);
    const grantee = granteeOf(own(p, 'signer'), notes) ?? (typeof own(p, 'account') === 'string' ? (own(p, 'account') as string) : undefined);
    const chainId = own(p, 'chainId') === undefined ? undefined : tryRead(() => readChainId(own(p, 'chainId'), 'permission chain id', notes));
    return { chainId, grants: permissions.map((x) => ({ ...draftPermission(obj(x), notes), grantee, expiry })) };
  }
  // wallet_requestExecutionPermissions: one request per entry.
  const requests = Array.isArray(list[0]) ? (list[0] as unknown[]) : list;
  if (requests.length === 0) throw new InputError(`${method} asks for no permissions`);
  if (requests.length > MAX_GRANTS) throw new InputError(`${method} asks for more than ${MAX_GRANTS} permissions`);
  let chainId: number | undefined;
  const grants = requests.map((r, i) => {
    const req = obj(r);
    if (!Object.hasOwn(req, 'permission')) throw new InputError(`permission request ${i + 1} has no permission`);
    const c = own(req, 'chainId');
    if (c !== undefined) chainId ??= tryRead(() => readChainId(c, 'permission chain id', notes));
    const to = own(req, 'to') ?? own(req, 'address');
    const grantee = typeof to === 'string' ? (tryRead(() => readAddress(to, 'permission grantee', notes)) ?? to) : granteeOf(own(req, 'signer'), notes);
    const grant: PermissionGrant = { ...executionPermission(obj(own(req, 'permission')), notes), grantee };
    const rules = Array.isArray(own(req, 'rules')) ? (own(req, 'rules') as unknown[]).map(obj) : [];
    for (const rule of rules.slice(0, 16)) {
      const data = obj(own(rule, 'data'));
      if (own(rule, 'type') === 'expiry') grant.expiry = seconds(own(data, 'timestamp'), notes);
      if (own(rule, 'type') === 'redeemer' || own(rule, 'type') === 'payee') grant.restrictedTo = [...(grant.restrictedTo ?? []), ...strings(own(data, 'addresses'))];
    }
    // Earlier MetaMask releases put the expiry on the request itself.
    if (grant.expiry === undefined && own(req, 'expiry') !== undefined) grant.expiry = seconds(own(req, 'expiry'), notes);
    return grant;
  });
  return { chainId, grants };
}
