// Which wallet methods the firewall holds for a decision. Guarded by default: every method whose name
// says it sends, signs or asks the wallet to act (`eth_send*`, `eth_sign*`, `wallet_*`, `personal_*`,
// in any letter case a lenient wallet might accept) is held, unless it is on the short list of
// methods known to only read or to change nothing of value. New wallet methods (ERC-7715 permission
// grants, prepared calls, synchronous sends) are therefore held before anyone has written a rule for
// them. Everything else (eth_call, eth_chainId, eth_getBalance, …) passes straight through.
//
// Runs in every page before any page script, and uses only the built-ins captured then.
import { apply, getOwnPropertyDescriptor, isArray, jsonParse, jsonStringify, reflectOwnKeys, stringCharCodeAt } from './pristine';

const GUARDED_PREFIXES = ['eth_send', 'eth_sign', 'wallet_', 'personal_'];

/** Exact names; a null-prototype record, so nothing the page adds to Object.prototype is "known". */
const HARMLESS: Record<string, true | undefined> = {
  __proto__: null,
  // Reads (EIP-2255, EIP-5792, ERC-7811, ERC-7715's own lists), as viem's EIP-1193 schema names them.
  wallet_getPermissions: true,
  wallet_getCapabilities: true,
  wallet_getCallsStatus: true,
  wallet_getSnaps: true,
  wallet_getAllSnaps: true,
  wallet_getAssets: true,
  wallet_getSupportedExecutionPermissions: true,
  wallet_getGrantedExecutionPermissions: true,
  personal_ecRecover: true,
  // Wallet screens that show something or take something away, never give.
  wallet_showCallsStatus: true,
  wallet_revokePermissions: true,
  wallet_watchAsset: true,
  wallet_registerOnboarding: true,
  wallet_disconnect: true,
  // Not here, on purpose: wallet_connect (ERC-7846 may carry a sign-in), wallet_requestSnaps and
  // wallet_invokeSnap (a snap can sign), wallet_addSubAccount (an account the site may control).
} as unknown as Record<string, true | undefined>;

/** Permissions `wallet_requestPermissions` may ask for without holding it: connecting, nothing more. */
const CONNECT_PERMISSIONS: Record<string, true | undefined> = { __proto__: null, eth_accounts: true, 'endowment:permitted-chains': true } as unknown as Record<string, true | undefined>;

const hasOwn = (o: object, key: string) => getOwnPropertyDescriptor(o, key) !== undefined;

/** `text` starts with `prefix` (lower-case ASCII), ignoring the case of `text`; char codes only. */
function startsWithFolded(text: string, prefix: string): boolean {
  if (text.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    let c = apply(stringCharCodeAt, text, [i]) as number;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== (apply(stringCharCodeAt, prefix, [i]) as number)) return false;
  }
  return true;
}

function isGuardedName(method: string): boolean {
  if (HARMLESS[method]) return false;
  for (let i = 0; i < GUARDED_PREFIXES.length; i++) if (startsWithFolded(method, GUARDED_PREFIXES[i]!)) return true;
  return false;
}

/** True when an EIP-7702 authorization list rides along in the params, whatever the method is called. */
function carriesAuthorizationList(params: unknown): boolean {
  if (!isArray(params)) return false;
  for (let i = 0; i < params.length; i++) {
    const item: unknown = params[i];
    if (item !== null && typeof item === 'object' && (hasOwn(item, 'authorizationList') || 'authorizationList' in item)) return true;
  }
  return false;
}

/** Only eth_accounts (and the chains it is for) asked: a connection, which the wallet asks about itself. */
function asksOnlyToConnect(params: unknown): boolean {
  if (!isArray(params) || params.length !== 1) return false;
  const asked: unknown = params[0];
  if (asked === null || typeof asked !== 'object' || isArray(asked)) return false;
  const keys = reflectOwnKeys(asked);
  if (keys.length === 0) return false;
  for (let i = 0; i < keys.length; i++) if (typeof keys[i] !== 'string' || !CONNECT_PERMISSIONS[keys[i] as string]) return false;
  return true;
}

export interface Classified {
  guarded: boolean;
  /** The params the wallet is to receive: a JSON copy when the decision depended on reading them. */
  params: unknown;
}

/**
 * Whether a request is held, and what the wallet gets. Where the answer depends on what is inside
 * the params, it is taken from a JSON copy that the wallet then receives, so a Proxy or getter cannot
 * show the guard one thing and the wallet another. Throws when such params cannot be copied.
 */
export function classifyRequest(method: unknown, params: unknown): Classified {
  if (typeof method !== 'string') return { guarded: false, params };
  if (method === 'wallet_requestPermissions') {
    const copy: unknown = params === undefined ? undefined : jsonParse(jsonStringify(params));
    return { guarded: !asksOnlyToConnect(copy), params: copy };
  }
  return { guarded: isGuardedName(method) || carriesAuthorizationList(params), params };
}

export function isGuardedRequest(method: unknown, params: unknown): boolean {
  return classifyRequest(method, params).guarded;
}
