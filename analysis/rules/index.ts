// The rule registry: every rule the analysis runs, in the order findings are listed.
import { approvalRules } from './approvals';
import { batchRules } from './batch';
import { chainRules } from './chains';
import { controlRules } from './control';
import { eip7702Rules } from './eip7702';
import { frameRules } from './frame';
import { inputRules } from './input';
import { messageRules } from './messages';
import { orderRules } from './orders';
import { poisoningRules } from './poisoning';
import type { Rule } from './rule';
import { siteRules } from './site';
import { transactionRules } from './transactions';
import { typedDataRules } from './typed-data';

export const rules: readonly Rule[] = [
  ...inputRules,
  ...frameRules,
  ...siteRules,
  ...poisoningRules,
  ...eip7702Rules,
  ...approvalRules,
  ...controlRules,
  ...orderRules,
  ...batchRules,
  ...transactionRules,
  ...messageRules,
  ...typedDataRules,
  ...chainRules,
];

export type { Rule, RuleContext, RuleHit, RuleExample } from './rule';
/** Rules on the simulation's result; they run when the simulation finishes (see analysis/simulate). */
export { simulationRules, type SimulationRule, type SimulationRuleContext } from './simulation';
