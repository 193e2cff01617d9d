// Message signatures: eth_sign and personal_sign, and Sign-In with Ethereum (EIP-4361).
import { hostOf, relatedHosts, requestHosts } from '../../findings/hosts';
import type { MessageAction } from '../decode/actions';
import { evidence, short } from '../format';
import { actionsOf, sameAddress, type Rule, type RuleContext } from './rule';

const personal = (ctx: RuleContext) => actionsOf(ctx, 'message').filter((m) => m.method === 'personal_sign');
const siweOf = (ctx: RuleContext) => actionsOf(ctx, 'message').filter((m): m is MessageAction & { siwe: NonNullable<MessageAction['siwe']> } => !!m.siwe && !m.siweMalformed);

export const messageRules: Rule[] = [
  {
    id: 'message.eth-sign',
    severity: 'danger',
    summary: 'eth_sign: signs raw bytes (usually a hash) that the wallet cannot show; the signature can authorise anything.',
    check: (ctx) =>
      actionsOf(ctx, 'message')
        .filter((m) => m.method === 'eth_sign')
        .map((m) => ({
          title: 'Blind signature: you cannot see what you are signing',
          detail: `eth_sign signs ${m.looksLikeHash ? 'a 32-byte hash' : 'raw data'} directly. That hash can be a transaction or a permit moving all your assets; wallets disable this method for that reason and no honest site needs it.`,
          evidence: evidence({ bytes: m.bytes.slice(0, 2 + 64 * 2), isHash: m.looksLikeHash }),
        })),
  },
  {
    id: 'message.hash',
    severity: 'danger',
    summary: 'personal_sign of a 32-byte value that is not text: a hash signed blindly.',
    check: (ctx) =>
      personal(ctx)
        .filter((m) => m.looksLikeHash)
        .map((m) => ({
          title: 'Signs a hash instead of a readable message',
          detail: 'The "message" is 32 bytes of hex, not text. Some contracts accept such signatures as an order or permit, so you would be approving something you cannot see.',
          evidence: evidence({ bytes: m.bytes }),
        })),
  },
  {
    id: 'message.transaction',
    severity: 'danger',
    summary: 'personal_sign of bytes that are a serialized Ethereum transaction.',
    check: (ctx) =>
      personal(ctx)
        .filter((m) => m.transactionType)
        .map((m) => ({
          title: 'The "message" is really a transaction',
          detail: `The bytes decode as an Ethereum transaction (type ${m.transactionType}). Signing it through a message prompt hides what the transaction does.`,
          evidence: evidence({ transactionType: m.transactionType }),
        })),
  },
  {
    id: 'message.binary',
    severity: 'warn',
    summary: 'personal_sign of binary data that is neither text, a hash nor a transaction.',
    check: (ctx) =>
      personal(ctx)
        .filter((m) => m.text === undefined && !m.looksLikeHash && !m.transactionType)
        .map((m) => ({
          title: 'Signs data that is not readable text',
          detail: 'The wallet will show hex, and the firewall cannot tell what it means either. Only sign it if you know what the site uses it for.',
          evidence: evidence({ bytes: m.bytes.slice(0, 130), length: (m.bytes.length - 2) / 2 }),
        })),
  },
  {
    id: 'message.text',
    severity: 'info',
    summary: 'personal_sign of readable text that is not a SIWE login.',
    check: (ctx) =>
      personal(ctx)
        .filter((m) => m.text !== undefined && !m.siwe)
        .map((m) => ({
          title: 'Signs a text message',
          detail: 'A text signature proves you own this address; on its own it cannot move your assets. Read the text anyway.',
          evidence: evidence({ text: m.text!.slice(0, 200) }),
        })),
  },
  {
    id: 'siwe.domain-mismatch',
    severity: 'danger',
    summary: 'A Sign-In with Ethereum message for a domain other than the site asking.',
    check: (ctx) => {
      const hosts = requestHosts(ctx.origin);
      if (hosts.length === 0) return [];
      return siweOf(ctx)
        .filter((m) => m.siwe.domain && !hosts.includes(m.siwe.domain.toLowerCase()))
        .map((m) => ({
          title: `This page is asking you to sign in to ${m.siwe.domain}`,
          detail: `The login message is for ${m.siwe.domain}, but the request comes from ${hosts[hosts.length - 1]}. A site that gets your signature for another site can log in there as you.`,
          evidence: { domain: m.siwe.domain, origin: ctx.origin.origin },
        }));
    },
  },
  {
    id: 'siwe.uri-mismatch',
    severity: 'warn',
    summary: 'A SIWE message whose URI points to another site than the one asking.',
    check: (ctx) => {
      const hosts = requestHosts(ctx.origin);
      return siweOf(ctx)
        .filter((m) => {
          const host = m.siwe.uri ? hostOf(m.siwe.uri) : undefined;
          return host !== undefined && hosts.length > 0 && !hosts.some((h) => relatedHosts(h, host));
        })
        .map((m) => ({
          title: `The login is for resource ${m.siwe.uri}`,
          detail: `The message's URI is not on ${hosts[hosts.length - 1]}, the site asking. The signature may be used to act on another service.`,
          evidence: { uri: m.siwe.uri, origin: ctx.origin.origin },
        }));
    },
  },
  {
    id: 'siwe.address-mismatch',
    severity: 'warn',
    summary: 'A SIWE message names another address than the signer.',
    check: (ctx) =>
      siweOf(ctx)
        .filter((m) => m.siwe.address && ctx.signer && !sameAddress(m.siwe.address, ctx.signer))
        .map((m) => ({ title: `The login names ${short(m.siwe.address!)}, not your account`, detail: 'The message would not log you in; a site has no honest reason to ask this.', evidence: { address: m.siwe.address } })),
  },
  {
    id: 'siwe.chain-mismatch',
    severity: 'info',
    summary: 'A SIWE message names another chain than the wallet\'s.',
    check: (ctx) =>
      siweOf(ctx)
        .filter((m) => m.siwe.chainId !== undefined && ctx.chainId !== undefined && m.siwe.chainId !== ctx.chainId)
        .map((m) => ({ title: `The login names chain ${m.siwe.chainId}`, detail: `Your wallet is on chain ${ctx.chainId}.`, evidence: { chainId: m.siwe.chainId } })),
  },
  {
    id: 'siwe.expired',
    severity: 'info',
    summary: 'A SIWE message that has already expired.',
    check: (ctx) =>
      siweOf(ctx)
        .filter((m) => m.siwe.expirationTime && m.siwe.expirationTime.getTime() < ctx.now)
        .map((m) => ({ title: 'The login message has expired', detail: `It expired at ${m.siwe.expirationTime!.toISOString()}; the site will reject it.` })),
  },
  {
    id: 'siwe.malformed',
    severity: 'warn',
    summary: 'Text that claims to be a SIWE message but lacks required fields.',
    check: (ctx) =>
      actionsOf(ctx, 'message')
        .filter((m) => m.siweMalformed)
        .map(() => ({ title: 'A login message that does not follow the Sign-In with Ethereum format', detail: 'Required fields (domain, address, URI, version, chain, nonce or issue time) are missing, so the firewall cannot check where the login goes.' })),
  },
  {
    id: 'siwe.login',
    severity: 'info',
    summary: 'A well-formed Sign-In with Ethereum message for the site asking.',
    check: (ctx) => siweOf(ctx).map((m) => ({ title: `Signs in to ${m.siwe.domain}`, detail: 'A login signature proves you own the address; it cannot move assets.', evidence: { domain: m.siwe.domain, uri: m.siwe.uri } })),
  },
];
