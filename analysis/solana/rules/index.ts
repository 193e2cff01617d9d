// The Solana rule registry: every rule the Solana analysis runs, family by family, in the order
// findings are listed. The page's rules (chain-neutral, analysis/site/site-rules.ts) run beside them.
import type { RuleFamily } from '../../findings/rule';
import { inputRules } from './input';
import { messageRules } from './messages';
import type { SolanaRule, SolanaRuleContext } from './rule';
import { tokenRules } from './tokens';
import { transactionRules } from './transactions';

export const solanaRules: readonly SolanaRule[] = [...inputRules, ...transactionRules, ...tokenRules, ...messageRules];

/** Info findings that best say what an allowed Solana request does, in order of preference (the verdict's summary). */
export const SOLANA_DESCRIBING: readonly string[] = ['solana.sol-transfer', 'solana.token-transfer', 'solana.revoke', 'solana.close-account', 'solana.create-account', 'solana.burn', 'solana.sign-in', 'solana.message-text', 'solana.unknown-program', 'solana.token-other'];

export const solanaFamilies: readonly RuleFamily<SolanaRuleContext>[] = [
  { name: 'Rules on Solana requests', about: 'They read the decoded Solana transaction, message or sign-in (analysis/solana/rules).', rules: solanaRules },
];

export type { SolanaRule, SolanaRuleContext, TransactionReading } from './rule';
