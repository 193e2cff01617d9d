// The rule registry: every rule the pipeline runs, family by family, in the order findings are
// listed. Every finding comes from one of these; docs/rules.md is generated from them. The rules on the
// page (its frame and site) are chain-neutral (analysis/site/site-rules.ts); the pipeline runs them
// among the request's (analysis/ethereum/index.ts).
import type { RuleFamily } from '../../findings/rule';
import { outcomeRules } from '../../findings/outcomes';
import { siteModelRules } from '../../site/model-findings';
import { pageRules } from '../../site/site-rules';
import { addressListRules } from './address-lists';
import { approvalRules } from './approvals';
import { batchRules } from './batch';
import { chainRules } from './chains';
import { controlRules } from './control';
import { eip7702Rules } from './eip7702';
import { inputRules } from './input';
import { messageRules } from './messages';
import { modelRules } from './model';
import { orderRules } from './orders';
import { poisoningRules } from './poisoning';
import type { Rule } from './rule';
import { simulationRules } from './simulation';
import { tokenCodeRules } from './token-code';
import { transactionRules } from './transactions';
import { typedDataRules } from './typed-data';

/** The rules on what the request does, after its input checks and its addresses on the lists. */
export const actionRules: readonly Rule[] = [
  ...poisoningRules,
  ...eip7702Rules,
  ...approvalRules,
  ...tokenCodeRules,
  ...controlRules,
  ...orderRules,
  ...batchRules,
  ...transactionRules,
  ...messageRules,
  ...typedDataRules,
  ...chainRules,
];

/** Every rule on the request, in the order the pipeline runs them (the page's rules come in after the input checks). */
export const rules: readonly Rule[] = [...inputRules, ...addressListRules, ...actionRules];

export { addressListRules, inputRules };

/** Info findings that best say what an allowed request does, in order of preference (the verdict's summary). */
export const DESCRIBING: readonly string[] = ['control.summary', 'approval.known-spender', 'approval.unknown-spender', 'approval.revoke', 'order.summary', 'eip7702.known-delegate', 'tx.transfer', 'tx.call', 'tx.contract-creation', 'siwe.login', 'message.text', 'typed.unrecognised', 'chain.add', 'chain.switch', 'batch.summary'];

export const families: readonly RuleFamily<never>[] = [
  { name: 'Rules on the request', about: 'They read the decoded request, the facts gathered on chain, the address lists and the send history (analysis/ethereum/rules).', rules },
  {
    name: 'Rules on the page',
    about: 'They read the page and the frame that ask, as the browser and the guard saw them, against the site lists and the look-alike checks: the same for every chain (analysis/site/site-rules.ts). Examples with the shipped lists: analysis/site/site-rules.test.ts.',
    rules: pageRules,
  },
  { name: 'Rules on the site\'s name', about: 'They read the domain model\'s answer for a site no list knows (analysis/site/model-findings.ts).', rules: siteModelRules },
  {
    name: 'Rules on the simulation',
    about: 'They judge what the simulation says a request would move (analysis/ethereum/rules/simulation.ts). Examples run against a real node: analysis/ethereum/simulate/simulate.anvil.test.ts and e2e/specs/asset-changes.spec.ts.',
    rules: simulationRules,
  },
  { name: 'Rules on the contract model\'s answer', about: 'They read the contract model\'s score for the contract a transaction calls; the model never warns on its own (analysis/ethereum/rules/model.ts).', rules: modelRules },
  {
    name: 'The pipeline\'s own findings',
    about: 'A step that failed, an analysis that missed its deadline, a simulation that did not come in time: a request the firewall could not examine is never allowed silently (analysis/findings/outcomes.ts).',
    rules: outcomeRules,
  },
];

export type { Rule, RuleContext, RuleHit, RuleExample } from './rule';
export { simulationRules, type SimulationRule, type SimulationRuleContext } from './simulation';
export { modelRules, type ModelAnswer } from './model';
