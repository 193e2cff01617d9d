// Which wallet methods the analysis reads into a typed request. The guard holds every eth_send*,
// eth_sign*, wallet_* and personal_* method but a few harmless ones (its guarded-methods.ts, tested
// against this list); any held method not read here gets `input.unknown-method`.
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
