// Look-alike domains: names built to be mistaken for a real dapp's. Four tricks are checked against the
// imitated sites: other scripts' letters (IDN homoglyphs), one or two typos, the real name on another
// suffix, and the brand word dressed up in a subdomain or a hyphenated name (`uniswap.claim-rewards.xyz`,
// `app-uniswap.org`). The caller skips all of this for allow-listed hosts.
import { BRAND_WORDS, LURE_WORDS } from './brands';
import { hostToUnicode } from './punycode';
import { platformOf, registrableDomain, subdomainLabels, suffixOf } from './hostname';

export type LookalikeKind = 'homoglyph' | 'typo' | 'other-suffix' | 'brand-in-name';

export interface LookalikeHit {
  kind: LookalikeKind;
  /** The real site (or, for brand-in-name, the brand word) it imitates. */
  imitates: string;
  /** The part of the host that carries the trick. */
  evidence: string;
}

/** Letters from other scripts that render like Latin ones, and ASCII swaps (0→o, 1→l, rn→m). */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's',
  і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', һ: 'h', ɡ: 'g', ı: 'i', ȷ: 'j', ɑ: 'a', ο: 'o', α: 'a',
  ν: 'v', ρ: 'p', τ: 't', υ: 'u', ι: 'i', κ: 'k', χ: 'x', ε: 'e', ω: 'w', ß: 'ss', æ: 'ae', ø: 'o', đ: 'd', ł: 'l',
  '0': 'o', '1': 'l', i: 'l', '3': 'e', '5': 's', '|': 'l',
};

/** What a name looks like to a hurried reader: accents dropped, look-alike letters folded. */
export function skeleton(text: string): string {
  // Folded twice so a letter that folds to another folded letter lands where that one does (Cyrillic і → i → l).
  const fold = (c: string) => CONFUSABLES[c] ?? c;
  const folded = [...text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()].map((c) => fold(fold(c))).join('');
  return folded.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/cl/g, 'd');
}

/** Optimal-string-alignment distance, giving up (returns max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Bait words for the brand rule (claim, airdrop, …) and the brand glued to nothing but them and digits. */
const LURES = new Set(LURE_WORDS);
const GLUE = [...LURE_WORDS, 'app', 'io', 'official', 'www', 'web3', 'dao', 'finance', 'fi', 'nft', 'nfts', 'org', 'com', 'net', 'my', 'the', 'get', 'go']
  .map((w) => skeleton(w))
  .sort((a, b) => b.length - a.length);

function onlyBait(token: string, brand: string): boolean {
  let rest = token.replace(brand, ' ').replace(/\d+/g, ' ');
  for (const w of GLUE) rest = rest.split(w).join(' ');
  return rest.trim() === '';
}

/**
 * One or two letters off a brand's name, the way phishing misspells it (a dropped, doubled, swapped or
 * replaced letter); the caller only asks for brand words, since one letter off a plain word is another
 * word (`balanced`, `orbitel`, `layer2`). Not counted: short names (one letter turns `blast` into `bcast`),
 * a different first letter (`buffer`/`puffer`, `zyberswap`/`kyberswap`: other projects), and two edits
 * below ten letters (`symbiosis`/`symbiotic`).
 */
function editTypo(nameSkeleton: string, t: Target): boolean {
  if (t.skeleton.length < 6 || nameSkeleton[0] !== t.skeleton[0]) return false;
  // Below eight letters, one replaced letter is as often another project (`soluna`/`solana`) as a misspelling:
  // only a dropped, doubled or swapped letter counts there.
  if (t.skeleton.length < 8 && nameSkeleton.length === t.skeleton.length && !adjacentSwap(nameSkeleton, t.skeleton)) return false;
  const max = t.skeleton.length >= 10 ? 2 : 1;
  return editDistance(nameSkeleton, t.skeleton, max) <= max;
}

function adjacentSwap(a: string, b: string): boolean {
  const diff = [...a].flatMap((c, i) => (c !== b[i] ? [i] : []));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

interface Target {
  domain: string;
  name: string;
  suffix: string;
  skeleton: string;
}

function nameOf(registrable: string): { name: string; suffix: string } {
  const suffix = suffixOf(registrable);
  return { name: registrable.slice(0, registrable.length - suffix.length - 1), suffix };
}

export interface LookalikeChecker {
  check(host: string): LookalikeHit[];
}

/** `imitated`: registrable domains of real sites; `brands`: words that name them. */
export function createLookalikeChecker(imitated: readonly string[], brands: readonly string[] = BRAND_WORDS): LookalikeChecker {
  const targets: Target[] = [...new Set(imitated.map(registrableDomain))].map((domain) => {
    const { name, suffix } = nameOf(domain);
    return { domain, name, suffix, skeleton: skeleton(name) };
  });
  const realDomains = new Set(targets.map((t) => t.domain));
  const brandSet = new Set(brands);

  return {
    check(host) {
      const registrable = registrableDomain(host);
      if (realDomains.has(registrable)) return [];
      const { name, suffix } = nameOf(registrable);
      const unicodeName = hostToUnicode(name);
      const nameSkeleton = skeleton(unicodeName);
      const hits: LookalikeHit[] = [];
      const seen = new Set<string>();
      const add = (hit: LookalikeHit) => {
        const key = `${hit.kind}:${hit.imitates}`;
        if (seen.has(key)) return;
        seen.add(key);
        hits.push(hit);
      };

      for (const t of targets) {
        if (t.name.length < 3) continue;
        if (name === t.name) {
          // The same name on another suffix only for brand words: `gmx.de` (a mail provider) or
          // `balancer.finance` share a plain word with a dapp, `uniswap.xyz` borrows a brand.
          // Nor on .com: a brand's .com is its own or long taken (no phishing site in the time split used one).
          if (suffix !== t.suffix && suffix !== 'com' && brandSet.has(name)) add({ kind: 'other-suffix', imitates: t.domain, evidence: registrable });
          continue;
        }
        if (unicodeName !== name && nameSkeleton === t.skeleton) {
          add({ kind: 'homoglyph', imitates: t.domain, evidence: hostToUnicode(registrable) });
          continue;
        }
        if (nameSkeleton === t.skeleton || (brandSet.has(t.name) && editTypo(nameSkeleton, t))) add({ kind: 'typo', imitates: t.domain, evidence: registrable });
      }

      // The brand word somewhere it does not belong: alone in a hyphenated part of the registrable name
      // (`app-uniswap.org`), glued to bait words (`claimmetamask.com`), or as a subdomain label of a site that
      // also uses bait words or sits on a hosting platform (`uniswap.claim-rewards.xyz`). A brand label on an
      // ordinary dapp's own domain (`renzo.liquifi.finance`, a partner page) and a brand inside a longer word
      // (`argentina`, `myphantomemail`) are not enough on their own.
      const nameTokens = hostToUnicode(name).split(/[-_]/).filter(Boolean);
      const subTokens = subdomainLabels(host).flatMap((label) => hostToUnicode(label).split(/[-_]/)).filter(Boolean);
      const allTokens = [...nameTokens, ...subTokens];
      const onPlatform = platformOf(host) !== undefined;
      // Bait in another part of the name than the brand itself (`zksync` holds "sync" but is no bait).
      const lured = (token: string) => onPlatform || allTokens.some((t) => t !== token && (LURES.has(t) || [...LURES].some((l) => l.length >= 4 && t.includes(l))));
      for (const [token, inName] of [...nameTokens.map((t) => [t, true] as const), ...subTokens.map((t) => [t, false] as const)]) {
        const folded = skeleton(token);
        for (const brand of brandSet) {
          const brandSkeleton = skeleton(brand);
          const exact = token === brand || folded === brandSkeleton;
          if (exact && token !== name && (inName || lured(token))) add({ kind: 'brand-in-name', imitates: brand, evidence: host });
          else if (!exact && brand.length >= 5 && folded.includes(brandSkeleton) && onlyBait(folded, brandSkeleton)) add({ kind: 'brand-in-name', imitates: brand, evidence: host });
        }
      }
      return hits;
    },
  };
}
