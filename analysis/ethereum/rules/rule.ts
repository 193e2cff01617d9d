// The request rules: the pipeline's rule (analysis/findings/rule.ts) over what the analysis knows of
// a request. Checks read the decoded actions and the gathered facts; they never call the network and
// never throw on purpose.
import type { Address } from 'viem';
import type { AddressHistory } from '../context/history';
import type { Facts } from '../context/facts';
import type { Action, ActionOf } from '../decode/actions';
import type { ReadingDifference } from '../normalize/readings';
import type { NormalizedRequest } from '../normalize/request';
import type { SiteRisk } from '../../site/site-risk';
import type { Rule as PipelineRule } from '../../findings/rule';
import type { RequestOrigin, WalletRequest } from '../../types';

export type { RuleHit } from '../../findings/rule';

export interface RuleContext {
  method: string;
  /** Undefined when the request could not be read (see `readError`). */
  request?: NormalizedRequest;
  readError?: string;
  /** Unusual encodings the wallet accepts anyway. */
  notes: string[];
  /** Fields a wallet may read differently from the firewall (analysis/ethereum/normalize/readings.ts). */
  differences?: ReadingDifference[];
  actions: Action[];
  facts: Facts;
  origin: RequestOrigin;
  chainId?: number;
  /** The wallet was asked which chain it is on and gave no answer. */
  chainUnknown?: boolean;
  signer?: Address;
  history?: AddressHistory;
  /** Phishing and drainer address lists (analysis/site); absent => the address-list rule stays silent. */
  site?: SiteRisk;
  /** ms since epoch. */
  now: number;
}

export interface RuleExample {
  /** What the example shows, for the catalogue. */
  note: string;
  origin?: string;
  chainId?: number;
  from?: string;
  request: WalletRequest;
  code?: Record<string, string>;
  /** Addresses the user sent to before (address poisoning examples). */
  history?: string[];
}

export interface Rule extends PipelineRule<RuleContext> {
  /** A request that triggers the rule; the catalogue and a test run it. */
  example?: RuleExample;
}

export function actionsOf<K extends Action['kind']>(ctx: RuleContext, kind: K): ActionOf<K>[] {
  return ctx.actions.filter((a): a is ActionOf<K> => a.kind === kind);
}

export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
