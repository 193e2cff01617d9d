// `npm run train`: builds the data set, trains, calibrates, evaluates, exports the ONNX model and its meta
// file, checks the ONNX file against the TypeScript predictor in onnxruntime-web, and writes REPORT.md.
// Deterministic for a given seed and installed packages; single-threaded.
//
//   npm run train                         built-in data (see model/README.md)
//   npm run train -- --data more.jsonl    built-in data plus your own JSON-lines file(s)
//   npm run train -- --only --data x.jsonl   only your data
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatures, FEATURE_COUNT, FEATURE_NAMES } from '../features.ts';
import { predictMargin, predictProbability, sigmoid, type TrainedModel } from '../predictor.ts';
import { buildDataset, buildProbe, DATA_DIR, DATASET_PATH } from './build-dataset.ts';
import { isContractRow, readJsonl, writeJsonl, type DataRow } from './dataset.ts';
import { exportOnnx, INPUT_NAME, OUTPUT_NAME } from './export-onnx.ts';
import { DEFAULT_GBDT, trainGbdt } from './gbdt.ts';
import { trainLinear } from './linear.ts';
import { distribution, familyOf, familyWeights } from './families.ts';
import { evaluate, fitPlatt, logLoss, rocAuc, thresholdForFpr, type Scores } from './metrics.ts';
import { writeReport, type ReportInput } from './report.ts';
import { createRng } from './rng.ts';
import { components, splitComponents } from './split.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const MODEL_DIR = resolve(HERE, '..');
export const SEED = 20260501;
/** Share of benign requests the model may flag: one in a hundred, on the calibration split. */
export const TARGET_FPR = 0.01;
/** A second, lower operating point for "take a second look" warnings: five in a hundred. */
export const WARN_FPR = 0.05;
const CV_FOLDS = 5;

function parseArgs(argv: string[]) {
  const data: string[] = [];
  let only = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data') data.push(argv[++i] ?? '');
    else if (argv[i] === '--only') only = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { data, only };
}

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Dedupe: contract rows by bytecode hash, call rows by the whole request. Conflicting labels drop the row. */
function dedupe(rows: DataRow[]): { rows: DataRow[]; duplicates: number; conflicts: number } {
  const byKey = new Map<string, DataRow[]>();
  for (const r of rows) {
    const key = isContractRow(r)
      ? sha(`${r.bytecode}|${r.implementationBytecode ?? ''}`)
      : sha(JSON.stringify([r.bytecode, r.implementationBytecode ?? '', r.calldata, r.value]));
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const out: DataRow[] = [];
  let duplicates = 0;
  let conflicts = 0;
  for (const list of byKey.values()) {
    const labels = new Set(list.map((r) => r.label));
    duplicates += list.length - 1;
    if (labels.size > 1) {
      conflicts += list.length;
      continue;
    }
    out.push(list[0]!);
  }
  return { rows: out, duplicates, conflicts };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

async function onnxParity(bytes: Uint8Array, X: readonly Float32Array[], expected: readonly number[]): Promise<number> {
  const require = createRequire(import.meta.url);
  const ort = await import('onnxruntime-web/wasm');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmBinary = readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
  const session = await ort.InferenceSession.create(bytes);
  const flat = new Float32Array(X.length * FEATURE_COUNT);
  X.forEach((x, i) => flat.set(x, i * FEATURE_COUNT));
  const out = await session.run({ [INPUT_NAME]: new ort.Tensor('float32', flat, [X.length, FEATURE_COUNT]) });
  const got = out[OUTPUT_NAME]!.data as Float32Array;
  let worst = 0;
  expected.forEach((p, i) => (worst = Math.max(worst, Math.abs(p - got[i]!))));
  await session.release();
  return worst;
}

type Model = TrainedModel & { name: string; gain?: Float64Array };

function fit(name: string, X: readonly Float32Array[], y: Uint8Array, weights: Float64Array, kind: 'gbdt' | 'linear' = 'gbdt'): Model {
  if (kind === 'linear') {
    const lin = trainLinear(X, y, weights, FEATURE_COUNT);
    return { name, kind: 'linear', featureCount: FEATURE_COUNT, weights: lin.weights, bias: lin.bias, platt: { a: 1, b: 0 } };
  }
  const gb = trainGbdt(X, y, weights, FEATURE_COUNT, DEFAULT_GBDT);
  return { name, kind: 'gbdt', featureCount: FEATURE_COUNT, base: gb.base, trees: gb.trees, platt: { a: 1, b: 0 }, gain: gb.gain };
}

/** Equal weight for each label, every row alike: the plain baseline the family weighting is compared with. */
function labelWeights(y: Uint8Array): Float64Array {
  let pos = 0;
  for (const v of y) pos += v;
  return Float64Array.from(y, (v) => y.length / (2 * Math.max(v ? pos : y.length - pos, 1)));
}

async function main() {
  const started = performance.now();
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(DATA_DIR, { recursive: true });
  let raw: DataRow[] = [];
  if (!args.only) {
    raw = buildDataset(SEED);
    writeJsonl(DATASET_PATH, raw);
  }
  for (const p of args.data) raw.push(...readJsonl(p));
  if (raw.length === 0) throw new Error('no data');
  const { rows, duplicates, conflicts } = dedupe(raw);
  console.log(`${raw.length} rows, ${duplicates} duplicates, ${conflicts} in label conflicts → ${rows.length}`);

  const X = rows.map((r) => extractFeatures({ bytecode: r.bytecode, implementationBytecode: r.implementationBytecode, calldata: r.calldata, value: r.value }));
  const y = Uint8Array.from(rows, (r) => r.label);
  const comp = components(rows);
  const split = splitComponents(rows, comp, createRng(SEED));
  const all = rows.map((_, i) => i);
  const idx = (s: string) => all.filter((i) => split[i] === s);
  const trainIdx = idx('train');
  const calIdx = idx('calibration');
  const testIdx = idx('test');
  const pickX = (ids: number[]) => ids.map((i) => X[i]!);
  const pickY = (ids: number[]) => Uint8Array.from(ids, (i) => y[i]!);
  const pickRows = (ids: number[]) => ids.map((i) => rows[i]!);
  console.log(`split: train ${trainIdx.length}, calibration ${calIdx.length}, test ${testIdx.length}; ${new Set(comp).size} groups`);

  // Platt scaling and thresholds come from the real rows of the calibration split: what the score's
  // probability and the one-in-a-hundred line mean is then said of real code, not of generated rows.
  const realCal = calIdx.filter((i) => !rows[i]!.synthetic);
  // The line holds for every kind of ordinary code at once, not for their mix: a threshold at 1 % of
  // all benign rows let a small family (modern compiled code) reach 5 % while a thousand DApps sat far
  // below. Hard negatives (look-alikes a detector flagged) are not ordinary code and do not set it.
  const calibrate = (m: TrainedModel, ids = realCal) => {
    m.platt = fitPlatt(ids.map((i) => predictMargin(m, X[i]!)), ids.map((i) => y[i]!));
    const probs = ids.map((i) => predictProbability(m, X[i]!));
    const labels = ids.map((i) => y[i]!);
    const line = (fpr: number) => {
      const ordinary = [...new Set(ids.filter((i) => !y[i] && rows[i]!.family !== 'hard-negative').map((i) => familyOf(rows[i]!)))];
      return Math.max(...ordinary.map((family) => thresholdForFpr(probs, labels.map((l, k) => (l || familyOf(rows[ids[k]!]!) !== family ? 1 : 0)), fpr)));
    };
    const threshold = line(TARGET_FPR);
    return { probs, labels, threshold, warnThreshold: Math.min(threshold, line(WARN_FPR)) };
  };

  const tTrain = performance.now();
  const familyGbdt = fit('gbdt, family-balanced weights', pickX(trainIdx), pickY(trainIdx), familyWeights(pickRows(trainIdx)));
  const gbdtSeconds = (performance.now() - tTrain) / 1000;
  const candidates = [
    familyGbdt,
    fit('gbdt, label-balanced weights', pickX(trainIdx), pickY(trainIdx), labelWeights(pickY(trainIdx))),
    fit('logistic regression, family-balanced weights', pickX(trainIdx), pickY(trainIdx), familyWeights(pickRows(trainIdx)), 'linear'),
  ];
  const selection = candidates.map((m) => {
    const c = calibrate(m);
    return { kind: m.name, auc: rocAuc(c.probs, c.labels) ?? 0, logLoss: logLoss(c.probs, c.labels) };
  });
  const bestIndex = selection.reduce((best, s, i) => (s.auc > selection[best]!.auc + 1e-9 ? i : best), 0);
  const { name: chosenName, gain: chosenGain, ...model } = candidates[bestIndex]!;
  const chosenWeights = chosenName.includes('label') ? (ids: number[]) => labelWeights(pickY(ids)) : (ids: number[]) => familyWeights(pickRows(ids));
  const fitLike = (ids: number[]) => fit(chosenName, pickX(ids), pickY(ids), chosenWeights(ids), model.kind);
  const { threshold, warnThreshold } = calibrate(model);
  console.log(selection.map((s) => `${s.kind}: AUC ${s.auc.toFixed(4)}`).join('; '), `→ ${chosenName}; threshold ${threshold.toFixed(3)}`);

  const score = new Map(all.map((i) => [i, predictProbability(model, X[i]!)]));
  const test = pickRows(testIdx).map((r, k) => ({ row: r, score: score.get(testIdx[k]!)! }));
  const table = (sel: typeof test, at: number): Scores => evaluate(sel.map((t) => t.score), sel.map((t) => t.row.label), at);
  const realTest = test.filter((t) => !t.row.synthetic);
  const summary = (at: number): ReportInput['summary'] => [
    { name: 'real code, contracts alone', scores: table(realTest.filter((t) => isContractRow(t.row)), at) },
    { name: 'real code, ordinary calls to it', scores: table(realTest.filter((t) => !isContractRow(t.row)), at) },
    { name: 'real code, all rows', scores: table(realTest, at) },
    { name: 'synthetic contracts (compiled here)', scores: table(test.filter((t) => t.row.synthetic && isContractRow(t.row)), at) },
    { name: 'synthetic requests (generated call data)', scores: table(test.filter((t) => t.row.synthetic && !isContractRow(t.row)), at) },
  ];
  const perFamily = (sel: typeof test, at: number) =>
    [...new Set(sel.map((t) => familyOf(t.row)))].sort().map((family) => {
      const of = sel.filter((t) => familyOf(t.row) === family);
      const rate = (list: typeof of) => ({ n: list.length, flagged: list.filter((t) => t.score >= at).length });
      return { family, label: of[0]!.row.label, contracts: rate(of.filter((t) => isContractRow(t.row))), calls: rate(of.filter((t) => !isContractRow(t.row))) };
    });

  // Ordinary calls to benign code the model never saw (held-out groups), compiled by others: the line
  // a user meets every day.
  const benignCalls = realTest.filter((t) => !t.row.label && !isContractRow(t.row));
  const byCompiler = [...new Set(benignCalls.filter((t) => t.row.compiler).map((t) => t.row.compiler!))].sort().map((compiler) => ({
    compiler,
    calls: distribution(benignCalls.filter((t) => t.row.compiler === compiler).map((t) => t.score), threshold, warnThreshold),
    contracts: distribution(realTest.filter((t) => !t.row.label && isContractRow(t.row) && t.row.compiler === compiler).map((t) => t.score), threshold, warnThreshold),
  }));
  const benignCallFamilies = [...new Set(benignCalls.map((t) => familyOf(t.row)))].sort().map((family) => ({
    family,
    calls: distribution(benignCalls.filter((t) => familyOf(t.row) === family).map((t) => t.score), threshold, warnThreshold),
  }));

  // The unseen probe: scored only, never trained on (see buildProbe).
  const probe = args.only ? [] : buildProbe().map((r) => ({ row: r, score: predictProbability(model, extractFeatures(r)) }));

  // Each real family held out entirely: trained without any of its rows, thresholds from the
  // calibration split without it, then every one of its rows scored.
  const tHeld = performance.now();
  const realFamilies = [...new Set(rows.filter((r) => !r.synthetic).map((r) => familyOf(r)))].sort();
  const heldOut = realFamilies.map((family) => {
    const inFamily = (i: number) => !rows[i]!.synthetic && familyOf(rows[i]!) === family;
    const m = fitLike(trainIdx.filter((i) => !inFamily(i)));
    const { threshold: at } = calibrate(m, realCal.filter((i) => !inFamily(i)));
    const members = all.filter(inFamily);
    const rate = (ids: number[]) => ({ n: ids.length, flagged: ids.filter((i) => predictProbability(m, X[i]!) >= at).length });
    return { family, label: rows[members[0]!]!.label, threshold: at, contracts: rate(members.filter((i) => isContractRow(rows[i]!))), calls: rate(members.filter((i) => !isContractRow(rows[i]!))) };
  });
  const heldSeconds = (performance.now() - tHeld) / 1000;

  // Grouped k-fold over the same components: out-of-fold scores for every real row.
  const tCv = performance.now();
  const compIds = [...new Set(comp)].sort((a, b) => a - b);
  const foldOf = new Map<number, number>();
  createRng(SEED + 1).shuffle(compIds).forEach((c, k) => foldOf.set(c, k % CV_FOLDS));
  const oof = new Float64Array(rows.length);
  for (let k = 0; k < CV_FOLDS; k++) {
    const m = fitLike(all.filter((i) => foldOf.get(comp[i]!) !== k));
    for (const i of all.filter((i) => foldOf.get(comp[i]!) === k)) oof[i] = sigmoid(predictMargin(m, X[i]!));
  }
  const realIds = all.filter((i) => !rows[i]!.synthetic);
  const cvThreshold = thresholdForFpr(realIds.map((i) => oof[i]!), realIds.map((i) => y[i]!), TARGET_FPR);
  const cv = perFamily(realIds.map((i) => ({ row: rows[i]!, score: oof[i]! })), cvThreshold);
  const cvReal = evaluate(realIds.map((i) => oof[i]!), realIds.map((i) => y[i]!), cvThreshold);
  const cvSeconds = (performance.now() - tCv) / 1000;

  // Export, then check the exported file in onnxruntime-web against the TypeScript predictor.
  const version = sha(JSON.stringify(model)).slice(0, 12);
  const trainRows = pickX(trainIdx);
  const baseline = FEATURE_NAMES.map((_, f) => Math.fround(median(trainRows.map((x) => x[f]!))));
  const meta = {
    version,
    kind: model.kind,
    input: INPUT_NAME,
    output: OUTPUT_NAME,
    featureNames: FEATURE_NAMES,
    threshold,
    thresholdRule: `lowest score at which at most ${TARGET_FPR * 100} % of each ordinary benign family's real rows of the calibration split are flagged`,
    warnThreshold,
    warnThresholdRule: `the same at ${WARN_FPR * 100} %`,
    calibration: { method: 'platt', a: model.platt.a, b: model.platt.b, fittedOn: 'real rows of the calibration split' },
    baseline,
    seed: SEED,
    trees: model.kind === 'gbdt' ? model.trees.length : 0,
  };
  const onnx = exportOnnx(model, { version, threshold: String(threshold), feature_count: String(FEATURE_COUNT) }, version);
  const parityIds = testIdx.filter((_, k) => k % Math.max(1, Math.floor(testIdx.length / 40)) === 0).slice(0, 40);
  const parityMaxDiff = await onnxParity(onnx, pickX(testIdx), testIdx.map((i) => score.get(i)!));
  if (parityMaxDiff > 1e-5) throw new Error(`ONNX and TypeScript predictor disagree by ${parityMaxDiff}`);

  writeFileSync(join(MODEL_DIR, 'contract-model.onnx'), onnx);
  writeFileSync(join(MODEL_DIR, 'contract-model.meta.json'), JSON.stringify(meta, null, 1) + '\n');
  writeFileSync(
    join(MODEL_DIR, 'parity-fixture.json'),
    JSON.stringify({ version, note: 'Feature vectors of held-out rows and the training-side probabilities (model/predictor.ts).', vectors: parityIds.map((i) => Array.from(X[i]!)), probabilities: parityIds.map((i) => score.get(i)!) }) + '\n',
  );
  // For error analysis and for scoring another model on the same rows (git-ignored).
  writeJsonl(join(DATA_DIR, 'test-rows.jsonl'), pickRows(testIdx));
  writeFileSync(join(DATA_DIR, 'test-predictions.jsonl'), test.map((t) => JSON.stringify({ source: t.row.source, family: familyOf(t.row), label: t.row.label, score: t.score, calldata: t.row.calldata.slice(0, 10), value: t.row.value })).join('\n') + '\n');

  const gain = chosenGain ?? candidates[0]!.gain!;
  writeReport(join(MODEL_DIR, 'REPORT.md'), {
    rows,
    split,
    rawCount: raw.length,
    duplicates,
    conflicts,
    groups: new Set(comp).size,
    selection,
    chosen: chosenName,
    threshold,
    targetFpr: TARGET_FPR,
    warnThreshold,
    warnFpr: WARN_FPR,
    platt: model.platt,
    summary: summary(threshold),
    warnSummary: summary(warnThreshold),
    families: perFamily(test, threshold),
    benignCallFamilies,
    byCompiler,
    topBenign: realTest
      .filter((t) => !t.row.label && isContractRow(t.row))
      .sort((a, b) => b.score - a.score)
      .slice(0, 8)
      .map((t) => ({ source: t.row.source, family: familyOf(t.row), score: t.score })),
    probe: probe.length ? perFamily(probe, threshold).map((f) => ({ ...f, family: f.family.replace('synthetic ', 'probe ') })) : [],
    heldOut,
    cv,
    cvReal,
    cvThreshold,
    topFeatures: [...gain].map((g, f) => ({ feature: FEATURE_NAMES[f]!, gain: g })).sort((a, b) => b.gain - a.gain).slice(0, 15),
    modelBytes: onnx.length,
    parityMaxDiff,
    gbdtParams: DEFAULT_GBDT,
    trees: model.kind === 'gbdt' ? model.trees.length : 0,
    timings: { gbdtSeconds, cvSeconds, heldSeconds, totalSeconds: (performance.now() - started) / 1000 },
    version,
  });
  console.log(`model ${version}: ${onnx.length} bytes, threshold ${threshold.toFixed(3)} (warn ${warnThreshold.toFixed(3)}), ONNX parity ${parityMaxDiff.toExponential(2)}`);
  for (const t of summary(threshold)) console.log(`  ${t.name}: n=${t.scores.n} P=${t.scores.precision?.toFixed(3)} R=${t.scores.recall?.toFixed(3)} AUC=${t.scores.auc?.toFixed(3)} FPR=${t.scores.fpr?.toFixed(3)}`);
  for (const f of heldOut) console.log(`  held out ${f.family}: contracts ${f.contracts.flagged}/${f.contracts.n}, calls ${f.calls.flagged}/${f.calls.n}`);
  for (const f of benignCallFamilies) console.log(`  benign calls ${f.family}: n=${f.calls.n} median ${f.calls.median.toFixed(3)} p90 ${f.calls.p90.toFixed(3)} max ${f.calls.max.toFixed(3)} flagged ${(f.calls.flagged * 100).toFixed(1)} %`);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
