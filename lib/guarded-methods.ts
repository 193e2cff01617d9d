// Which wallet methods the firewall holds for a decision. Everything else passes straight through.
// Kept free of dependencies: the guard that imports it runs in every page the user opens. It runs
// there before any page script, and uses only what it captured then: a page that later patches
// Set.prototype.has, Array.isArray or the array iterator must not make a signing request look harmless.

const apply = Reflect.apply;
const setHas = Set.prototype.has;
const isArray = Array.isArray;
const hasOwn = Object.prototype.hasOwnProperty;

const GUARDED = new Set([
  'eth_sendTransaction',
  'eth_signTransaction',
  'wallet_sendCalls',
  'eth_sign',
  'personal_sign',
  'eth_signTypedData',
  'eth_signTypedData_v1',
  'eth_signTypedData_v3',
  'eth_signTypedData_v4',
  'wallet_addEthereumChain',
  'wallet_switchEthereumChain',
]);

/** True when an EIP-7702 authorization list rides along in the params, whatever the method is called. */
function carriesAuthorizationList(params: unknown): boolean {
  if (!isArray(params)) return false;
  for (let i = 0; i < params.length; i++) {
    const item: unknown = params[i];
    if (item !== null && typeof item === 'object' && (apply(hasOwn, item, ['authorizationList']) || 'authorizationList' in item)) return true;
  }
  return false;
}

export function isGuardedRequest(method: unknown, params: unknown): boolean {
  if (typeof method !== 'string') return false;
  return (apply(setHas, GUARDED, [method]) as boolean) || carriesAuthorizationList(params);
}
