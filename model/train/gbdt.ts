// Gradient-boosted regression trees with logistic loss, histogram splits, seeded row and column sampling.
// Thresholds are float32 so that the ONNX TreeEnsembleRegressor (float thresholds, x <= t goes left)
// makes exactly the same decisions as training did.
import type { Tree } from '../predictor.ts';
import { createRng } from './rng.ts';

export interface GbdtParams {
  trees: number;
  maxDepth: number;
  learningRate: number;
  lambda: number;
  minChildHessian: number;
  maxBins: number;
  subsample: number;
  colsample: number;
  seed: number;
}

export const DEFAULT_GBDT: GbdtParams = {
  trees: 200,
  maxDepth: 4,
  learningRate: 0.08,
  lambda: 1,
  minChildHessian: 0.5,
  maxBins: 32,
  subsample: 0.8,
  colsample: 0.5,
  seed: 7,
};

interface Binned {
  /** Column-major bin indices: bins[f * n + i]. */
  bins: Uint8Array;
  /** Per feature, the float32 thresholds between bins (bin b holds thresholds[b-1] < x <= thresholds[b]). */
  thresholds: Float32Array[];
}

function binFeatures(X: readonly Float32Array[], featureCount: number, maxBins: number): Binned {
  const n = X.length;
  const bins = new Uint8Array(featureCount * n);
  const thresholds: Float32Array[] = [];
  const column = new Float32Array(n);
  for (let f = 0; f < featureCount; f++) {
    for (let i = 0; i < n; i++) column[i] = X[i]![f]!;
    const sorted = Float32Array.from(column).sort();
    const distinct: number[] = [];
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
    let cuts: number[];
    if (distinct.length <= maxBins) {
      cuts = distinct.slice(0, -1).map((v, k) => Math.fround((v + distinct[k + 1]!) / 2));
    } else {
      const set = new Set<number>();
      for (let q = 1; q < maxBins; q++) {
        const v = sorted[Math.floor((q * n) / maxBins)]!;
        const k = distinct.indexOf(v);
        if (k >= 0 && k < distinct.length - 1) set.add(Math.fround((v + distinct[k + 1]!) / 2));
      }
      cuts = [...set].sort((a, b) => a - b);
    }
    const t = Float32Array.from(cuts);
    thresholds.push(t);
    for (let i = 0; i < n; i++) {
      const x = column[i]!;
      let lo = 0;
      let hi = t.length; // first threshold with x <= t
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x <= t[mid]!) hi = mid;
        else lo = mid + 1;
      }
      bins[f * n + i] = lo;
    }
  }
  return { bins, thresholds };
}

export interface GbdtModel {
  base: number;
  trees: Tree[];
  /** Total split gain per feature, for the report. */
  gain: Float64Array;
}

export function trainGbdt(X: readonly Float32Array[], y: Uint8Array, weight: Float64Array, featureCount: number, params: GbdtParams = DEFAULT_GBDT): GbdtModel {
  const n = X.length;
  const rng = createRng(params.seed);
  const { bins, thresholds } = binFeatures(X, featureCount, params.maxBins);
  let wPos = 0;
  let wAll = 0;
  for (let i = 0; i < n; i++) {
    wAll += weight[i]!;
    if (y[i]) wPos += weight[i]!;
  }
  const p0 = Math.min(Math.max(wPos / wAll, 1e-6), 1 - 1e-6);
  const base = Math.fround(Math.log(p0 / (1 - p0)));
  const margin = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const gain = new Float64Array(featureCount);
  const trees: Tree[] = [];
  const maxBins = params.maxBins + 1;
  const histG = new Float64Array(featureCount * maxBins);
  const histH = new Float64Array(featureCount * maxBins);

  for (let t = 0; t < params.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      grad[i] = (p - y[i]!) * weight[i]!;
      hess[i] = Math.max(p * (1 - p), 1e-6) * weight[i]!;
    }
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (rng.chance(params.subsample)) rows.push(i);
    const cols: number[] = [];
    for (let f = 0; f < featureCount; f++) if (thresholds[f]!.length > 0 && rng.chance(params.colsample)) cols.push(f);

    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const grow = (members: number[], depth: number): number => {
      const id = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(0);
      tree.right.push(0);
      tree.value.push(0);
      let G = 0;
      let H = 0;
      for (const i of members) {
        G += grad[i]!;
        H += hess[i]!;
      }
      const leafValue = () => Math.fround((-G / (H + params.lambda)) * params.learningRate);
      if (depth >= params.maxDepth || H < 2 * params.minChildHessian) {
        tree.value[id] = leafValue();
        return id;
      }
      const parentScore = (G * G) / (H + params.lambda);
      let best = { gain: 1e-9, feature: -1, bin: -1 };
      for (const f of cols) {
        const nb = thresholds[f]!.length + 1;
        const off = f * maxBins;
        histG.fill(0, off, off + nb);
        histH.fill(0, off, off + nb);
        const col = f * n;
        for (const i of members) {
          const b = bins[col + i]!;
          histG[off + b]! += grad[i]!;
          histH[off + b]! += hess[i]!;
        }
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += histG[off + b]!;
          hl += histH[off + b]!;
          const hr = H - hl;
          if (hl < params.minChildHessian || hr < params.minChildHessian) continue;
          const gr = G - gl;
          const g = (gl * gl) / (hl + params.lambda) + (gr * gr) / (hr + params.lambda) - parentScore;
          if (g > best.gain) best = { gain: g, feature: f, bin: b };
        }
      }
      if (best.feature < 0) {
        tree.value[id] = leafValue();
        return id;
      }
      gain[best.feature]! += best.gain;
      const col = best.feature * n;
      const leftRows: number[] = [];
      const rightRows: number[] = [];
      for (const i of members) (bins[col + i]! <= best.bin ? leftRows : rightRows).push(i);
      tree.feature[id] = best.feature;
      tree.threshold[id] = thresholds[best.feature]![best.bin]!;
      const l = grow(leftRows, depth + 1);
      const r = grow(rightRows, depth + 1);
      tree.left[id] = l;
      tree.right[id] = r;
      return id;
    };
    grow(rows, 0);
    trees.push(tree);
    // Update every row (not only the sampled ones) with the new tree, through raw feature comparisons.
    for (let i = 0; i < n; i++) {
      let node = 0;
      const x = X[i]!;
      while (tree.feature[node]! >= 0) node = x[tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
      margin[i]! += tree.value[node]!;
    }
  }
  return { base, trees, gain };
}
