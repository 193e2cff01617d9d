// The domain model's data. Phishing: ScamSniffer's domains with the day it first listed them, less the
// legitimate hosts it listed for a page they hosted (analysis/site/build/legit-hosts.ts). Benign: legitimate sites,
// in populations that are trained and measured apart:
//   - shipped: on the shipped allowlist (analysis/site/data/allowlist.json). The extension never asks the
//     model about them, so they only train.
//   - crypto: real crypto sites on no shipped list, at the level of the registrable domain (Ledger's dApp
//     allowlist, DefiLlama's 2022 protocol list; neither may ship). A quarter, by a hash of the registrable
//     domain, is the held-out test; the rest trains, in FOLDS folds by another hash, so the trainer can
//     score each fold with a model that never saw it and choose the threshold on all of them.
//   - generic: general web sites (Moz top 500, email providers), split the same way.
//   - disposable: a sample of disposable-mail domains (random-looking names that are not phishing); train only.
// SEAL's list is never training data (its SOURCE.md: brand portfolios, exact-match use only).
import { createRequire } from 'node:module';
import { hash32 } from '../../analysis/site/hashed-set';
import { lookupNames, normalizeHost, registrableDomain } from '../../analysis/site/hostname';
import allowlistJson from '../../analysis/site/data/allowlist.json';
import { allLegitSources } from '../../analysis/site/build/build-lists';
import { createLegitIndex, type NoiseClass } from '../../analysis/site/build/legit-hosts';
import { metamaskConfig, scamsnifferDatedDomains, type LegitSource } from '../../analysis/site/build/sources';
import { createRng } from '../train/rng';

const require = createRequire(import.meta.url);

export type Split = 'train' | 'test';
export const FOLDS = 4;
export type Population = 'phishing' | 'shipped' | 'crypto' | 'generic' | 'disposable';

export interface DomainRow {
  host: string;
  label: 0 | 1;
  population: Population;
  /** The list it came from (the first, for a host on several). */
  source: string;
  /** First-listed day (phishing only). */
  date?: string;
  split: Split;
  /** Cross-validation fold of a crypto or generic training row. */
  fold?: number;
}

export interface DatasetOptions {
  /** Phishing first listed on or after this day is the test set. */
  cutoff: string;
  /** How many disposable-mail domains to sample. */
  disposableSample: number;
  seed: number;
}

export interface DomainDataset {
  rows: DomainRow[];
  /** Unique hosts per source and population. */
  sources: Record<string, number>;
  /** Phishing hosts left out as legitimate, by class. */
  phishingDropped: Partial<Record<NoiseClass, number>>;
  phishingDroppedExamples: Partial<Record<NoiseClass, string[]>>;
  /** Benign candidates left out because a phishing list names them. */
  benignDropped: number;
  /** SEAL's hosts that are on no shipped list (evaluation only: brand portfolios and look-alike defences). */
  sealUnlisted: string[];
}

const hosts = (values: Iterable<string>) => [...new Set([...values].map((v) => normalizeHost(v)).filter((h): h is string => h !== null && h.includes('.')))];

const TEST_SHARE = 0.25;
/** The split's seed, fixed so that a model's held-out sites stay held out for whoever measures it. */
export const DOMAIN_SPLIT_SEED = 20260430;

/** Whether a legitimate host is in the held-out test quarter the trainer never learns from. */
export function isHeldOut(host: string, seed = DOMAIN_SPLIT_SEED): boolean {
  return hashSplit(host, seed).split === 'test';
}

function hashSplit(host: string, seed: number): { split: Split; fold?: number } {
  const r = registrableDomain(host);
  if (hash32(r, seed) / 2 ** 32 < TEST_SHARE) return { split: 'test' };
  return { split: 'train', fold: hash32(r, seed ^ 0x5f3759df) % FOLDS };
}

export function buildDomainDataset(opts: DatasetOptions, legit: readonly LegitSource[] = allLegitSources()): DomainDataset {
  const phishing = scamsnifferDatedDomains();
  const mmBlocked = new Set(hosts(metamaskConfig().blacklist));
  // Training may use every legitimate list (stale ones too): a host on both sides is simply left out.
  const index = createLegitIndex(legit, [...phishing.keys(), ...mmBlocked]);
  const rows: DomainRow[] = [];
  const phishingDropped: DomainDataset['phishingDropped'] = {};
  const phishingDroppedExamples: DomainDataset['phishingDroppedExamples'] = {};
  const sources: Record<string, number> = {};
  for (const [host, date] of phishing) {
    const v = index.vouch(host);
    if (v) {
      phishingDropped[v.cls] = (phishingDropped[v.cls] ?? 0) + 1;
      const ex = (phishingDroppedExamples[v.cls] ??= []);
      if (ex.length < 12) ex.push(host);
      continue;
    }
    rows.push({ host, label: 1, population: 'phishing', source: 'scamsniffer', date, split: date >= opts.cutoff ? 'test' : 'train' });
  }
  sources.scamsniffer = rows.length;

  const shipped = new Set(allowlistJson.whitelist);
  const shippedRegistrable = new Set(allowlistJson.whitelist.map(registrableDomain));
  const onShipped = (h: string) => lookupNames(h).some((n) => shipped.has(n));
  const listed = (h: string) => lookupNames(h).some((n) => phishing.has(n) || mmBlocked.has(n));
  const rng = createRng(opts.seed);
  const disposable = rng.shuffle(hosts(require('disposable-email-domains') as string[]).sort()).slice(0, opts.disposableSample);
  const candidates: [Population | 'by-list', string, string[]][] = [
    ...legit.filter((s) => !s.exactOnly).map((s): [Population | 'by-list', string, string[]] => ['by-list', s.id, s.hosts]),
    ['generic', 'email-providers', hosts(require('email-providers/all.json') as string[])],
    ['disposable', 'disposable-email', disposable],
  ];
  const seen = new Set<string>();
  let benignDropped = 0;
  for (const [kind, source, list] of candidates) {
    const legitSource = legit.find((s) => s.id === source);
    for (const host of list) {
      if (seen.has(host)) continue;
      seen.add(host);
      if (listed(host)) {
        benignDropped++;
        continue;
      }
      let population: Population;
      let split: { split: Split; fold?: number } = { split: 'train' };
      if (onShipped(host)) population = 'shipped';
      else if (kind === 'disposable') population = 'disposable';
      else if (kind === 'generic' || legitSource?.kind === 'generic') [population, split] = ['generic', hashSplit(host, opts.seed)];
      // A crypto site whose registrable domain has a shipped host is not "on no shipped list": it trains.
      else if (shippedRegistrable.has(registrableDomain(host))) population = 'shipped';
      else [population, split] = ['crypto', hashSplit(host, opts.seed)];
      rows.push({ host, label: 0, population, source, ...split });
      sources[`${source}/${population}`] = (sources[`${source}/${population}`] ?? 0) + 1;
    }
  }
  const seal = legit.find((s) => s.id === 'seal-allowlists')?.hosts ?? [];
  const sealUnlisted = seal.filter((h) => !onShipped(h) && !listed(h));
  return { rows, sources, phishingDropped, phishingDroppedExamples, benignDropped, sealUnlisted };
}
