// The Solana rules: the pipeline's rule (analysis/findings/rule.ts) over what the Solana analysis
// knows of a request. Checks read the decoded actions; they never call the network and never throw on
// purpose (the runner turns a throw into `internal.error`).
import type { Rule as PipelineRule } from '../../findings/rule';
import type { RequestOrigin } from '../../types';
import type { SolanaAction, SolanaActionOf } from '../decode/actions';
import type { MessageReading } from '../decode/message';
import type { DecodedTransaction } from '../decode/transaction';
import type { SignInInput } from '../normalize/request';

export type { RuleHit } from '../../findings/rule';

/** One transaction of the request, as far as it could be read. */
export interface TransactionReading {
  /** Its place among the request's transactions (0-based). */
  position: number;
  decoded?: DecodedTransaction;
  /** Why it could not be read. */
  error?: string;
  actions: SolanaAction[];
  /** The account the wallet signs with: the one the caller or the input names, else the fee payer. */
  signer?: string;
  /** The signer was not named, so the fee payer is taken for it. */
  signerAssumed: boolean;
}

export interface SolanaRuleContext {
  method: string;
  origin: RequestOrigin;
  /** Undefined when the request could not be read (see `readError`). */
  readError?: string;
  /** Sent as well as signed (`signAndSendTransaction`). */
  send: boolean;
  transactions: TransactionReading[];
  messages: MessageReading[];
  /** Messages whose bytes could not be read, with why. */
  messageErrors: string[];
  signIns: SignInInput[];
  /** The wallet's account, when the caller knows it. */
  signer?: string;
  /** The cluster the wallet is on (e.g. `solana:mainnet`), when known. */
  cluster?: string;
  /** ms since epoch. */
  now: number;
}

export type SolanaRule = PipelineRule<SolanaRuleContext>;

/** Every action of a kind, with the transaction it belongs to. */
export function actionsOf<K extends SolanaAction['kind']>(ctx: SolanaRuleContext, kind: K): { action: SolanaActionOf<K>; tx: TransactionReading }[] {
  return ctx.transactions.flatMap((tx) => tx.actions.filter((a): a is SolanaActionOf<K> => a.kind === kind).map((action) => ({ action, tx })));
}

/** Where the action is, for the evidence: which instruction, and which transaction when there are several. */
export function where(ctx: SolanaRuleContext, tx: TransactionReading, action: SolanaAction): Record<string, unknown> {
  return { instruction: action.index, program: action.program, ...(ctx.transactions.length > 1 ? { transaction: tx.position } : {}) };
}

/** The account is the signer's own. An unknown account (from an unread lookup table) is not. */
export const isSigner = (tx: TransactionReading, account: string | undefined): boolean => account !== undefined && account === tx.signer;
