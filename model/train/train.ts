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
      : sha(JSON.stringify([r.bytecode, r.implementationBytecode ?? '', r.calldata, r.value, r.context ?? {}]));
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

function classWeights(y: Uint8Array): Float64Array {
  let pos = 0;
  for (const v of y) pos += v;
  const neg = y.length - pos;
  return Float64Array.from(y, (v) => (v ? y.length / (2 * Math.max(pos, 1)) : y.length / (2 * Math.max(neg, 1))));
}

/**
 * Every stratum (real or synthetic × label × contract or request) weighs the same in total, so the 34 real
 * attacker contracts are not drowned by two thousand generated requests.
 */
function strataWeights(list: readonly DataRow[]): Float64Array {
  const key = (r: DataRow) => `${r.synthetic}-${r.label}-${isContractRow(r)}`;
  const counts = new Map<string, number>();
  for (const r of list) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return Float64Array.from(list, (r) => list.length / (counts.size * counts.get(key(r))!));
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

  const X = rows.map((r) =>
    extractFeatures({ bytecode: r.bytecode, implementationBytecode: r.implementationBytecode, calldata: r.calldata, value: r.value, context: r.context }),
  );
  const y = Uint8Array.from(rows, (r) => r.label);
  const comp = components(rows);
  const split = splitComponents(rows, comp, createRng(SEED));
  const idx = (s: string) => rows.map((_, i) => i).filter((i) => split[i] === s);
  const trainIdx = idx('train');
  const calIdx = idx('calibration');
  const testIdx = idx('test');
  const pickX = (ids: number[]) => ids.map((i) => X[i]!);
  const pickY = (ids: number[]) => Uint8Array.from(ids, (i) => y[i]!);
  console.log(`split: train ${trainIdx.length}, calibration ${calIdx.length}, test ${testIdx.length}; ${new Set(comp).size} groups`);

  // Candidates, both trained on the train split and compared on the calibration split.
  const tTrain = performance.now();
  const gb = trainGbdt(pickX(trainIdx), pickY(trainIdx), classWeights(pickY(trainIdx)), FEATURE_COUNT, DEFAULT_GBDT);
  const gbdtSeconds = (performance.now() - tTrain) / 1000;
  const gbStrata = trainGbdt(pickX(trainIdx), pickY(trainIdx), strataWeights(trainIdx.map((i) => rows[i]!)), FEATURE_COUNT, DEFAULT_GBDT);
  const lin = trainLinear(pickX(trainIdx), pickY(trainIdx), classWeights(pickY(trainIdx)), FEATURE_COUNT);
  const candidates: (TrainedModel & { name: string; gain?: Float64Array })[] = [
    { name: 'gbdt, class-balanced weights', kind: 'gbdt', featureCount: FEATURE_COUNT, base: gb.base, trees: gb.trees, platt: { a: 1, b: 0 }, gain: gb.gain },
    { name: 'gbdt, stratum-balanced weights', kind: 'gbdt', featureCount: FEATURE_COUNT, base: gbStrata.base, trees: gbStrata.trees, platt: { a: 1, b: 0 }, gain: gbStrata.gain },
    { name: 'logistic regression', kind: 'linear', featureCount: FEATURE_COUNT, weights: lin.weights, bias: lin.bias, platt: { a: 1, b: 0 } },
  ];
  const calY = [...pickY(calIdx)];
  const selection = candidates.map((m) => {
    const margins = calIdx.map((i) => predictMargin(m, X[i]!));
    m.platt = fitPlatt(margins, calY);
    const probs = margins.map((v) => sigmoid(m.platt.a * v + m.platt.b));
    return { kind: m.name, auc: rocAuc(probs, calY) ?? 0, logLoss: logLoss(probs, calY) };
  });
  // Highest calibration AUC wins; on a tie, the earlier (simpler) candidate.
  const bestIndex = selection.reduce((best, s, i) => (s.auc > selection[best]!.auc + 1e-9 ? i : best), 0);
  const { name: chosenName, gain: chosenGain, ...model } = candidates[bestIndex]!;
  console.log(selection.map((s) => `${s.kind}: AUC ${s.auc.toFixed(4)}, log loss ${s.logLoss.toFixed(4)}`).join('; '), `→ ${model.kind}`);

  const calProbs = calIdx.map((i) => predictProbability(model, X[i]!));
  const threshold = thresholdForFpr(calProbs, calY, TARGET_FPR);
  const warnThreshold = Math.min(threshold, thresholdForFpr(calProbs, calY, WARN_FPR));

  const testProbs = new Map(testIdx.map((i) => [i, predictProbability(model, X[i]!)]));
  const subset = (filter: (r: DataRow) => boolean, at = threshold): Scores => {
    const ids = testIdx.filter((i) => filter(rows[i]!));
    return evaluate(ids.map((i) => testProbs.get(i)!), ids.map((i) => y[i]!), at);
  };
  const isContract = isContractRow;
  const testTable: ReportInput['testTable'] = [
    { name: 'all held-out rows', scores: subset(() => true) },
    { name: 'real only (npm artifacts vs BlockWatchdog exploit contracts)', scores: subset((r) => !r.synthetic) },
    { name: 'synthetic only', scores: subset((r) => r.synthetic) },
    { name: 'synthetic contracts (compiled here)', scores: subset((r) => r.synthetic && isContract(r)) },
    { name: 'synthetic requests (generated call data)', scores: subset((r) => r.synthetic && !isContract(r)) },
  ];
  const warnTable: ReportInput['testTable'] = [
    { name: 'all held-out rows', scores: subset(() => true, warnThreshold) },
    { name: 'real only', scores: subset((r) => !r.synthetic, warnThreshold) },
    { name: 'synthetic only', scores: subset((r) => r.synthetic, warnThreshold) },
  ];
  // The unseen probe: scored only, never trained on (see buildProbe).
  if (!args.only) {
    const probe = buildProbe();
    const probeScores = (filter: (r: DataRow) => boolean, at: number) => {
      const sel = probe.filter(filter);
      return evaluate(
        sel.map((r) => predictProbability(model, extractFeatures({ bytecode: r.bytecode, calldata: r.calldata, value: r.value, context: r.context }))),
        sel.map((r) => r.label),
        at,
      );
    };
    testTable.push(
      { name: 'probe, unseen contracts (synthetic)', scores: probeScores(isContract, threshold) },
      { name: 'probe, unseen requests (synthetic)', scores: probeScores((r) => !isContract(r), threshold) },
    );
    warnTable.push(
      { name: 'probe, unseen contracts (synthetic)', scores: probeScores(isContract, warnThreshold) },
      { name: 'probe, unseen requests (synthetic)', scores: probeScores((r) => !isContract(r), warnThreshold) },
    );
  }

  // Grouped k-fold over the same components, for steadier figures on the small real subset.
  const tCv = performance.now();
  const compIds = [...new Set(comp)].sort((a, b) => a - b);
  const foldRng = createRng(SEED + 1);
  const foldOf = new Map<number, number>();
  foldRng.shuffle(compIds).forEach((c, k) => foldOf.set(c, k % CV_FOLDS));
  const oof = new Float64Array(rows.length);
  for (let k = 0; k < CV_FOLDS; k++) {
    const tr = rows.map((_, i) => i).filter((i) => foldOf.get(comp[i]!) !== k);
    const te = rows.map((_, i) => i).filter((i) => foldOf.get(comp[i]!) === k);
    const weights = chosenName.includes('stratum') ? strataWeights(tr.map((i) => rows[i]!)) : classWeights(pickY(tr));
    const m = trainGbdt(pickX(tr), pickY(tr), weights, FEATURE_COUNT, DEFAULT_GBDT);
    const fm: TrainedModel = { kind: 'gbdt', featureCount: FEATURE_COUNT, base: m.base, trees: m.trees, platt: { a: 1, b: 0 } };
    for (const i of te) oof[i] = predictMargin(fm, X[i]!);
  }
  const realIds = rows.map((_, i) => i).filter((i) => !rows[i]!.synthetic);
  const realScores = realIds.map((i) => oof[i]!);
  const realLabels = realIds.map((i) => y[i]!);
  const cvThreshold = thresholdForFpr(realScores.map((m) => sigmoid(m)), realLabels, TARGET_FPR);
  const cvReal = evaluate(realScores.map((m) => sigmoid(m)), realLabels, cvThreshold);
  const allOof = evaluate([...oof].map((m) => sigmoid(m)), [...y], thresholdForFpr([...oof].map((m) => sigmoid(m)), [...y], TARGET_FPR));
  const missedIncidents = realIds.filter((i) => y[i] && sigmoid(oof[i]!) < cvThreshold).map((i) => rows[i]!.source);
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
    thresholdRule: `lowest score whose false-positive rate on the calibration split is at most ${TARGET_FPR * 100} %`,
    warnThreshold,
    warnThresholdRule: `the same at ${WARN_FPR * 100} %`,
    calibration: { method: 'platt', a: model.platt.a, b: model.platt.b, fittedOn: 'calibration split' },
    baseline,
    seed: SEED,
    trees: model.kind === 'gbdt' ? model.trees.length : 0,
  };
  const onnx = exportOnnx(model, { version, threshold: String(threshold), feature_count: String(FEATURE_COUNT) }, version);
  const parityIds = testIdx.slice(0, 40);
  const parityExpected = parityIds.map((i) => predictProbability(model, X[i]!));
  const parityMaxDiff = await onnxParity(onnx, pickX(testIdx), testIdx.map((i) => testProbs.get(i)!));
  if (parityMaxDiff > 1e-5) throw new Error(`ONNX and TypeScript predictor disagree by ${parityMaxDiff}`);

  writeFileSync(join(MODEL_DIR, 'contract-model.onnx'), onnx);
  writeFileSync(join(MODEL_DIR, 'contract-model.meta.json'), JSON.stringify(meta, null, 1) + '\n');
  writeFileSync(
    join(MODEL_DIR, 'parity-fixture.json'),
    JSON.stringify({ version, note: 'Feature vectors of held-out rows and the training-side probabilities (model/predictor.ts).', vectors: parityIds.map((i) => Array.from(X[i]!)), probabilities: parityExpected }) + '\n',
  );

  // For error analysis (git-ignored): every held-out row with its score.
  writeFileSync(
    join(DATA_DIR, 'test-predictions.jsonl'),
    testIdx.map((i) => JSON.stringify({ source: rows[i]!.source, label: y[i], score: testProbs.get(i), context: rows[i]!.context, calldata: rows[i]!.calldata.slice(0, 10), value: rows[i]!.value })).join('\n') + '\n',
  );
  const gainOrder = [...(chosenGain ?? gb.gain)].map((g, f) => ({ feature: FEATURE_NAMES[f]!, gain: g })).sort((a, b) => b.gain - a.gain).slice(0, 15);
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
    warnTable,
    platt: model.platt,
    testTable,
    cvReal,
    cvAll: allOof,
    cvThreshold,
    missedIncidents,
    topFeatures: gainOrder,
    modelBytes: onnx.length,
    parityMaxDiff,
    gbdtParams: DEFAULT_GBDT,
    trees: model.kind === 'gbdt' ? model.trees.length : 0,
    timings: { gbdtSeconds, cvSeconds, totalSeconds: (performance.now() - started) / 1000 },
    version,
  });
  console.log(`model ${version}: ${onnx.length} bytes, threshold ${threshold.toFixed(3)} (warn ${warnThreshold.toFixed(3)}), ONNX parity ${parityMaxDiff.toExponential(2)}`);
  for (const t of testTable) {
    const s = t.scores;
    console.log(`  ${t.name}: n=${s.n} P=${s.precision?.toFixed(3)} R=${s.recall?.toFixed(3)} F1=${s.f1?.toFixed(3)} AUC=${s.auc?.toFixed(3)} FPR=${s.fpr?.toFixed(3)}`);
  }
  console.log(`  CV real: AUC=${cvReal.auc?.toFixed(3)} R=${cvReal.recall?.toFixed(3)} FPR=${cvReal.fpr?.toFixed(3)}`);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
