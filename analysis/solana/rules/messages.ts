// signMessage and Sign-In With Solana. The danger in a message is that it is not one: bytes of a
// transaction signed through a message prompt. The danger in a sign-in is that it is for another
// site: a signature that logs the page in elsewhere as you.
import { hostOf, relatedHosts, requestHosts } from '../../findings/hosts';
import { evidence, short } from '../format';
import { type SolanaRule } from './rule';

export const messageRules: SolanaRule[] = [
  {
    id: 'solana.message-transaction',
    severity: 'danger',
    summary: 'signMessage of bytes that decode as a serialized Solana transaction or transaction message: a transaction signed blindly.',
    check: (ctx) =>
      ctx.messages
        .filter((m) => m.transaction)
        .map((m) => ({
          title: 'The "message" is really a transaction',
          detail: `The bytes to sign decode as a Solana ${m.transaction!.form} (${m.transaction!.version === 'legacy' ? 'legacy' : `version ${m.transaction!.version}`}, ${m.transaction!.instructions} instruction${m.transaction!.instructions === 1 ? '' : 's'}${m.transaction!.encoding === 'bytes' ? '' : `, written as ${m.transaction!.encoding} text`}). A signature on them is a signature on that transaction, which anyone can then send; the message prompt hides what it does.`,
          evidence: evidence({ ...m.transaction, length: m.length }),
        })),
  },
  {
    id: 'solana.message-binary',
    severity: 'warn',
    summary: 'signMessage of bytes that are not readable text (and not a transaction).',
    check: (ctx) =>
      ctx.messages
        .filter((m) => m.text === undefined && !m.transaction)
        .map((m) => ({
          title: 'Signs data that is not readable text',
          detail: 'The wallet will show it as hex or gibberish, and the firewall cannot tell what it means either. Only sign it if you know what the site uses it for.',
          evidence: { length: m.length },
        })),
  },
  {
    id: 'solana.message-text',
    severity: 'info',
    summary: 'signMessage of readable text.',
    check: (ctx) =>
      ctx.messages
        .filter((m) => m.text !== undefined && !m.transaction)
        .map((m) => ({
          title: 'Signs a text message',
          detail: 'A text signature proves you own this account; on its own it cannot move your assets. Read the text anyway.',
          evidence: { text: m.text!.slice(0, 200) },
        })),
  },
  {
    id: 'solana.siws-domain-mismatch',
    severity: 'danger',
    summary: 'A Sign-In With Solana request for a domain other than the site asking.',
    check: (ctx) => {
      const hosts = requestHosts(ctx.origin);
      if (hosts.length === 0) return [];
      return ctx.signIns
        .filter((s) => s.domain !== undefined && !hosts.includes(s.domain.toLowerCase()))
        .map((s) => ({
          title: `This page is asking you to sign in to ${s.domain}`,
          detail: `The sign-in is for ${s.domain}, but the request comes from ${hosts[hosts.length - 1]}. A site that gets your signature for another site can log in there as you.`,
          evidence: { domain: s.domain, origin: ctx.origin.origin },
        }));
    },
  },
  {
    id: 'solana.siws-uri-mismatch',
    severity: 'warn',
    summary: 'A Sign-In With Solana request whose URI points to another site than the one asking.',
    check: (ctx) => {
      const hosts = requestHosts(ctx.origin);
      return ctx.signIns
        .filter((s) => {
          const host = s.uri ? hostOf(s.uri) : undefined;
          return host !== undefined && hosts.length > 0 && !hosts.some((h) => relatedHosts(h, host));
        })
        .map((s) => ({
          title: `The sign-in is for resource ${s.uri}`,
          detail: `The sign-in's URI is not on ${hosts[hosts.length - 1]}, the site asking. The signature may be used to act on another service.`,
          evidence: { uri: s.uri, origin: ctx.origin.origin },
        }));
    },
  },
  {
    id: 'solana.siws-address-mismatch',
    severity: 'warn',
    summary: 'A Sign-In With Solana request names another account than the signer.',
    check: (ctx) =>
      ctx.signIns
        .filter((s) => s.address !== undefined && ctx.signer !== undefined && s.address !== ctx.signer)
        .map((s) => ({ title: `The sign-in names ${short(s.address)}, not your account`, detail: 'The sign-in would not be for you; a site has no honest reason to ask this.', evidence: { address: s.address } })),
  },
  {
    id: 'solana.sign-in',
    severity: 'info',
    summary: 'A Sign-In With Solana request; says for which site.',
    check: (ctx) =>
      ctx.signIns.map((s) => {
        const site = s.domain ?? requestHosts(ctx.origin).at(-1) ?? 'this site';
        return {
          title: `Signs you in to ${site}`,
          detail: `${s.domain ? '' : 'The site lets your wallet fill in its own address. '}A sign-in proves you own this account; on its own it cannot move your assets.${s.statement ? ` It says: “${s.statement.slice(0, 200)}”` : ''}`,
          evidence: evidence({ domain: s.domain, uri: s.uri, address: s.address, chainId: s.chainId }),
        };
      }),
  },
];
