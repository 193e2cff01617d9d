// Trains the domain model: logistic regression on hashed n-grams and name signals, split by time
// (ScamSniffer's first-listed day), exported to ONNX, checked in onnxruntime-web, with REPORT.md.
//   npm run train:domains            (deterministic: same data and seed → same model bytes)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createSiteRisk } from '../analysis/site/site-risk';
import { compiledListData } from '../analysis/site/compiled-lists';
import { SITE_DATA_DIR } from '../analysis/site/node-lists';
import { lookupNames, normalizeHost } from '../analysis/site/hostname';
import { buildDomainDataset, type DomainRow } from '../model/domain/dataset';
import { exportDomainOnnx } from '../model/domain/export-onnx';
import { extractDomainFeatures, FEATURE_COUNT, FEATURE_VERSION, type DomainFeatures } from '../model/domain/features';
import { createDomainScorer } from '../model/domain/inference';
import { margin, trainLogistic } from '../model/domain/logistic';
import { writeDomainReport, type Row as ReportRow } from '../model/domain/report';
import { rocAuc } from '../model/train/metrics';
import { metamaskConfig } from './build-site-lists';

const require = createRequire(import.meta.url);
const DIR = join(import.meta.dirname, '..', 'model', 'domain');
const SEED = 20260430;
const CUTOFF = '2025-10-01';
const VALIDATION_DAYS = 60;
const DISPOSABLE_SAMPLE = 40_000;
/** Crypto sites are the benign domains that matter most (and are few): they weigh more. */
const SOURCE_WEIGHT: Record<string, number> = { 'metamask-allowlist': 8, 'curated-dapps': 8, 'viem-chains': 4 };
const TRAIN = { epochs: 5, learningRate: 0.05, l2: 1e-6, seed: SEED };
const VERSION = `domain-lr-${CUTOFF}-s${SEED}`;

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Threshold above which at most `maxFpr` of the given benign scores lie (flagged = score >= threshold). */
function thresholdAt(benign: number[], maxFpr: number): number {
  const sorted = [...benign].sort((a, b) => b - a);
  const edge = sorted[Math.floor(sorted.length * maxFpr)];
  return edge === undefined ? 0.5 : Math.fround(Math.min(edge + 1e-7, 1));
}
const share = (xs: boolean[]) => xs.filter(Boolean).length / Math.max(xs.length, 1);

async function main(): Promise<void> {
  const started = performance.now();
  const { rows, sources, dropped } = buildDomainDataset({ cutoff: CUTOFF, validationDays: VALIDATION_DAYS, disposableSample: DISPOSABLE_SAMPLE, seed: SEED });
  mkdirSync(join(DIR, '.data'), { recursive: true });
  writeFileSync(join(DIR, '.data', 'domains.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  const features: DomainFeatures[] = rows.map((r) => extractDomainFeatures(r.host));
  const idx = (split: DomainRow['split']) => rows.flatMap((r, i) => (r.split === split ? [i] : []));
  const train = idx('train');

  // Class balance: the phishing side and the benign side carry the same total weight.
  const labels = Uint8Array.from(train.map((i) => rows[i]!.label));
  const raw = Float64Array.from(train.map((i) => SOURCE_WEIGHT[rows[i]!.source] ?? 1));
  const totals = [0, 0];
  train.forEach((i, k) => (totals[rows[i]!.label]! += raw[k]!));
  const weights = Float64Array.from(raw, (w, k) => (w * train.length) / (2 * totals[labels[k]!]!));
  const model = trainLogistic(
    train.map((i) => features[i]!),
    labels,
    weights,
    FEATURE_COUNT,
    TRAIN,
  );
  const trainedMs = performance.now() - started;
  const score = rows.map((_, i) => sigmoid(margin(model, features[i]!)));

  const of = (split: DomainRow['split'], label: 0 | 1) => idx(split).filter((i) => rows[i]!.label === label);
  const validationBenign = of('validation', 0).map((i) => score[i]!);
  const threshold = thresholdAt(validationBenign, 0.01);
  const strictThreshold = thresholdAt(validationBenign, 0.001);

  // Test: phishing first listed after the cut-off against held-out benign domains.
  const testPos = of('test', 1);
  const testNeg = of('test', 0);
  const testScores = [...testPos, ...testNeg].map((i) => score[i]!);
  const testLabels = [...testPos.map(() => 1), ...testNeg.map(() => 0)];
  const auc = rocAuc(testScores, testLabels) ?? 0;
  const negScores = testNeg.map((i) => score[i]!);
  const recallAtFpr = (fpr: number) => {
    const t = thresholdAt(negScores, fpr);
    return { threshold: t, recall: share(testPos.map((i) => score[i]! >= t)), fpr: share(negScores.map((s) => s >= t)) };
  };
  const at1 = recallAtFpr(0.01);
  const at01 = recallAtFpr(0.001);
  const shipped = { recall: share(testPos.map((i) => score[i]! >= threshold)), fpr: share(negScores.map((s) => s >= threshold)) };
  const shippedStrict = { recall: share(testPos.map((i) => score[i]! >= strictThreshold)), fpr: share(negScores.map((s) => s >= strictThreshold)) };

  // Lists-only baselines on the same later domains: MetaMask's list as shipped (npm, Dec 2024), ScamSniffer as
  // it stood at the cut-off (so only a listed parent domain can match), and the rule-based look-alike checks.
  const mmSet = new Set(metamaskConfig().blacklist.map((d) => normalizeHost(d)).filter((h): h is string => h !== null));
  const ssBefore = new Set(rows.filter((r) => r.label === 1 && r.date! < CUTOFF).map((r) => r.host));
  const lookalikeRisk = createSiteRisk({ ...(await compiledListData(async (f) => new Uint8Array(readFileSync(join(SITE_DATA_DIR, f))))), domainLists: [], addressLists: [], extraBlockedHosts: [] });
  const onMetaMask = (h: string) => lookupNames(h).some((n) => mmSet.has(n));
  const onScamSnifferBefore = (h: string) => lookupNames(h).some((n) => ssBefore.has(n));
  const lookalike = (h: string) => lookalikeRisk.lookalikes(h).length > 0;
  const strongLookalike = (h: string) => lookalikeRisk.lookalikes(h).some((x) => x.kind === 'homoglyph' || x.kind === 'typo');
  const hostsPos = testPos.map((i) => rows[i]!.host);
  const hostsNeg = testNeg.map((i) => rows[i]!.host);
  const baseline = (name: string, f: (h: string) => boolean): ReportRow => ({ name, recall: share(hostsPos.map(f)), fpr: share(hostsNeg.map(f)) });
  const listsAny = (h: string) => onMetaMask(h) || onScamSnifferBefore(h);
  const baselines: ReportRow[] = [
    baseline("MetaMask's list (npm snapshot, Dec 2024)", onMetaMask),
    baseline('ScamSniffer as of the cut-off (parent domain listed)', onScamSnifferBefore),
    baseline('both lists', listsAny),
    baseline('look-alike rules (homoglyph, typo)', strongLookalike),
    baseline('look-alike rules (all, incl. brand in name)', lookalike),
    { name: 'model at the shipped threshold OR lists', recall: share(testPos.map((i) => score[i]! >= threshold || listsAny(rows[i]!.host))), fpr: share(testNeg.map((i) => score[i]! >= threshold || listsAny(rows[i]!.host))) },
  ];

  // Per benign source and per month, at the shipped threshold.
  const perSource: Record<string, { n: number; fpr: number }> = {};
  for (const s of new Set(testNeg.map((i) => rows[i]!.source))) {
    const xs = testNeg.filter((i) => rows[i]!.source === s);
    perSource[s] = { n: xs.length, fpr: share(xs.map((i) => score[i]! >= threshold)) };
  }
  const perMonth: Record<string, { n: number; recall: number }> = {};
  for (const m of [...new Set(testPos.map((i) => rows[i]!.date!.slice(0, 7)))].sort()) {
    const xs = testPos.filter((i) => rows[i]!.date!.startsWith(m));
    perMonth[m] = { n: xs.length, recall: share(xs.map((i) => score[i]! >= threshold)) };
  }

  // Export and check the file in onnxruntime-web against the trainer's own scores.
  const meta = { version: VERSION, featureVersion: FEATURE_VERSION, featureCount: FEATURE_COUNT, input: 'features', output: 'probability', threshold, strictThreshold, cutoff: CUTOFF };
  const onnx = exportDomainOnnx(model, VERSION, { featureVersion: FEATURE_VERSION, threshold: String(threshold), cutoff: CUTOFF });
  writeFileSync(join(DIR, 'domain-model.onnx'), onnx);
  writeFileSync(join(DIR, 'domain-model.meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  const scorer = await createDomainScorer({ modelBytes: onnx, meta, wasmBinary: readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')) });
  const probe = [...testPos.slice(0, 200), ...testNeg.slice(0, 200)];
  const onnxScores = await scorer.scoreHosts(probe.map((i) => rows[i]!.host));
  const parity = Math.max(...probe.map((i, k) => Math.abs(onnxScores[k]! - score[i]!)));
  const parityFixture = probe.slice(0, 40).map((i, k) => ({ host: rows[i]!.host, score: onnxScores[k]! }));
  writeFileSync(join(DIR, 'parity-fixture.json'), `${JSON.stringify(parityFixture, null, 1)}\n`);
  const examples = await Promise.all(
    ['uniswap.claim-rewards.xyz', 'app-uniswap.org', 'claim-eigenlayer-airdrop.vercel.app', 'blur-rewards.pages.dev', 'opensea.io', 'app.aave.com', 'wikipedia.org', 'gmail.com'].map(async (h) => ({ host: h, ...(await scorer.score(h)) })),
  );
  await scorer.release();

  writeDomainReport(join(DIR, 'REPORT.md'), {
    version: VERSION,
    cutoff: CUTOFF,
    validationDays: VALIDATION_DAYS,
    seed: SEED,
    train: TRAIN,
    sourceWeight: SOURCE_WEIGHT,
    sources,
    droppedBenign: dropped,
    counts: {
      trainPos: of('train', 1).length, trainNeg: of('train', 0).length,
      validationPos: of('validation', 1).length, validationNeg: of('validation', 0).length,
      testPos: testPos.length, testNeg: testNeg.length,
    },
    testPeriod: `${CUTOFF} … ${rows.filter((r) => r.split === 'test' && r.date).map((r) => r.date!).sort().at(-1)}`,
    auc,
    at1,
    at01,
    threshold,
    strictThreshold,
    shipped,
    shippedStrict,
    baselines,
    perSource,
    perMonth,
    onnxBytes: onnx.byteLength,
    parity,
    seconds: (performance.now() - started) / 1000,
    trainSeconds: trainedMs / 1000,
    examples,
  });
  console.log(`AUC ${auc.toFixed(4)}; recall ${(at1.recall * 100).toFixed(1)} % at ≤1 % FPR, ${(at01.recall * 100).toFixed(1)} % at ≤0.1 %; shipped threshold ${threshold.toFixed(4)}: recall ${(shipped.recall * 100).toFixed(1)} %, FPR ${(shipped.fpr * 100).toFixed(2)} %`);
  for (const b of baselines) console.log(`  ${b.name}: recall ${(b.recall * 100).toFixed(1)} %, FPR ${(b.fpr * 100).toFixed(2)} %`);
  console.log(`ONNX ${onnx.byteLength} bytes; parity ${parity.toExponential(1)}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

void main();
