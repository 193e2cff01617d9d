// Trains the domain model: logistic regression on hashed n-grams and name signals. Phishing is split by
// time (ScamSniffer's first-listed day); legitimate sites by a hash of their registrable domain, in
// populations measured apart (model/domain/dataset.ts). The threshold is chosen on legitimate crypto sites
// that are on no shipped list, so that at most 1 in 100 of them would open the window. Exported to ONNX,
// checked in onnxruntime-web, and measured next to the model it replaces; REPORT.md is written here.
//   npm run train:domains                  (deterministic: same data and seed → same model bytes)
//   npm run train:domains -- --before=REF  compare with the model on git ref REF (default main)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compiledListData } from '../../analysis/site/compiled-lists';
import { BRAND_WORDS } from '../../analysis/site/brands';
import { lookupNames, normalizeHost, platformOf } from '../../analysis/site/hostname';
import { SITE_DATA_DIR } from '../../analysis/site/node-lists';
import { createSiteRisk } from '../../analysis/site/site-risk';
import { DOMAIN_SPLIT_SEED, buildDomainDataset, FOLDS, type DomainRow, type Population } from './dataset';
import { measure, rate, sealKind, select, windowThreshold, type Evaluation, type Measure, type Rate, type SiteChecks } from './evaluate';
import { exportDomainOnnx } from './export-onnx';
import { extractDomainFeatures, FEATURE_COUNT, FEATURE_VERSION, type DomainFeatures } from './features';
import { createDomainScorer, type DomainModelMeta } from './inference';
import { margin, trainLogistic } from './logistic';
import { writeDomainReport, type Comparison } from './report';
import { rocAuc } from '../train/metrics';
import { metamaskConfig } from '../../analysis/site/build/sources';

const require = createRequire(import.meta.url);
const DIR = import.meta.dirname;
const SEED = DOMAIN_SPLIT_SEED;
const CUTOFF = '2025-10-01';
const DISPOSABLE_SAMPLE = 10_000;
/** At most this share of legitimate sites on no shipped list may open the window (issue 16's target). */
const MAX_WINDOW_RATE = 0.01;
/** Relative weight of each benign population inside the benign class (which as a whole weighs as much as phishing). */
const POPULATION_WEIGHT: Partial<Record<Population, number>> = { crypto: 12, shipped: 12, generic: 8, disposable: 1 };
/** Half-life of a phishing example's weight, in days before the cut-off: recent phishing names teach the most about the next ones (cross-validated: 90 beat 60, 120, 180, 365 and none). */
const RECENCY_HALF_LIFE_DAYS = 90;
/** Share of the total training weight on the legitimate side. */
const BENIGN_SHARE = 0.5;
const TRAIN = { epochs: 3, learningRate: 0.05, l2: 1e-6, seed: SEED };
const VERSION = `domain-lr-${CUTOFF}-s${SEED}-crypto`;

/** The model to compare with: the one on the given git ref (default main), else the file in the work tree. */
function previousModel(ref: string): { bytes: Uint8Array; meta: DomainModelMeta } | undefined {
  const show = (file: string) => execFileSync('git', ['show', `${ref}:model/domain/${file}`], { cwd: DIR, maxBuffer: 1 << 26 });
  try {
    return { bytes: new Uint8Array(show('domain-model.onnx')), meta: JSON.parse(show('domain-model.meta.json').toString('utf8')) as DomainModelMeta };
  } catch {
    if (!existsSync(join(DIR, 'domain-model.onnx'))) return undefined;
    return { bytes: readFileSync(join(DIR, 'domain-model.onnx')), meta: JSON.parse(readFileSync(join(DIR, 'domain-model.meta.json'), 'utf8')) as DomainModelMeta };
  }
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Out-of-fold rows: crypto and generic training rows of one fold. */
const inFold = (r: DomainRow, k: number) => (r.population === 'crypto' || r.population === 'generic') && r.split === 'train' && r.fold === k;

async function main(): Promise<void> {
  const started = performance.now();
  const previous = previousModel(process.argv.find((a) => a.startsWith('--before='))?.slice(9) ?? 'main');
  const data = buildDomainDataset({ cutoff: CUTOFF, disposableSample: DISPOSABLE_SAMPLE, seed: SEED });
  const { rows } = data;
  mkdirSync(join(DIR, '.data'), { recursive: true });
  writeFileSync(join(DIR, '.data', 'domains.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  const features: DomainFeatures[] = rows.map((r) => extractDomainFeatures(r.host));

  // The benign class weighs as much as phishing; inside it, each population gets its share whatever its size.
  const fit = (train: number[]) => {
    const labels = Uint8Array.from(train.map((i) => rows[i]!.label));
    const count: Record<string, number> = {};
    for (const i of train) count[rows[i]!.population] = (count[rows[i]!.population] ?? 0) + 1;
    const benignShare = Object.entries(POPULATION_WEIGHT).reduce((s, [p, w]) => s + (count[p] ? w : 0), 0);
    // Phishing changes its names over time: recent months weigh more (half-life RECENCY_HALF_LIFE_DAYS).
    const recency = (r: DomainRow) => 0.5 ** ((Date.parse(CUTOFF) - Date.parse(r.date!)) / 86_400_000 / RECENCY_HALF_LIFE_DAYS);
    let phishingWeight = 0;
    for (const i of train) if (rows[i]!.label === 1) phishingWeight += recency(rows[i]!);
    const weights = Float64Array.from(train, (i) => {
      const r = rows[i]!;
      if (r.label === 1) return (train.length * (1 - BENIGN_SHARE) * recency(r)) / phishingWeight;
      return train.length * BENIGN_SHARE * ((POPULATION_WEIGHT[r.population] ?? 1) / benignShare) / count[r.population]!;
    });
    return trainLogistic(train.map((i) => features[i]!), labels, weights, FEATURE_COUNT, TRAIN);
  };
  const trainRows = rows.flatMap((r, i) => (r.split === 'train' ? [i] : []));

  // Cross-validation for the threshold: each fold of the crypto and generic sites is scored by a model
  // trained without it, so the threshold is chosen on every training site, not on a few hundred.
  const oof = new Array<number>(rows.length).fill(Number.NaN);
  for (let k = 0; k < FOLDS; k++) {
    const m = fit(trainRows.filter((i) => !inFold(rows[i]!, k)));
    rows.forEach((r, i) => {
      if (inFold(r, k)) oof[i] = sigmoid(margin(m, features[i]!));
    });
  }
  const model = fit(trainRows);
  const trainedMs = performance.now() - started;
  const score = rows.map((_, i) => sigmoid(margin(model, features[i]!)));

  // The site checks as the extension runs them on the lists just built; for phishing, the lists as they
  // stood at the cut-off (MetaMask's Dec 2024 snapshot, ScamSniffer before the cut-off), so that "listed"
  // means what a user would have had.
  const site = createSiteRisk({ ...(await compiledListData(async (f) => new Uint8Array(readFileSync(join(SITE_DATA_DIR, f))))), extraBlockedHosts: [] });
  const mmSet = new Set(metamaskConfig().blacklist.map((d) => normalizeHost(d)).filter((h): h is string => h !== null));
  const ssBefore = new Set(rows.filter((r) => r.label === 1 && r.date! < CUTOFF).map((r) => r.host));
  const benignChecks: SiteChecks = { lookalikes: (h) => site.lookalikes(h), listed: (h) => site.listedDomain(h).length > 0 };
  const phishingChecks: SiteChecks = { lookalikes: (h) => site.lookalikes(h), listed: (h) => lookupNames(h).some((n) => mmSet.has(n) || ssBefore.has(n)) };
  const sealRows: DomainRow[] = data.sealUnlisted.map((host) => ({ host, label: 0, population: 'crypto', source: 'seal-allowlists', split: 'test' }));

  const pick = (xs: number[], s: readonly number[]) => xs.map((i) => s[i]!);
  const cvCrypto = rows.flatMap((r, i) => (r.population === 'crypto' && r.split === 'train' ? [i] : []));
  const cvGeneric = rows.flatMap((r, i) => (r.population === 'generic' && r.split === 'train' ? [i] : []));
  const thresholdAt = (maxRate: number) =>
    Math.max(
      windowThreshold(cvCrypto.map((i) => rows[i]!), pick(cvCrypto, oof), benignChecks, maxRate),
      windowThreshold(cvGeneric.map((i) => rows[i]!), pick(cvGeneric, oof), benignChecks, maxRate),
    );
  const threshold = thresholdAt(MAX_WINDOW_RATE);
  const strictThreshold = Math.max(threshold, thresholdAt(MAX_WINDOW_RATE / 10));
  const testPos = select(rows, 'phishing', 'test');
  const sealKinds = sealRows.map((r) => sealKind(r.host, BRAND_WORDS, platformOf));
  const sealMeasures = (sealScores: readonly number[], t: number): Record<string, Measure> => {
    const out: Record<string, Measure> = { all: measure(sealRows, sealScores, t, benignChecks) };
    for (const k of [...new Set(sealKinds)].sort()) {
      const xs = sealRows.flatMap((_, i) => (sealKinds[i] === k ? [i] : []));
      out[k] = measure(xs.map((i) => sealRows[i]!), xs.map((i) => sealScores[i]!), t, benignChecks);
    }
    return out;
  };
  const evaluate = (s: readonly number[], sealScores: readonly number[], t: number, cv?: readonly number[]): Evaluation => {
    const byPopulation: Record<string, Measure> = {};
    for (const p of ['crypto', 'generic'] as const) {
      if (cv) {
        const xs = rows.flatMap((r, i) => (r.population === p && r.split === 'train' ? [i] : []));
        byPopulation[`${p}/cross-validation`] = measure(xs.map((i) => rows[i]!), pick(xs, cv), t, benignChecks);
      }
      const xs = select(rows, p, 'test');
      byPopulation[`${p}/test`] = measure(xs.map((i) => rows[i]!), pick(xs, s), t, benignChecks);
    }
    const pos = testPos.map((i) => rows[i]!);
    const m = measure(pos, pick(testPos, s), t, phishingChecks);
    const perMonth: Record<string, Rate> = {};
    for (const month of [...new Set(pos.map((r) => r.date!.slice(0, 7)))].sort()) {
      perMonth[month] = rate(testPos.filter((i) => rows[i]!.date!.startsWith(month)).map((i) => s[i]! >= t));
    }
    const neg = select(rows, 'crypto', 'test');
    const auc = rocAuc([...pick(testPos, s), ...pick(neg, s)], [...testPos.map(() => 1), ...neg.map(() => 0)]) ?? 0;
    return { threshold: t, byPopulation, recall: { model: m.model, window: m.window }, perMonth, seal: sealMeasures(sealScores, t), auc };
  };
  const sealScores = sealRows.map((r) => sigmoid(margin(model, extractDomainFeatures(r.host))));
  const after = evaluate(score, sealScores, threshold, oof);
  // The model this one replaces, on the same rows (only where it was trained on the same features).
  let before: Evaluation | undefined;
  const wasm = readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
  if (previous && previous.meta.featureVersion === FEATURE_VERSION && previous.meta.featureCount === FEATURE_COUNT) {
    const old = await createDomainScorer({ modelBytes: previous.bytes, meta: previous.meta, wasmBinary: wasm });
    const evalIdx = rows.flatMap((r, i) => (r.split !== 'train' && r.population !== 'shipped' && r.population !== 'disposable' ? [i] : []));
    const oldScores = new Array<number>(rows.length).fill(0);
    const got = await old.scoreHosts(evalIdx.map((i) => rows[i]!.host));
    evalIdx.forEach((i, k) => (oldScores[i] = got[k]!));
    const oldSeal = Array.from(await old.scoreHosts(sealRows.map((r) => r.host)));
    before = { ...evaluate(oldScores, oldSeal, previous.meta.threshold), threshold: previous.meta.threshold };
    await old.release();
  }

  // Export and check the file in onnxruntime-web against the trainer's own scores.
  const meta = { version: VERSION, featureVersion: FEATURE_VERSION, featureCount: FEATURE_COUNT, input: 'features', output: 'probability', threshold, strictThreshold, cutoff: CUTOFF };
  const onnx = exportDomainOnnx(model, VERSION, { featureVersion: FEATURE_VERSION, threshold: String(threshold), cutoff: CUTOFF });
  writeFileSync(join(DIR, 'domain-model.onnx'), onnx);
  writeFileSync(join(DIR, 'domain-model.meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  const scorer = await createDomainScorer({ modelBytes: onnx, meta, wasmBinary: wasm });
  const testNeg = select(rows, 'crypto', 'test');
  const probe = [...testPos.slice(0, 200), ...testNeg.slice(0, 200)];
  const onnxScores = await scorer.scoreHosts(probe.map((i) => rows[i]!.host));
  const parity = Math.max(...probe.map((i, k) => Math.abs(onnxScores[k]! - score[i]!)));
  const parityFixture = probe.filter((_, k) => k % 10 === 0).map((i) => ({ host: rows[i]!.host, score: onnxScores[probe.indexOf(i)]! }));
  writeFileSync(join(DIR, 'parity-fixture.json'), `${JSON.stringify(parityFixture, null, 1)}\n`);
  const exampleHosts = ['uniswap.claim-rewards.xyz', 'app-uniswap.org', 'claim-eigenlayer-airdrop.vercel.app', 'blur-rewards.pages.dev', 'opensea.io', 'app.aave.com', 'coinbase.com', 'wikipedia.org', 'gmail.com'];
  const examples = await Promise.all(exampleHosts.map(async (h) => ({ host: h, allowlisted: site.allowed(h) !== undefined, ...(await scorer.score(h)) })));
  // The held-out crypto sites the model still flags: what a false alarm looks like.
  const flaggedCrypto = testNeg.filter((i) => score[i]! >= threshold).map((i) => ({ host: rows[i]!.host, source: rows[i]!.source, score: score[i]! }));
  const lookalikeCrypto = testNeg.flatMap((i) => {
    const hits = site.lookalikes(rows[i]!.host);
    return hits.length ? [{ host: rows[i]!.host, hits: hits.map((h) => `${h.kind} ${h.imitates}`) }] : [];
  });
  await scorer.release();

  const comparison: Comparison = { after, before, previousVersion: previous?.meta.version };
  writeDomainReport(join(DIR, 'REPORT.md'), {
    version: VERSION,
    cutoff: CUTOFF,
    folds: FOLDS,
    seed: SEED,
    train: TRAIN,
    populationWeight: POPULATION_WEIGHT,
    maxWindowRate: MAX_WINDOW_RATE,
    sources: data.sources,
    phishingDropped: data.phishingDropped,
    phishingDroppedExamples: data.phishingDroppedExamples,
    benignDropped: data.benignDropped,
    counts: Object.fromEntries(
      (['phishing', 'shipped', 'crypto', 'generic', 'disposable'] as const).map((p) => [p, Object.fromEntries((['train', 'test'] as const).map((s) => [s, select(rows, p, s).length]))]),
    ),
    testPeriod: `${CUTOFF} … ${rows.filter((r) => r.split === 'test' && r.date).map((r) => r.date!).sort().at(-1)}`,
    comparison,
    strictThreshold,
    onnxBytes: onnx.byteLength,
    parity,
    seconds: (performance.now() - started) / 1000,
    trainSeconds: trainedMs / 1000,
    examples,
    flaggedCrypto,
    lookalikeCrypto,
  });
  const pct = (r: Rate) => `${(r.rate * 100).toFixed(2)} % (${r.flagged}/${r.n})`;
  for (const [name, e] of [['after', after], ['before', before]] as const) {
    if (!e) continue;
    console.log(`${name}: threshold ${e.threshold.toFixed(4)}; AUC ${e.auc.toFixed(4)}`);
    for (const [k, m] of Object.entries(e.byPopulation)) console.log(`  ${k}: model ${pct(m.model)}, window ${pct(m.window)}, look-alike ${pct(m.lookalike)}`);
    for (const [k, m] of Object.entries(e.seal)) console.log(`  SEAL (unlisted) ${k}: model ${pct(m.model)}, window ${pct(m.window)}`);
    console.log(`  recall on test phishing: model ${pct(e.recall.model)}, window ${pct(e.recall.window)}`);
  }
  console.log(`ONNX ${onnx.byteLength} bytes; parity ${parity.toExponential(1)}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

void main();
