// What a simulation says a request would move. Every amount is a decimal string and every shape is
// plain JSON, because the result travels in the verdict: through extension messages, into storage
// and the history, none of which carry bigints.
import type { Address, Hex } from 'viem';

export type SimulatedAssetKind = 'native' | 'erc20' | 'erc721' | 'erc1155';

export interface SimulatedAsset {
  kind: SimulatedAssetKind;
  /** Undefined for the native coin. */
  token?: Address;
  symbol?: string;
  decimals?: number;
  /** ERC-721 / ERC-1155 item id, decimal. */
  tokenId?: string;
}

/** One transfer seen during the simulation (a log, or a value transfer between accounts). */
export interface AssetMovement {
  asset: SimulatedAsset;
  from: Address;
  to: Address;
  /** Decimal; 1 for an ERC-721 item. */
  amount: string;
  /** Index of the call in the request (0 for a single transaction). */
  call: number;
}

/** The net change of one asset for one party. */
export interface AssetChange {
  party: Address;
  asset: SimulatedAsset;
  /** Signed decimal: negative means the party loses it. */
  amount: string;
  /** Plain words, e.g. "-1.5 TST", "+1 NFT #3", "up to all your USDC". */
  display: string;
  /** A signature authorizes at most this much; the real amount is decided by whoever submits it. */
  upTo?: boolean;
  /** The signature allows taking an unlimited amount. */
  unlimited?: boolean;
}

export interface ApprovalChange {
  owner: Address;
  token: Address;
  symbol?: string;
  spender: Address;
  /** `amount` for ERC-20, `item` for one ERC-721 item, `all` for setApprovalForAll. */
  scope: 'amount' | 'item' | 'all';
  /** Decimal; for `amount`. */
  amount?: string;
  /** Decimal; for `item`. */
  tokenId?: string;
  unlimited: boolean;
  revokes: boolean;
  /** Index of the call that granted it, for transactions. */
  call?: number;
}

export type PartyCode = 'contract' | 'eoa' | 'unknown';

export interface SimulationResult {
  /** `success` and `reverted` come from running the request; `unavailable` means nothing is known. */
  outcome: 'success' | 'reverted' | 'unavailable';
  /** `now` for transactions; `on-submit` for signatures, which move nothing until someone submits them. */
  when: 'now' | 'on-submit';
  /** How the result was obtained. */
  via: 'eth_simulateV1' | 'debug_traceCall' | 'eth_call' | 'signature' | 'none';
  signer?: Address;
  /** The contracts or accounts the request calls, in order. */
  targets: Address[];
  /** Net changes per party and asset; the signer's come first. */
  changes: AssetChange[];
  movements: AssetMovement[];
  /** Approvals granted or revoked by the request itself. */
  approvals: ApprovalChange[];
  /** Whether each party that receives or loses something holds code, when it could be read. */
  parties: Record<string, PartyCode>;
  revert?: { call: number; reason: string; data?: Hex };
  /** Why the request could not be simulated (outcome `unavailable`). */
  reason?: string;
  /** Set when the node, not the request, kept the simulation from running: it gave no answer, or it
   *  serves another chain than the wallet's. The user hears of it (`simulation.node-failed`). */
  nodeFailure?: 'no-answer' | 'wrong-chain';
  /** Block the simulation ran on top of, decimal. */
  blockNumber?: string;
  /** Caveats in plain words (e.g. gas is not included). */
  notes: string[];
}

/** What the verdict carries: the result, and whether it arrived in time. */
export interface AssetChangesReport {
  /** `complete`: the result is here (it may say the request reverts); `late`: the simulation missed the
   *  deadline and joins later; `unavailable`: no simulation ran or the node could not run one. */
  state: 'complete' | 'late' | 'unavailable';
  result?: SimulationResult;
  reason?: string;
}

/** One call to simulate, as normalized from the request. */
export interface SimulationCall {
  to?: Address;
  value: bigint;
  data: Hex;
}

export interface SimulationRequest {
  from: Address;
  calls: SimulationCall[];
  chainId?: number;
}

export interface Simulator {
  simulate(request: SimulationRequest): Promise<SimulationResult>;
}
