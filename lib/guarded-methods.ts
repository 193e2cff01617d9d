// Which wallet methods the firewall holds for a decision. Everything else passes straight through.
// Kept free of dependencies: the guard that imports it runs in every page the user opens.

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
  if (!Array.isArray(params)) return false;
  for (const item of params) {
    if (item !== null && typeof item === 'object' && 'authorizationList' in item) return true;
  }
  return false;
}

export function isGuardedRequest(method: unknown, params: unknown): boolean {
  if (typeof method !== 'string') return false;
  return GUARDED.has(method) || carriesAuthorizationList(params);
}
