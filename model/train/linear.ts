// L2-regularised logistic regression (Adam on the full batch), the simple baseline the trees must beat.
// Standardisation is folded into the weights so the exported graph is one MatMul and one Add.
export interface LinearModel {
  weights: number[];
  bias: number;
}

export function trainLinear(X: readonly Float32Array[], y: Uint8Array, weight: Float64Array, featureCount: number, l2 = 1e-2, iterations = 600): LinearModel {
  const n = X.length;
  const mean = new Float64Array(featureCount);
  const std = new Float64Array(featureCount);
  for (const x of X) for (let f = 0; f < featureCount; f++) mean[f]! += x[f]! / n;
  for (const x of X) for (let f = 0; f < featureCount; f++) std[f]! += (x[f]! - mean[f]!) ** 2 / n;
  for (let f = 0; f < featureCount; f++) std[f] = Math.sqrt(std[f]!);
  const z = (x: Float32Array, f: number) => (std[f]! > 1e-12 ? (x[f]! - mean[f]!) / std[f]! : 0);
  const w = new Float64Array(featureCount);
  let b = 0;
  const m = new Float64Array(featureCount + 1);
  const v = new Float64Array(featureCount + 1);
  const g = new Float64Array(featureCount + 1);
  const lr = 0.05;
  let wSum = 0;
  for (let i = 0; i < n; i++) wSum += weight[i]!;
  for (let it = 1; it <= iterations; it++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const x = X[i]!;
      let s = b;
      for (let f = 0; f < featureCount; f++) s += w[f]! * z(x, f);
      const p = 1 / (1 + Math.exp(-s));
      const e = ((p - y[i]!) * weight[i]!) / wSum;
      for (let f = 0; f < featureCount; f++) g[f]! += e * z(x, f);
      g[featureCount]! += e;
    }
    for (let f = 0; f < featureCount; f++) g[f]! += l2 * w[f]!;
    for (let k = 0; k <= featureCount; k++) {
      m[k] = 0.9 * m[k]! + 0.1 * g[k]!;
      v[k] = 0.999 * v[k]! + 0.001 * g[k]! ** 2;
      const step = (lr * (m[k]! / (1 - 0.9 ** it))) / (Math.sqrt(v[k]! / (1 - 0.999 ** it)) + 1e-8);
      if (k < featureCount) w[k]! -= step;
      else b -= step;
    }
  }
  const weights: number[] = [];
  let bias = b;
  for (let f = 0; f < featureCount; f++) {
    const wf = std[f]! > 1e-12 ? w[f]! / std[f]! : 0;
    weights.push(Math.fround(wf));
    bias -= wf * mean[f]!;
  }
  return { weights, bias: Math.fround(bias) };
}
