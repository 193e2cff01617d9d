// The domain model's features: the one definition used by the trainer and by inference in the extension.
// A host name becomes a sparse vector of hashed character n-grams and tokens plus a few dense signals
// (TLD, hosting platform, brand and lure words, length, entropy, digits, hyphens, punycode). Feature groups
// carry plain words, so the scorer can say which parts of the name pushed the score.
import { BRAND_WORDS, IMITATED_SITES, LURE_WORDS } from '../../analysis/site/brands';
import { hash32 } from '../../analysis/site/hashed-set';
import { platformOf, registrableDomain, subdomainLabels, suffixOf } from '../../analysis/site/hostname';
import { hostToUnicode } from '../../analysis/site/punycode';

export const FEATURE_VERSION = 'domain-features-1';
// 2^14 n-gram and 2^12 token buckets: four times as many generalised worse to legitimate crypto sites the
// model never saw (cross-validated when the trainer moved to them, model/domain/REPORT.md).
const NGRAM_BITS = 14;
const TOKEN_BITS = 12;
const NGRAM_BUCKETS = 1 << NGRAM_BITS;
const TOKEN_BUCKETS = 1 << TOKEN_BITS;
const NGRAM_SIZES = [3, 4, 5] as const;

/** Dense signals after the hashed blocks, in this order. */
export const DENSE_FEATURES = [
  'host_length', 'name_length', 'label_count', 'subdomain_count', 'name_entropy', 'digit_share', 'digit_runs', 'hyphen_count',
  'punycode', 'on_platform', 'brand_word', 'brand_outside_own_site', 'lure_word_count', 'brand_and_lure', 'vowel_share',
  'longest_token', 'numeric_token', 'random_looking', 'tld_is_com', 'tld_len',
] as const;

const TOKEN_OFFSET = NGRAM_BUCKETS;
const DENSE_OFFSET = NGRAM_BUCKETS + TOKEN_BUCKETS;
export const FEATURE_COUNT = DENSE_OFFSET + DENSE_FEATURES.length;
const dense = (name: (typeof DENSE_FEATURES)[number]) => DENSE_OFFSET + DENSE_FEATURES.indexOf(name);

export interface FeatureGroup {
  /** e.g. `token:claim`, `tld`, `platform`, `brand`, `shape`, `spelling`. */
  id: string;
  /** A phrase for the reasons: `the word "claim"`. */
  words: string;
  indices: number[];
}

export interface DomainFeatures {
  /** Sorted, unique feature indices and their values (everything else is 0). */
  indices: Int32Array;
  values: Float32Array;
  groups: FeatureGroup[];
}

const BRANDS = BRAND_WORDS.filter((b) => b.length >= 4);
const LURES = new Set(LURE_WORDS);
const OWN_SITES = new Set(IMITATED_SITES.map(registrableDomain));

function entropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / text.length) * Math.log2(n / text.length);
  return h;
}

/** Words of the name: split on dots, hyphens, underscores and letter/digit boundaries. */
export function tokensOf(host: string): string[] {
  return host.split(/[.\-_]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/).filter((t) => t.length > 0);
}

export function extractDomainFeatures(hostInput: string): DomainFeatures {
  const host = hostInput.toLowerCase();
  const values = new Map<number, number>();
  const add = (i: number, v: number) => values.set(i, (values.get(i) ?? 0) + v);
  const groups: FeatureGroup[] = [];

  const registrable = registrableDomain(host);
  const suffix = suffixOf(host);
  const platform = platformOf(host);
  const name = registrable.slice(0, Math.max(0, registrable.length - suffix.length - 1));
  const subs = subdomainLabels(host);
  const label = platform ? host.slice(0, host.length - platform.length - 1) : host.slice(0, host.length - suffix.length - 1);

  // Spelling: n-grams of everything left of the public suffix, with boundary marks; presence, scaled so
  // long names do not dominate.
  const marked = `^${label}$`;
  const ngramIndices = new Set<number>();
  for (const n of NGRAM_SIZES) for (let i = 0; i + n <= marked.length; i++) ngramIndices.add(hash32(marked.slice(i, i + n), n) & (NGRAM_BUCKETS - 1));
  const scale = 1 / Math.sqrt(Math.max(ngramIndices.size, 1));
  for (const i of ngramIndices) add(i, scale);
  groups.push({ id: 'spelling', words: 'letter patterns common in phishing names', indices: [...ngramIndices] });

  // Tokens and the suffix, hashed into their own block; one reason group per token.
  const tokens = [...new Set(tokensOf(label))];
  for (const t of tokens) {
    const i = TOKEN_OFFSET + (hash32(`t:${t}`, 7) & (TOKEN_BUCKETS - 1));
    add(i, 1);
    groups.push({ id: `token:${t}`, words: `the word "${t}"`, indices: [i] });
  }
  const tldIndex = TOKEN_OFFSET + (hash32(`s:${suffix}`, 7) & (TOKEN_BUCKETS - 1));
  add(tldIndex, 1);

  const brandHits = BRANDS.filter((b) => label.includes(b));
  const ownSite = OWN_SITES.has(registrable);
  const lureCount = tokens.filter((t) => LURES.has(t)).length;
  const digits = (label.match(/\d/g) ?? []).length;
  const letters = label.replace(/[^a-z]/g, '');
  const vowels = (letters.match(/[aeiouy]/g) ?? []).length;
  const longest = tokens.reduce((m, t) => Math.max(m, t.length), 0);
  const nameEntropy = entropy(name);
  const set = (f: (typeof DENSE_FEATURES)[number], v: number) => v !== 0 && add(dense(f), v);
  set('host_length', Math.min(host.length, 80) / 20);
  set('name_length', Math.min(name.length, 40) / 10);
  set('label_count', Math.min(host.split('.').length, 8) / 2);
  set('subdomain_count', Math.min(subs.length, 6) / 2);
  set('name_entropy', nameEntropy / 2);
  set('digit_share', label.length ? digits / label.length : 0);
  set('digit_runs', Math.min((label.match(/\d+/g) ?? []).length, 5) / 2);
  set('hyphen_count', Math.min((label.match(/-/g) ?? []).length, 6) / 2);
  set('punycode', host.includes('xn--') && hostToUnicode(host) !== host ? 1 : 0);
  set('on_platform', platform ? 1 : 0);
  set('brand_word', brandHits.length > 0 ? 1 : 0);
  set('brand_outside_own_site', brandHits.length > 0 && !ownSite ? 1 : 0);
  set('lure_word_count', Math.min(lureCount, 4) / 2);
  set('brand_and_lure', brandHits.length > 0 && lureCount > 0 && !ownSite ? 1 : 0);
  set('vowel_share', letters.length ? vowels / letters.length : 0);
  set('longest_token', Math.min(longest, 30) / 10);
  set('numeric_token', tokens.some((t) => /^\d+$/.test(t)) ? 1 : 0);
  set('random_looking', name.length >= 8 && nameEntropy > 3.2 && letters.length > 0 && vowels / letters.length < 0.25 ? 1 : 0);
  set('tld_is_com', suffix === 'com' ? 1 : 0);
  set('tld_len', Math.min(suffix.length, 12) / 4);

  groups.push({ id: 'tld', words: `the ending ".${suffix}"`, indices: [tldIndex, dense('tld_is_com'), dense('tld_len')] });
  if (platform) groups.push({ id: 'platform', words: `a free hosting platform (${platform})`, indices: [dense('on_platform')] });
  if (brandHits.length > 0) {
    const words = ownSite ? `the brand name "${brandHits[0]}"` : `the brand name "${brandHits[0]}" on a site that is not its own`;
    groups.push({ id: 'brand', words, indices: [dense('brand_word'), dense('brand_outside_own_site'), dense('brand_and_lure')] });
  }
  if (lureCount > 0) groups.push({ id: 'lure', words: 'bait words (claim, airdrop, reward, …)', indices: [dense('lure_word_count')] });
  groups.push({
    id: 'shape',
    words: 'the shape of the name (length, digits, hyphens, randomness)',
    indices: ['host_length', 'name_length', 'label_count', 'subdomain_count', 'name_entropy', 'digit_share', 'digit_runs', 'hyphen_count', 'punycode', 'vowel_share', 'longest_token', 'numeric_token', 'random_looking'].map((f) => dense(f as (typeof DENSE_FEATURES)[number])),
  });

  const sorted = [...values.entries()].sort((a, b) => a[0] - b[0]);
  return { indices: Int32Array.from(sorted.map(([i]) => i)), values: Float32Array.from(sorted.map(([, v]) => v)), groups };
}

export function toDense(f: Pick<DomainFeatures, 'indices' | 'values'>): Float32Array {
  const x = new Float32Array(FEATURE_COUNT);
  f.indices.forEach((i, k) => (x[i] = f.values[k]!));
  return x;
}
