// A token's red flags, read from its own code (issue 18): before the user approves a token or buys one
// with a swap, say which powers its code gives an owner over holders (analysis/ethereum/token-code).
// Precision first: well-known tokens (the registry's, the bundled token list's) get one info line at
// most, since USDC and USDT are pausable, upgradeable and keep blacklists, and a warning on every
// stablecoin approval would teach people to click through. On an unknown token only the powers that
// are rare in honest tokens warn (eval/token-flags.ts measures it): a trading switch, sell or wallet
// limits, an upgradeable proxy, each on at most 1.2 % of 669 Etherscan-named tokens. An owner mint,
// a pause and a blacklist are said as info: they are on 21 %, 18 % and 6 % of those named tokens (old
// ICO tokens are mintable and pausable by design), as often as on the rug-pull tokens, so a warning
// on them would be wrong about as often as right. A token whose code was not read gets no claim.
import type { Address } from 'viem';
import type { Facts } from '../context/facts';
import { tokenExposures, type ApprovalAction } from '../decode/actions';
import { evidence, short, tokenLabel } from '../format';
import { isWellKnownToken } from '../registry/token-names';
import { readTokenPowers, withImplementation, type PowerKind, type TokenCodeReport, type TokenPower } from '../token-code';
import { isNftApprove } from './approvals';
import { type Rule, type RuleContext } from './rule';

/** Powers that make an unknown token's finding a warning: holders kept from selling, or the code replaced. */
export const WARN_POWERS: readonly PowerKind[] = ['trading-switch', 'trading-limits', 'upgradeable'];

/** Each power in a few words, for a title (completing "its owner can …"). */
const SHORT: Record<PowerKind, string> = {
  mint: 'create new tokens at will',
  blacklist: 'block chosen holders from selling',
  pause: 'freeze all transfers',
  'trading-switch': 'keep trading shut',
  'trading-limits': 'cap how much you can sell',
  fees: 'change its fees',
  'fee-exemptions': 'choose who pays its fees',
  upgradeable: "replace the token's code",
};

/** What each power lets the owner do, in the user's words (completing "its owner can …"), for the detail. */
const CAN: Record<PowerKind, string> = {
  mint: 'create new tokens at will',
  blacklist: 'block chosen holders from moving or selling their tokens',
  pause: 'freeze every transfer, selling included',
  'trading-switch': 'keep trading shut until it opens it (you could buy and be unable to sell)',
  'trading-limits': 'cap how much one sale, transfer or wallet may hold',
  fees: 'change the fee taken on transfers or sales',
  'fee-exemptions': 'choose who pays its transfer fee',
  upgradeable: "replace the token's code, and with it every rule of the token",
};

/** An NFT collection's mint and fees are not a holder's risk the way an ERC-20's are. */
const NFT_POWERS: ReadonlySet<PowerKind> = new Set(['blacklist', 'pause', 'upgradeable']);

const ZERO = 0n;

/** What the chain said of the token's owner(): renounced (the zero address), an address, or not read. */
function ownerOf(s: Subject): 'renounced' | Address | undefined {
  if (!s.owner) return undefined;
  return BigInt(s.owner) === ZERO ? 'renounced' : s.owner;
}

interface Subject {
  token: Address;
  /** How the request involves it: approved, or bought. */
  how: 'approve' | 'buy';
  nft: boolean;
  report: TokenCodeReport;
  powers: TokenPower[];
  wellKnown: boolean;
  owner?: Address;
}

function isWellKnown(token: Address, ctx: RuleContext): boolean {
  return isWellKnownToken(token, ctx.chainId, !!ctx.facts.address(token).known);
}

function isNft(a: ApprovalAction, ctx: RuleContext): boolean {
  return a.standard === 'setApprovalForAll' || isNftApprove(a, ctx);
}

/** The token's own code, and for a proxy the code it runs when that was read (context/facts.ts). */
function codeReport(token: Address, facts: Facts): TokenCodeReport | undefined {
  const f = facts.address(token);
  if (f.code !== 'contract' || !f.bytecode) return undefined;
  const own = readTokenPowers(f.bytecode);
  const behind = f.implementation?.bytecode ? readTokenPowers(f.implementation.bytecode) : undefined;
  return own && behind && f.implementation ? withImplementation(own, behind, f.implementation.address) : own;
}

/** Each token the request approves or buys, once, with the powers its code gives (memoised per context). */
const cache = new WeakMap<RuleContext, Subject[]>();
export function tokenSubjects(ctx: RuleContext): Subject[] {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const seen = new Map<string, Subject>();
  for (const e of tokenExposures(ctx.actions)) {
    const entry = { token: e.token, how: e.how, nft: e.approval ? isNft(e.approval, ctx) : false };
    if (seen.has(entry.token.toLowerCase())) continue;
    const report = codeReport(entry.token, ctx.facts);
    if (!report) continue;
    const powers = report.powers.filter((p) => !entry.nft || NFT_POWERS.has(p.kind));
    const owner = ctx.facts.address(entry.token).owner;
    seen.set(entry.token.toLowerCase(), { ...entry, report, powers, wellKnown: isWellKnown(entry.token, ctx), ...(owner ? { owner } : {}) });
  }
  const out = [...seen.values()].filter((s) => s.powers.length > 0);
  cache.set(ctx, out);
  return out;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The title's powers: the first three, in POWER_ORDER. */
const titlePowers = (powers: TokenPower[]) => listWords(powers.slice(0, 3).map((p) => SHORT[p.kind]));

function detailOf(s: Subject, lead: string): string {
  const lines = s.powers.map((p) => `${CAN[p.kind]} (${p.functions.join(', ')})`);
  const proxy = !s.report.proxy
    ? ''
    : s.report.implementation
      ? ` The token is a proxy: the functions listed include those of the code it runs (at ${short(s.report.implementation)})${s.powers.some((p) => p.kind === 'upgradeable') ? ', which its owner can replace' : ''}.`
      : " The token is a proxy: the functions listed are the proxy's, and the code it runs was not read.";
  const owner = ownerOf(s);
  const who =
    owner === 'renounced'
      ? " Its owner() is the zero address: ownership was given up, so functions only the owner may call are gone; the code may still name other admins (tokens that trap buyers often keep one), and which functions each may call is not read."
      : owner
        ? ` Its owner() is ${short(owner)}. The code shows these functions exist, not who may call them.`
        : ' The code shows these functions exist, not who may call them today: whether the owner has given them up was not read.';
  return `${lead} Its code has functions that let its owner, or an address the owner names, ${listWords(lines)}.${who}${proxy}`;
}

function facts(s: Subject) {
  const owner = ownerOf(s);
  return evidence({ token: s.token, how: s.how, powers: s.powers, hasOwner: s.report.hasOwner, ownerRenounced: owner === undefined ? 'unknown' : owner === 'renounced', ...(owner && owner !== 'renounced' ? { owner } : {}), ...(s.report.proxy ? { proxy: s.report.proxy } : {}), ...(s.report.implementation ? { implementation: s.report.implementation } : {}) });
}

const verb = (s: Subject) => (s.how === 'buy' ? 'you are buying' : 'you are approving');

export const tokenCodeRules: Rule[] = [
  {
    id: 'token.sell-blocking',
    severity: 'warn',
    summary: "An unknown token the request approves or buys has code that lets its owner stop holders from selling (a trading switch, sell or wallet limits) or replace its code (an upgradeable proxy).",
    check: (ctx) =>
      tokenSubjects(ctx)
        .filter((s) => !s.wellKnown && s.powers.some((p) => WARN_POWERS.includes(p.kind)))
        .map((s) => {
          const has = (k: PowerKind) => s.powers.some((p) => p.kind === k);
          const main = [has('trading-switch') || has('trading-limits') ? 'stop you from selling' : undefined, has('upgradeable') ? "replace the token's code" : undefined].filter((x): x is string => !!x);
          return {
            title: `The owner of ${tokenLabel(s.token, ctx.facts)} can ${listWords(main)}`,
            detail: detailOf(s, `${capital(tokenLabel(s.token, ctx.facts))}, which ${verb(s)}, is not a well-known token. Tokens made to trap their buyers use exactly these powers; check the token on a block explorer before you go on.`),
            evidence: facts(s),
          };
        }),
  },
  {
    id: 'token.owner-powers',
    severity: 'info',
    summary: 'An unknown token the request approves or buys has code that lets its owner mint at will, blacklist holders, pause transfers or change its fees (and nothing that warns).',
    check: (ctx) =>
      tokenSubjects(ctx)
        .filter((s) => !s.wellKnown && !s.powers.some((p) => WARN_POWERS.includes(p.kind)))
        .map((s) => ({
          title: `The owner of ${tokenLabel(s.token, ctx.facts)} can ${titlePowers(s.powers)}`,
          detail: detailOf(s, `${capital(tokenLabel(s.token, ctx.facts))}, which ${verb(s)}, is not a well-known token. Many honest tokens keep such powers; tokens made to trap buyers use them too (new supply dumped on the market, a blacklisted seller, a fee raised until a sale returns nothing).`),
          evidence: facts(s),
        })),
  },
  {
    id: 'token.known-token-powers',
    severity: 'info',
    summary: 'A well-known token the request approves or buys has owner powers in its code (e.g. a stablecoin that can freeze addresses or be upgraded); said once, never a warning.',
    check: (ctx) =>
      tokenSubjects(ctx)
        .filter((s) => s.wellKnown)
        .map((s) => ({
          title: `${capital(tokenLabel(s.token, ctx.facts))}'s issuer can ${titlePowers(s.powers)}`,
          detail: detailOf(s, `${tokenLabel(s.token, ctx.facts)} is a well-known token; issuers of regulated tokens keep such powers to meet the law or fix bugs.`),
          evidence: facts(s),
        })),
  },
];
