// The one list of function names drainer kits give their payable function so the wallet shows a
// reassuring word ("airdrop" and "wallet" phishing: PTXPhish's payable-function category, ScamSniffer's
// reports). Calling one with value hands the value to the scammer.
import { callFamily } from './call-family';

/**
 * `model` says how the contract model files a call to the function: it was trained on an older copy
 * of this list, so the names added since (no `model`) are, to it, any other function, and `Multicall()`
 * a multicall, until it is retrained. The model's features read this field, never their own list.
 */
export const SCAM_TYPICAL_FUNCTIONS = [
  { name: 'Claim', model: 'bait' },
  { name: 'claim', model: 'bait' },
  { name: 'ClaimReward', model: 'bait' },
  { name: 'ClaimRewards', model: 'bait' },
  { name: 'claimRewards', model: 'bait' },
  { name: 'claimReward', model: 'bait' },
  { name: 'ClaimAirdrop', model: 'bait' },
  { name: 'claimAirdrop', model: 'bait' },
  { name: 'SecurityUpdate', model: 'bait' },
  { name: 'securityUpdate', model: 'bait' },
  { name: 'Connect', model: 'bait' },
  { name: 'connect', model: 'bait' },
  { name: 'Execute', model: 'bait' },
  { name: 'airdrop', model: 'bait' },
  { name: 'Airdrop', model: 'bait' },
  { name: 'Verify', model: 'bait' },
  { name: 'Mint', model: 'bait' },
  { name: 'NetworkMerge', model: 'bait' },
  { name: 'enable', model: 'bait' },
  { name: 'Multicall', model: 'multicall' },
  { name: 'verify' },
  { name: 'Enable' },
  { name: 'Activate' },
  { name: 'Register' },
  { name: 'Swap' },
] as const satisfies readonly { name: string; model?: 'bait' | 'multicall' }[];

export const SCAM_TYPICAL_FAMILY = 'scam-typical';

export const scamTypical = callFamily(
  SCAM_TYPICAL_FAMILY,
  SCAM_TYPICAL_FUNCTIONS.map(({ name }) => ({ type: 'function', name, inputs: [], outputs: [], stateMutability: 'payable' }) as const),
  // Nothing to read: the name is the finding (CallAction.scamName).
  () => {},
);
