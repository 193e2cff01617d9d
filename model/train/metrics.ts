// Evaluation: ROC-AUC (rank statistic, ties counted half), confusion matrix and the figures derived from it,
// Platt scaling, and the threshold that keeps the false-positive rate under a target.
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface Scores {
  n: number;
  positives: number;
  negatives: number;
  auc: number | null;
  confusion: Confusion;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  fpr: number | null;
}

export function rocAuc(scores: readonly number[], labels: readonly number[]): number | null {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (labels[idx[k]!]) rankSum += avgRank;
    i = j;
  }
  for (const l of labels) {
    if (l) pos++;
    else neg++;
  }
  if (!pos || !neg) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function evaluate(scores: readonly number[], labels: readonly number[], threshold: number): Scores {
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  scores.forEach((s, i) => {
    const predicted = s >= threshold;
    if (labels[i]) c[predicted ? 'tp' : 'fn']++;
    else c[predicted ? 'fp' : 'tn']++;
  });
  const div = (a: number, b: number) => (b === 0 ? null : a / b);
  const precision = div(c.tp, c.tp + c.fp);
  const recall = div(c.tp, c.tp + c.fn);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return {
    n: scores.length,
    positives: c.tp + c.fn,
    negatives: c.tn + c.fp,
    auc: rocAuc(scores, labels),
    confusion: c,
    precision,
    recall,
    f1,
    fpr: div(c.fp, c.fp + c.tn),
  };
}

/** Platt scaling: fits p = sigmoid(a·m + b) by Newton's method, with Platt's smoothed targets. */
export function fitPlatt(margins: readonly number[], labels: readonly number[]): { a: number; b: number } {
  let pos = 0;
  for (const l of labels) if (l) pos++;
  const neg = labels.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    margins.forEach((m, i) => {
      const t = labels[i] ? hi : lo;
      const p = 1 / (1 + Math.exp(-(a * m + b)));
      const d = p - t;
      const w = Math.max(p * (1 - p), 1e-12);
      ga += d * m;
      gb += d;
      haa += w * m * m;
      hab += w * m;
      hbb += w;
    });
    haa += 1e-9;
    hbb += 1e-9;
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-18) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { a: Math.fround(a), b: Math.fround(b) };
}

/** Lowest threshold at which the false-positive rate on the given negatives stays at or under `maxFpr`. */
export function thresholdForFpr(scores: readonly number[], labels: readonly number[], maxFpr: number): number {
  const negatives = scores.filter((_, i) => !labels[i]).sort((a, b) => b - a);
  const allowed = Math.floor(negatives.length * maxFpr);
  // Scores at or above the threshold are flagged: put it just above the (allowed+1)-th highest negative.
  const edge = negatives[allowed];
  if (edge === undefined) return 0.5;
  return Math.min(0.99, Math.max(0.05, Math.fround(edge + 1e-6)));
}

export function logLoss(probabilities: readonly number[], labels: readonly number[]): number {
  let s = 0;
  probabilities.forEach((p, i) => {
    const q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
    s -= labels[i] ? Math.log(q) : Math.log(1 - q);
  });
  return s / Math.max(1, probabilities.length);
}
