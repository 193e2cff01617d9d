// Which wallet methods the analysis reads, and which it knows to be harmless: they sign nothing and
// move nothing, so a guard that holds every eth_send*, eth_sign*, wallet_* and personal_* method by
// default may pass these through. Every other method in those namespaces gets `input.unknown-method`.
import { PERMISSION_METHODS, RAW_TX_METHODS, TX_METHODS, TYPED_DATA_METHODS } from './request';

/** Methods normalizeRequest reads into a typed request (everything else is `unknown`). */
export const ANALYSED_METHODS: ReadonlySet<string> = new Set([
  ...TX_METHODS,
  ...RAW_TX_METHODS,
  ...TYPED_DATA_METHODS,
  ...PERMISSION_METHODS,
  'wallet_sendCalls',
  'wallet_prepareCalls',
  'wallet_sendPreparedCalls',
  'eth_sign',
  'personal_sign',
  'wallet_addEthereumChain',
  'wallet_switchEthereumChain',
]);

/**
 * Methods in the guarded namespaces that only read, connect, or describe, and never sign or move
 * assets, as viem's EIP-1193 schema (types/eip1193.ts) lists them: EIP-2255 (wallet_getPermissions,
 * wallet_requestPermissions, wallet_revokePermissions), EIP-5792 (wallet_getCapabilities,
 * wallet_getCallsStatus, wallet_showCallsStatus), ERC-7811 (wallet_getAssets), ERC-7846 (wallet_disconnect).
 * wallet_watchAsset (EIP-747) is here too: it signs nothing, though it adds a token the site chose to the
 * wallet's list (the wallet asks first).
 * Not here, on purpose: wallet_requestSnaps and wallet_invokeSnap (a snap can sign), wallet_connect
 * (ERC-7846 may carry a sign-in), wallet_addSubAccount (adds an account the site may control), and
 * every method the analysis reads (ANALYSED_METHODS).
 */
export const HARMLESS_METHODS: ReadonlySet<string> = new Set([
  'wallet_getPermissions',
  'wallet_requestPermissions',
  'wallet_revokePermissions',
  'wallet_getCapabilities',
  'wallet_getCallsStatus',
  'wallet_showCallsStatus',
  'wallet_getAssets',
  'wallet_disconnect',
  'wallet_watchAsset',
]);

export function isHarmlessMethod(method: unknown): boolean {
  return typeof method === 'string' && HARMLESS_METHODS.has(method);
}
