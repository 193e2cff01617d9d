/** Percentile of an unsorted sample (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
}

export function summary(values: number[]): Summary {
  return { n: values.length, median: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}
