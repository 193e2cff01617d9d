// EIP-712 typed data in general; permits and orders have their own rules.
import { short } from '../format';
import { actionsOf, type Rule } from './rule';

export const typedDataRules: Rule[] = [
  {
    id: 'typed.unreadable-field',
    severity: 'danger',
    summary: 'A permit or order field that decides what is given away (an amount, a spender, a token) cannot be read the way the wallet signs it; the worst is assumed.',
    // A danger, never a quiet 0: an amount the firewall cannot read may be one a wallet reads as everything.
    check: (ctx) =>
      actionsOf(ctx, 'typed-data')
        .filter((t) => t.unreadable?.length)
        .map((t) => ({
          title: `The signature's ${t.unreadable!.map((u) => u.path.replace(/^message\./, '')).slice(0, 3).join(', ')} cannot be read`,
          detail: `${t.unreadable!
            .slice(0, 4)
            .map((u) => `${u.path} (${u.type}) is written as ${u.written}`)
            .join('; ')}. Wallets may sign it differently or refuse it; the firewall took the worst case (${[...new Set(t.unreadable!.map((u) => u.treatedAs))].join(', ')}). Do not sign unless you know exactly what this is.`,
          evidence: { primaryType: t.primaryType, unreadable: t.unreadable },
        })),
  },
  {
    id: 'typed.malformed',
    severity: 'warn',
    summary: 'Typed data that does not hash under EIP-712 rules (the wallet may read it differently).',
    check: (ctx) =>
      actionsOf(ctx, 'typed-data')
        .filter((t) => t.hashError)
        .map((t) => ({
          title: 'The typed data is malformed',
          detail: `It does not follow EIP-712 (${t.hashError}). Your wallet may refuse it, or sign something other than what is shown.`,
          evidence: { error: t.hashError },
        })),
  },
  {
    id: 'typed.chain-mismatch',
    severity: 'warn',
    summary: 'Typed data signed for another chain than the wallet\'s.',
    check: (ctx) =>
      actionsOf(ctx, 'typed-data')
        .filter((t) => t.domainChainId !== undefined && ctx.chainId !== undefined && t.domainChainId !== ctx.chainId)
        .map((t) => ({
          title: `The signature is for chain ${t.domainChainId}, your wallet is on chain ${ctx.chainId}`,
          detail: 'A site asking for a signature valid on another network may use it where you are not looking.',
          evidence: { domainChainId: t.domainChainId, walletChainId: ctx.chainId },
        })),
  },
  {
    id: 'typed.unrecognised',
    severity: 'info',
    summary: 'Typed data of a kind the firewall does not decode (shows its type and contract).',
    check: (ctx) =>
      actionsOf(ctx, 'typed-data')
        .filter((t) => !t.recognised)
        .map((t) => ({
          title: `Signs "${t.primaryType}"${t.domainName ? ` for ${t.domainName}` : ''}`,
          detail: `The firewall does not know this kind of message${t.verifyingContract ? ` (contract ${short(t.verifyingContract)})` : ''}; read the fields in your wallet.`,
          evidence: { primaryType: t.primaryType, domainName: t.domainName, verifyingContract: t.verifyingContract },
        })),
  },
];
