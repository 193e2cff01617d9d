// The trained model as plain data, and the TypeScript predictor used on the training side. The ONNX file
// is written from the same data (model/train/export-onnx.ts); the parity test holds the two together.

/** One regression tree in flat arrays. A node is a leaf when feature[i] < 0. Go left when x <= threshold. */
export interface Tree {
  feature: number[];
  /** float32 values, so comparisons match onnxruntime's float thresholds exactly. */
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export interface Platt {
  a: number;
  b: number;
}

export type TrainedModel =
  | { kind: 'gbdt'; featureCount: number; base: number; trees: Tree[]; platt: Platt }
  | { kind: 'linear'; featureCount: number; weights: number[]; bias: number; platt: Platt };

export function predictMargin(model: TrainedModel, x: Float32Array): number {
  if (model.kind === 'linear') {
    let m = model.bias;
    for (let i = 0; i < model.weights.length; i++) m += model.weights[i]! * x[i]!;
    return m;
  }
  let m = model.base;
  for (const t of model.trees) {
    let n = 0;
    while (t.feature[n]! >= 0) n = x[t.feature[n]!]! <= t.threshold[n]! ? t.left[n]! : t.right[n]!;
    m += t.value[n]!;
  }
  return m;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predictProbability(model: TrainedModel, x: Float32Array): number {
  return sigmoid(model.platt.a * predictMargin(model, x) + model.platt.b);
}
