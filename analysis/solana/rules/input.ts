// The request itself: unreadable as a whole, or a transaction or message in it that is not one.
import { unreadableRequest } from '../../findings/outcomes';
import { type SolanaRule } from './rule';

export const inputRules: SolanaRule[] = [
  {
    id: 'solana.input-unreadable',
    severity: 'warn',
    summary: 'The Solana request could not be read, so it was not examined.',
    check: (ctx) => unreadableRequest(ctx.method, ctx.readError),
  },
  {
    id: 'solana.transaction-unreadable',
    severity: 'warn',
    summary: 'A transaction in the request is not a Solana transaction the firewall can decode (legacy, v0 or v1).',
    check: (ctx) => [
      ...ctx.transactions
        .filter((tx) => tx.error !== undefined)
        .map((tx) => ({
          title: ctx.transactions.length > 1 ? `Transaction ${tx.position + 1} could not be read` : 'The transaction could not be read',
          detail: `${tx.error}. The firewall cannot tell what it would do, so it was not checked.`,
          evidence: { transaction: tx.position, error: tx.error },
        })),
      ...ctx.messageErrors.map((error) => ({
        title: 'The message to sign could not be read',
        detail: `${error}. The firewall cannot tell what you would sign.`,
        evidence: { error },
      })),
    ],
  },
];
