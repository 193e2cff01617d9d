// ERC-7715 permission requests (wallet_grantPermissions, wallet_requestExecutionPermissions): once
// granted, the grantee spends from the account without asking again. Always worth a warning; a grant
// with no limit at all is a block.
import type { PermissionAction } from '../decode/actions';
import { isUnlimitedAmount } from '../decode/actions';
import { amountText, dateText, evidence, short } from '../format';
import { actionsOf, type Rule, type RuleContext } from './rule';

const tokenOf = (p: PermissionAction) => (p.token === 'native' ? undefined : p.token);
const movesTokens = (p: PermissionAction) => p.token !== undefined && !p.revokes;
const who = (p: PermissionAction) => (p.grantee ? (/^0x[0-9a-fA-F]{40}$/.test(p.grantee) ? short(p.grantee) : p.grantee.slice(0, 60)) : 'a key the site holds');

/** No cap on what may be taken: no amount, an unreadable or unlimited one, or a stream with no end. */
function unbounded(p: PermissionAction): boolean {
  if (!movesTokens(p)) return false;
  if (p.amountUnreadable) return true;
  if (p.amount !== undefined) return isUnlimitedAmount(p.amount);
  return p.perSecond === undefined || p.expiry === undefined;
}

function limitText(p: PermissionAction, ctx: RuleContext): string {
  const token = tokenOf(p);
  if (p.amountUnreadable) return 'an amount that cannot be read (taken as no limit)';
  if (p.perSecond !== undefined) {
    const rate = `${amountText(p.perSecond, token, ctx.facts)} a second`;
    return p.amount !== undefined ? `${rate} up to ${amountText(p.amount, token, ctx.facts)}` : `${rate} with no cap`;
  }
  if (p.amount === undefined) return `any amount of ${amountText(undefined, token, ctx.facts).replace(/^all your /, '')}`;
  const period = p.periodSeconds ? ` every ${periodText(p.periodSeconds)}` : '';
  return `${amountText(p.amount, token, ctx.facts)}${period}`;
}

function periodText(seconds: number): string {
  const units: Array<[number, string]> = [[86_400 * 365, 'year'], [86_400 * 30, 'month'], [86_400 * 7, 'week'], [86_400, 'day'], [3_600, 'hour'], [60, 'minute']];
  for (const [size, unit] of units) if (seconds % size === 0 && seconds >= size) return seconds === size ? unit : `${seconds / size} ${unit}s`;
  return `${seconds} seconds`;
}

const until = (p: PermissionAction) => (p.expiry !== undefined && p.expiry > 0n ? `until ${dateText(p.expiry)}` : 'with no end date');
const facts = (p: PermissionAction) => evidence({ method: p.method, type: p.type, grantee: p.grantee, token: p.token, amount: p.amount, perSecond: p.perSecond, periodSeconds: p.periodSeconds, expiry: p.expiry, contract: p.contract, restrictedTo: p.restrictedTo, justification: p.justification });

export const permissionRules: Rule[] = [
  {
    id: 'permission.unbounded',
    severity: 'danger',
    summary: 'An ERC-7715 permission to spend with no limit (no amount, an unlimited or unreadable one, or an endless stream).',
    check: (ctx) =>
      actionsOf(ctx, 'permission')
        .filter(unbounded)
        .map((p) => ({
          title: `Lets ${who(p)} take ${limitText(p, ctx)} from your account, ${until(p)}`,
          detail: 'Once granted, this permission spends without asking you again, and nothing in it limits how much. A drainer asks for exactly this.',
          evidence: facts(p),
        })),
  },
  {
    id: 'permission.grant',
    severity: 'warn',
    summary: 'An ERC-7715 permission request: says what may be spent, by whom, how much and for how long; the site can then spend without asking again.',
    check: (ctx) =>
      actionsOf(ctx, 'permission')
        .filter((p) => !p.revokes && !unbounded(p))
        .map((p) => {
          const what = p.contract ? `call contract ${short(p.contract)} for you` : movesTokens(p) ? `spend ${limitText(p, ctx)}` : `use a "${p.type.slice(0, 60)}" permission`;
          return {
            title: `Lets ${who(p)} ${what} from your account, ${until(p)}`,
            detail: `A standing permission: ${who(p)} can use it without asking you again${p.adjustable ? ' (your wallet may let you lower the limits)' : ''}.${p.justification ? ` The site says: "${p.justification.slice(0, 200)}".` : ''} Grant it only to a site you trust for as long as you need.`,
            evidence: facts(p),
          };
        }),
  },
  {
    id: 'permission.revoke',
    severity: 'info',
    summary: 'An ERC-7715 permission that only revokes token approvals.',
    check: (ctx) =>
      actionsOf(ctx, 'permission')
        .filter((p) => p.revokes)
        .map((p) => ({ title: `Lets ${who(p)} revoke token approvals for you, ${until(p)}`, detail: 'This permission can remove approvals, not spend your tokens.', evidence: facts(p) })),
  },
];
