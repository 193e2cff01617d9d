// Logistic regression on sparse rows (hashed n-grams leave ~80 of 20,500 features non-zero per domain):
// AdaGrad SGD over seeded shuffles, L2 applied to the touched weights only. Weights are rounded to
// float32, which is what the ONNX file stores, so the trainer's scores equal onnxruntime's.
import { createRng } from '../train/rng';

export interface SparseRow {
  indices: Int32Array;
  values: Float32Array;
}

export interface LogisticModel {
  weights: Float32Array;
  bias: number;
}

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export function trainLogistic(rows: readonly SparseRow[], labels: Uint8Array, weights: Float64Array, featureCount: number, opts: LogisticOptions): LogisticModel {
  const w = new Float64Array(featureCount);
  const g2 = new Float64Array(featureCount).fill(1e-8);
  let b = 0;
  let gb2 = 1e-8;
  const rng = createRng(opts.seed);
  const order = Array.from({ length: rows.length }, (_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    rng.shuffle(order);
    for (const r of order) {
      const { indices, values } = rows[r]!;
      let z = b;
      for (let k = 0; k < indices.length; k++) z += w[indices[k]!]! * values[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - labels[r]!) * weights[r]!;
      for (let k = 0; k < indices.length; k++) {
        const i = indices[k]!;
        const g = err * values[k]! + opts.l2 * w[i]!;
        g2[i]! += g * g;
        w[i]! -= (opts.learningRate * g) / Math.sqrt(g2[i]!);
      }
      gb2 += err * err;
      b -= (opts.learningRate * err) / Math.sqrt(gb2);
    }
  }
  return { weights: Float32Array.from(w), bias: Math.fround(b) };
}

export function margin(model: LogisticModel, row: SparseRow): number {
  let z = model.bias;
  for (let k = 0; k < row.indices.length; k++) z += model.weights[row.indices[k]!]! * row.values[k]!;
  return z;
}
