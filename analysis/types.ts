// Shared data shapes of the analysis. Findings are data, not strings glued in the UI, so the confirm
// window, the CLI, the history and the tests all read the same thing.
import type { AssetChangesReport } from './ethereum/simulate/types';

export type Severity = 'info' | 'warn' | 'danger';

export type VerdictKind = 'allow' | 'warn' | 'block';

export interface Finding {
  /** Stable rule id, e.g. `approval.unlimited`; listed in docs/rules.md. */
  id: string;
  severity: Severity;
  /** One short sentence in plain words. */
  title: string;
  /** Why it matters, in plain words. */
  detail: string;
  /** Machine-readable facts behind the finding (addresses, amounts, selectors). JSON-safe. */
  evidence?: Record<string, unknown>;
  /** How many findings of this rule this one stands for, when the verdict grouped several (analysis/findings/group.ts). */
  count?: number;
}

/** What the page asked the wallet to do, as captured by the guard (a JSON snapshot). */
export interface WalletRequest {
  method: string;
  params?: unknown;
}

/** Facts about a request that come from the browser or the extension, never from the page. */
export interface RequestOrigin {
  /** Origin of the top-level page, e.g. `https://app.uniswap.org`. */
  origin: string;
  /** Origin of the frame that made the request when it is not the top frame. */
  frameOrigin?: string;
}

export type CounterpartyRole = 'spender' | 'operator' | 'recipient' | 'target contract' | 'order recipient' | 'order taker' | 'EIP-7702 delegate' | 'verifying contract';

/** Who the request deals with, as the user can recognise them (analysis/ethereum/counterparty.ts). */
export interface Counterparty {
  address: string;
  role: CounterpartyRole;
  kind: 'listed' | 'known' | 'personal-account' | 'new-account' | 'no-code' | 'unknown-contract' | 'delegated-account' | 'unchecked';
  /** A known protocol's name for the address. */
  name?: string;
  protocol?: string;
}

export interface Verdict {
  verdict: VerdictKind;
  /** Model score in [0, 1] when a model ran, otherwise null. */
  score: number | null;
  /** One sentence on what the request does. */
  summary: string;
  findings: Finding[];
  /** What the request would move (simulation), when the simulation step ran; see analysis/ethereum/simulate. */
  assetChanges?: AssetChangesReport;
  /** Who it deals with, when the request names someone other than the signer. */
  counterparty?: Counterparty;
}
