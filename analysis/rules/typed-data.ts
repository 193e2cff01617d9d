// EIP-712 typed data in general; permits and orders have their own rules.
import { short } from '../format';
import { actionsOf, type Rule } from './rule';

export const typedDataRules: Rule[] = [
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
