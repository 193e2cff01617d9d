// Orders signed off-chain (Seaport, Blur, LooksRare, 0x, 1inch, UniswapX, CoW). A signed order is a standing
// offer anyone can fill: what matters is what the signer gives against what comes back to them.
import type { Address } from 'viem';
import type { OrderAction, OrderItem } from '../decode/actions';
import { amountText, evidence, short, tokenLabel } from '../format';
import { KNOWN_DECIMALS, WRAPPED_NATIVE } from '../registry/deployments';
import { actionsOf, sameAddress, type Rule, type RuleContext } from './rule';

const isNft = (i: OrderItem) => i.asset === 'erc721' || i.asset === 'erc1155' || (i.asset === 'token' && i.tokenId !== undefined);

function decimalsOf(i: OrderItem, ctx: RuleContext): number | undefined {
  if (i.asset === 'native' || !i.token) return 18;
  const key = i.token.toLowerCase();
  if (WRAPPED_NATIVE.has(key)) return 18;
  return ctx.facts.token(i.token)?.decimals ?? KNOWN_DECIMALS[key];
}

/** Worth nothing in practice: below 0.001 of a coin or token unit (or 1000 base units if unknown). */
export function isDust(i: OrderItem, ctx: RuleContext): boolean {
  if (isNft(i)) return i.amount === 0n;
  const d = decimalsOf(i, ctx);
  return d === undefined ? i.amount < 1000n : i.amount * 1000n < 10n ** BigInt(d);
}

const currency = (i: OrderItem) => (i.asset === 'native' || !i.token ? 'native' : i.token.toLowerCase());
const sum = (items: OrderItem[], key: string) => items.filter((i) => !isNft(i) && currency(i) === key).reduce((s, i) => s + i.amount, 0n);

function itemText(i: OrderItem, ctx: RuleContext): string {
  if (isNft(i)) return `${i.anyTokenId ? 'any' : ''} ${tokenLabel(i.token, ctx.facts)} NFT${i.anyTokenId ? '' : ` #${i.tokenId ?? '?'}`}`.trim();
  return amountText(i.amount, i.token, ctx.facts);
}

const listText = (items: OrderItem[], ctx: RuleContext) => (items.length === 0 ? 'nothing' : items.map((i) => itemText(i, ctx)).join(', '));

/**
 * What comes back to the signer, and what goes to others. Proceeds the order pays to a protocol
 * contract for its own extension to pass on (1inch Fusion's settlement) count as the signer's when the
 * contract is a known one; to any other address they are paid to someone else.
 */
function split(o: OrderAction, ctx: RuleContext): { receives: OrderItem[]; others: OrderAction['paysOthers']; unverified: OrderAction['paysOthers'] } {
  const via = (p: OrderAction['paysOthers'][number]) => {
    if (!p.forwarded) return 'others';
    const f = ctx.facts.address(p.recipient);
    // A plain account cannot run an extension: that is paying someone else.
    return f.known ? 'mine' : f.code === 'eoa' ? 'others' : 'unverified';
  };
  return {
    receives: [...o.receives, ...o.paysOthers.filter((p) => via(p) === 'mine')],
    others: o.paysOthers.filter((p) => via(p) === 'others'),
    unverified: o.paysOthers.filter((p) => via(p) === 'unverified'),
  };
}

/** Share of a currency's payment that goes to others, when it can be computed. */
function othersShare(o: OrderAction, ctx: RuleContext): Array<{ token: string; share: number; others: bigint; mine: bigint; to: Address[] }> {
  const { receives, others: paysOthers } = split(o, ctx);
  const keys = new Set(paysOthers.filter((i) => !isNft(i)).map(currency));
  return [...keys].flatMap((key) => {
    const others = sum(paysOthers, key);
    const mine = sum(receives, key);
    // A listing pays the signer in the currency the fees are paid in; a bid pays fees out of what
    // the signer offers. If the signer neither gets nor gives that currency, all of it goes elsewhere.
    const base = mine > 0n ? others + mine : sum(o.gives, key) > 0n ? sum(o.gives, key) : others;
    if (base === 0n || others === 0n) return [];
    const to = [...new Set(paysOthers.filter((p) => !isNft(p) && currency(p) === key).map((p) => p.recipient))];
    return [{ token: key, share: Math.min(1, Number((others * 10_000n) / base) / 10_000), others, mine, to }];
  });
}

const orders = (ctx: RuleContext) => actionsOf(ctx, 'order').filter((o) => !o.blind);
const facts = (o: OrderAction) => evidence({ market: o.market, signer: o.signer, gives: o.gives, receives: o.receives, paysOthers: o.paysOthers, where: o.where });

export const orderRules: Rule[] = [
  {
    id: 'order.gives-for-nothing',
    severity: 'danger',
    summary: 'A signed order gives away assets for nothing or for dust.',
    check: (ctx) =>
      orders(ctx)
        .filter((o) => {
          // Proceeds through an unknown contract may still reach the signer: that is order.proceeds-via-contract's to say.
          const { receives, unverified } = split(o, ctx);
          return o.gives.some((i) => i.amount > 0n || isNft(i)) && [...receives, ...unverified].every((i) => isDust(i, ctx));
        })
        .map((o) => ({
          title: `Gives away ${listText(o.gives, ctx)} for ${o.receives.length === 0 ? 'nothing' : listText(o.receives, ctx)}`,
          detail: `This ${o.market} order, once signed, lets anyone take ${listText(o.gives, ctx)} while you receive ${o.receives.length === 0 ? 'nothing' : 'next to nothing'}. Phishing sites dress this up as a login or a "free mint".`,
          evidence: facts(o),
        })),
  },
  {
    id: 'order.pays-others-most',
    severity: 'danger',
    summary: 'Most of the payment in a signed order goes to addresses other than the signer.',
    check: (ctx) =>
      orders(ctx).flatMap((o) =>
        othersShare(o, ctx)
          .filter((s) => s.share > 0.5)
          .map((s) => ({
            title: `${Math.round(s.share * 100)}% of the payment goes to someone else`,
            detail: `In this ${o.market} order, ${amountText(s.others, s.token === 'native' ? undefined : (s.token as Address), ctx.facts)} is paid to ${s.to.map(short).join(', ')} and only ${amountText(s.mine, s.token === 'native' ? undefined : (s.token as Address), ctx.facts)} to you. Marketplace and creator fees are a few percent, not most of the price.`,
            evidence: facts(o),
          })),
      ),
  },
  {
    id: 'order.high-fees',
    severity: 'warn',
    summary: 'A signed order pays between 25% and 50% of the price to others.',
    check: (ctx) =>
      orders(ctx).flatMap((o) =>
        othersShare(o, ctx)
          .filter((s) => s.share > 0.25 && s.share <= 0.5)
          .map((s) => ({
            title: `${Math.round(s.share * 100)}% of the payment goes to fees or other addresses`,
            detail: 'Usual marketplace and creator fees total well under 15%. Check who receives the rest.',
            evidence: facts(o),
          })),
      ),
  },
  {
    id: 'order.proceeds-via-contract',
    severity: 'warn',
    summary: 'A signed order pays what the signer gets to a contract that is not a known one, for the order\'s extension to pass on.',
    check: (ctx) =>
      orders(ctx).flatMap((o) =>
        split(o, ctx).unverified.map((p) => ({
          title: `What you get (${itemText(p, ctx)}) is paid to contract ${short(p.recipient)}, not to you`,
          detail: `This ${o.market} order sends your proceeds to ${short(p.recipient)}, and an extension that is not part of the signed message is to pass them on to you (as 1inch Fusion's settlement does). The firewall does not know this contract, so it cannot tell where the tokens end up.`,
          evidence: facts(o),
        })),
      ),
  },
  {
    id: 'order.blind-bulk',
    severity: 'warn',
    summary: 'A bulk order signature over a Merkle root: the orders it covers are not shown.',
    check: (ctx) =>
      actionsOf(ctx, 'order')
        .filter((o) => o.blind)
        .map((o) => ({
          title: `Signs a batch of ${o.market} orders the firewall cannot see`,
          detail: 'The signature covers a root hash of many orders; neither your wallet nor the firewall can show what they sell or for how much. Phishing kits use this to hide listings at zero price.',
        })),
  },
  {
    id: 'order.signer-mismatch',
    severity: 'warn',
    summary: 'The order names another maker than the signing account.',
    check: (ctx) =>
      orders(ctx)
        .filter((o) => o.signer && ctx.signer && !sameAddress(o.signer, ctx.signer))
        .map((o) => ({ title: `The order is made out for ${short(o.signer!)}, not your account`, detail: 'The marketplace would reject it as it stands; a site has no honest reason to ask for it.', evidence: facts(o) })),
  },
  {
    id: 'order.summary',
    severity: 'info',
    summary: 'Describes a signed marketplace or swap order.',
    check: (ctx) =>
      orders(ctx).map((o) => {
        const { receives, unverified } = split(o, ctx);
        const via = unverified.map((p) => `${itemText(p, ctx)} through contract ${short(p.recipient)}`);
        const gets = [...(receives.length || !via.length ? [listText(receives, ctx)] : []), ...via].join(', ');
        return {
          title: `${o.market} order: you give ${listText(o.gives, ctx)} and get ${gets}`,
          detail: `Anyone${o.taker ? ` (only ${short(o.taker)})` : ''} can fill this order until it expires or you cancel it.`,
          evidence: facts(o),
        };
      }),
  },
];
