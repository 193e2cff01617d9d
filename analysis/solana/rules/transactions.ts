// What a transaction moves and how long it stays valid: SOL and token transfers said in a line each,
// many accounts emptied at once, durable nonces, System Assign of the signer's own account, and what
// the analysis could not read (lookup tables, instructions, unknown programs given the signer).
import { PROGRAM_NAMES, SYSTEM_PROGRAM_ADDRESS } from '../programs';
import { evidence, short, solText, tokenAmountText } from '../format';
import { actionsOf, isSigner, where, type SolanaRule, type SolanaRuleContext, type TransactionReading } from './rule';

/** From this many of the signer's accounts (token accounts, and its SOL) moved out or handed over in one transaction, it reads as a sweep. */
export const MANY_ASSETS = 3;

/** The signer's accounts one transaction moves out, closes or hands a delegate: token accounts by address, SOL as "SOL". */
function sweptAccounts(tx: TransactionReading): string[] {
  const swept = new Set<string>();
  for (const a of tx.actions) {
    if (a.kind === 'sol-transfer' && isSigner(tx, a.from) && !isSigner(tx, a.to)) swept.add('SOL');
    if (a.kind === 'token-transfer' && !isSigner(tx, a.destination)) swept.add(a.source ?? `unknown#${a.index}`);
    if (a.kind === 'token-close-account' && !isSigner(tx, a.destination)) swept.add(a.account ?? `unknown#${a.index}`);
    if (a.kind === 'token-approve') swept.add(a.source ?? `unknown#${a.index}`);
    if (a.kind === 'token-set-authority' && a.authority === 'account-owner') swept.add(a.account ?? `unknown#${a.index}`);
  }
  return [...swept];
}

const txLabel = (ctx: SolanaRuleContext, tx: TransactionReading) => (ctx.transactions.length > 1 ? ` (transaction ${tx.position + 1})` : '');

export const transactionRules: SolanaRule[] = [
  {
    id: 'solana.lookup-unresolved',
    severity: 'warn',
    summary: 'A v0 transaction loads accounts from address lookup tables that could not be read, so who gets what is not known.',
    check: (ctx) =>
      ctx.transactions
        .filter((tx) => (tx.decoded?.unresolvedTables.length ?? 0) > 0)
        .map((tx) => {
          const unresolved = tx.decoded!.unresolvedTables;
          return {
            title: `Some accounts of this transaction could not be looked up${txLabel(ctx, tx)}`,
            detail: `The transaction names some of its accounts only by their place in ${unresolved.length === 1 ? 'an address lookup table' : `${unresolved.length} address lookup tables`} kept on chain, and the firewall could not read ${unresolved.length === 1 ? 'it' : 'them'} (${[...new Set(unresolved.map((u) => u.reason))].join('; ')}). So it cannot tell who receives what: check in your wallet where the assets go.`,
            evidence: { tables: unresolved.map((u) => u.table), reasons: unresolved.map((u) => u.reason) },
          };
        }),
  },
  {
    id: 'solana.instruction-unreadable',
    severity: 'warn',
    summary: 'An instruction of a program the firewall reads (System, SPL Token, Token-2022, Associated Token) could not be read or is not judged yet.',
    check: (ctx) =>
      actionsOf(ctx, 'unreadable-instruction').map(({ action: a, tx }) => ({
        title: `An instruction of ${a.programName} could not be checked${txLabel(ctx, tx)}`,
        detail: `Instruction ${a.index + 1}: ${a.reason}. The firewall does not know what it does, so it cannot say what you would give.`,
        evidence: evidence({ ...where(ctx, tx, a), reason: a.reason }),
      })),
  },
  {
    id: 'solana.unknown-program-signer',
    severity: 'warn',
    summary: 'A program the firewall does not read is handed the signer\'s account (or accounts it could not look up): with your signature it may move your SOL and tokens.',
    check: (ctx) =>
      actionsOf(ctx, 'unknown-program')
        .filter(({ action: a }) => a.signerPassed)
        .map(({ action: a, tx }) => ({
          title: `Lets program ${short(a.program)} act with your signature${txLabel(ctx, tx)}`,
          detail: 'On Solana a program that gets your account in a signed transaction can move your SOL and your tokens with it. The firewall does not know this program and does not simulate Solana transactions yet, so it cannot say what it would take. Continue only on a site you trust.',
          evidence: evidence({ ...where(ctx, tx, a), dataLength: a.dataLength, accounts: a.accounts.length }),
        })),
  },
  {
    id: 'solana.unknown-program',
    severity: 'info',
    summary: 'Calls a program the firewall does not read, without handing it the signer\'s account.',
    check: (ctx) =>
      actionsOf(ctx, 'unknown-program')
        .filter(({ action: a }) => !a.signerPassed)
        .map(({ action: a, tx }) => ({
          title: `Calls program ${short(a.program)}`,
          detail: 'The program is not one the firewall reads. It is not given your account, so it cannot use your signature on your assets.',
          evidence: evidence({ ...where(ctx, tx, a), dataLength: a.dataLength }),
        })),
  },
  {
    id: 'solana.many-assets',
    severity: 'warn',
    summary: `One transaction moves out, closes or hands over ${MANY_ASSETS} or more of the signer's accounts (SOL, token accounts): the shape of a wallet sweep.`,
    check: (ctx) =>
      ctx.transactions
        .map((tx) => ({ tx, swept: sweptAccounts(tx) }))
        .filter(({ swept }) => swept.length >= MANY_ASSETS)
        .map(({ tx, swept }) => ({
          title: `Moves ${swept.length} of your assets at once${txLabel(ctx, tx)}`,
          detail: `This one transaction sends away, closes or gives others the use of ${swept.length} of your accounts${swept.includes('SOL') ? ' (your SOL among them)' : ''}. Wallet drainers sweep everything in one signature like this; an ordinary payment or swap touches one or two.`,
          evidence: { accounts: swept },
        })),
  },
  {
    id: 'solana.durable-nonce',
    severity: 'warn',
    summary: 'The transaction uses a durable nonce (AdvanceNonceAccount first): it does not expire and can be sent at any later time.',
    check: (ctx) =>
      ctx.transactions.flatMap((tx) => {
        const first = tx.actions[0];
        if (first?.kind !== 'advance-nonce') return [];
        return [
          {
            title: `This transaction never expires${txLabel(ctx, tx)}`,
            detail: 'An ordinary transaction is valid for about a minute. This one uses a durable nonce, so whoever holds it once you sign can send it at any time later — next week, when prices or your balances differ. Sites rarely need this; drainers use it to hold signed transactions.',
            evidence: evidence({ ...where(ctx, tx, first), nonceAccount: first.nonceAccount, nonceAuthority: first.authority }),
          },
        ];
      }),
  },
  {
    id: 'solana.assign-signer',
    severity: 'danger',
    summary: 'System Assign of the signer\'s own account: a program becomes its owner and can take its SOL; a balance preview shows nothing change.',
    check: (ctx) =>
      actionsOf(ctx, 'assign')
        .filter(({ action: a, tx }) => isSigner(tx, a.account) && a.owner !== SYSTEM_PROGRAM_ADDRESS)
        .map(({ action: a, tx }) => ({
          title: `Hands control of your wallet account to program ${short(a.owner)}`,
          detail: 'This changes which program owns your main account. From then on that program, not your key, decides what happens to the SOL in it, and your wallet may no longer be able to send it. Nothing moves when you sign, so a balance preview shows no change. No app needs this.',
          evidence: evidence({ ...where(ctx, tx, a), account: a.account, newOwner: a.owner }),
        })),
  },
  {
    id: 'solana.nonce-authority',
    severity: 'warn',
    summary: 'System AuthorizeNonceAccount gives the control of a nonce account to another address.',
    check: (ctx) =>
      actionsOf(ctx, 'authorize-nonce')
        .filter(({ action: a, tx }) => !isSigner(tx, a.newAuthority))
        .map(({ action: a, tx }) => ({
          title: `Gives ${short(a.newAuthority)} control of the nonce account ${short(a.nonceAccount)}`,
          detail: 'The new authority can advance the nonce (keeping a never-expiring transaction valid) and withdraw the SOL the nonce account holds.',
          evidence: evidence({ ...where(ctx, tx, a), nonceAccount: a.nonceAccount, newAuthority: a.newAuthority }),
        })),
  },
  {
    id: 'solana.sol-transfer',
    severity: 'info',
    summary: 'Sends SOL to an address (System Transfer, TransferWithSeed, or a nonce account withdrawal).',
    check: (ctx) => [
      ...actionsOf(ctx, 'sol-transfer').map(({ action: a, tx }) => ({
        title: isSigner(tx, a.to) ? `Moves ${solText(a.lamports)} into your account` : `Sends ${solText(a.lamports)} to ${short(a.to)}`,
        detail: `${isSigner(tx, a.from) ? 'From your account' : `From ${short(a.from)}`}${a.withSeed ? ' (an account derived from a seed)' : ''}.`,
        evidence: evidence({ ...where(ctx, tx, a), from: a.from, to: a.to, lamports: a.lamports }),
      })),
      ...actionsOf(ctx, 'withdraw-nonce').map(({ action: a, tx }) => ({
        title: `Withdraws ${solText(a.lamports)} from the nonce account ${short(a.nonceAccount)} to ${isSigner(tx, a.to) ? 'you' : short(a.to)}`,
        detail: 'A nonce account holds SOL like any other; its authority can take it out.',
        evidence: evidence({ ...where(ctx, tx, a), nonceAccount: a.nonceAccount, to: a.to, lamports: a.lamports }),
      })),
    ],
  },
  {
    id: 'solana.token-transfer',
    severity: 'info',
    summary: 'Sends SPL tokens (Transfer/TransferChecked) to a token account.',
    check: (ctx) =>
      actionsOf(ctx, 'token-transfer').map(({ action: a, tx }) => ({
        title: `Sends ${tokenAmountText(a.amount, a.decimals, a.mint)} to the token account ${short(a.destination)}`,
        detail: `From the token account ${short(a.source)}${isSigner(tx, a.owner) ? ', which you own' : a.owner ? `, on the authority of ${short(a.owner)}` : ''}. The receiving address is a token account; its owner is not read yet.`,
        evidence: evidence({ ...where(ctx, tx, a), source: a.source, destination: a.destination, owner: a.owner, amount: a.amount, mint: a.mint, decimals: a.decimals }),
      })),
  },
  {
    id: 'solana.create-account',
    severity: 'info',
    summary: 'Creates an account (System CreateAccount, or an associated token account) or assigns a new account to a program.',
    check: (ctx) => [
      ...actionsOf(ctx, 'create-account').map(({ action: a, tx }) => ({
        title: `Creates the account ${short(a.account)}, owned by ${PROGRAM_NAMES[a.owner] ?? `program ${short(a.owner)}`}`,
        detail: `It is funded with ${solText(a.lamports)}${isSigner(tx, a.payer) ? ' from your account' : ''} to hold ${a.space} bytes.`,
        evidence: evidence({ ...where(ctx, tx, a), account: a.account, owner: a.owner, lamports: a.lamports, space: a.space }),
      })),
      ...actionsOf(ctx, 'create-token-account').map(({ action: a, tx }) => ({
        title: `Creates a token account for ${isSigner(tx, a.owner) ? 'you' : short(a.owner)}${a.mint ? ` (token ${short(a.mint)})` : ''}`,
        detail: 'An associated token account holds one kind of token for its owner; making one costs a little SOL for rent.',
        evidence: evidence({ ...where(ctx, tx, a), owner: a.owner, mint: a.mint, account: a.account }),
      })),
      ...actionsOf(ctx, 'assign')
        .filter(({ action: a, tx }) => !isSigner(tx, a.account) || a.owner === SYSTEM_PROGRAM_ADDRESS)
        .map(({ action: a, tx }) => ({
          title: `Gives the account ${short(a.account)} to ${PROGRAM_NAMES[a.owner] ?? `program ${short(a.owner)}`}`,
          detail: 'Setting up an account for a program; it is not your wallet account.',
          evidence: evidence({ ...where(ctx, tx, a), account: a.account, owner: a.owner }),
        })),
    ],
  },
];
