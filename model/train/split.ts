// Grouping and splitting. Rows are linked when their effective code is of one family (metadata tail cut,
// PUSH20/PUSH32 operands zeroed) or when they share an explicit group (builds of one synthetic source);
// each connected component goes to one side only, so near-copies never straddle train and test.
import { createHash } from 'node:crypto';
import { familyNormalizedCode, hexToBytes } from '../../analysis/ethereum/evm.ts';
import { isContractRow, type DataRow } from './dataset.ts';
import type { Rng } from './rng.ts';

export function familyKey(row: DataRow): string | null {
  const code = hexToBytes(row.implementationBytecode && row.implementationBytecode !== '0x' ? row.implementationBytecode : row.bytecode);
  if (code.length === 0) return null;
  return createHash('sha256').update(familyNormalizedCode(code)).digest('hex');
}

export function components(rows: readonly DataRow[]): number[] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  rows.forEach((row, i) => {
    const keys = [familyKey(row), row.group ? `group:${row.group}` : null].filter((k): k is string => k !== null);
    if (keys.length === 0) keys.push(`row:${i}`);
    for (const k of keys) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else parent[find(i)] = find(o);
    }
  });
  return rows.map((_, i) => find(i));
}

export type Split = 'train' | 'calibration' | 'test';

/**
 * Assigns whole components to train / calibration / test, stratified by the kind of rows they hold
 * (real or synthetic, label, family), so that every family is represented on each side. Within a
 * stratum, components with a date are split by time: the newest go to test, the next to calibration,
 * as the model will meet code written after it was trained; undated ones are split at random.
 */
export function splitComponents(rows: readonly DataRow[], comp: readonly number[], rng: Rng, shares = { calibration: 0.15, test: 0.2 }): Split[] {
  const members = new Map<number, number[]>();
  comp.forEach((c, i) => members.set(c, [...(members.get(c) ?? []), i]));
  const stratumOf = (idx: number[]) => {
    const counts = new Map<string, number>();
    for (const i of idx) {
      const r = rows[i]!;
      const key = `${r.synthetic ? 'synthetic' : 'real'}-${r.label}-${r.synthetic ? (isContractRow(r) ? 'contract' : 'call') : (r.family ?? 'unknown')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  };
  const strata = new Map<string, number[][]>();
  for (const idx of [...members.values()].sort((a, b) => a[0]! - b[0]!)) {
    const s = stratumOf(idx);
    strata.set(s, [...(strata.get(s) ?? []), idx]);
  }
  const dateOf = (idx: number[]) => idx.map((i) => rows[i]!.date).filter((d): d is string => !!d).sort()[0];
  const out: Split[] = rows.map(() => 'train');
  for (const s of [...strata.keys()].sort()) {
    const all = strata.get(s)!;
    // Only where most of a stratum is dated: a few dated rows going first would be a biased pick.
    const byTime = all.filter((g) => dateOf(g)).length * 2 >= all.length;
    const dated = byTime ? all.filter((g) => dateOf(g)).sort((a, b) => dateOf(b)!.localeCompare(dateOf(a)!) || a[0]! - b[0]!) : [];
    const groups = [...dated, ...rng.shuffle(all.filter((g) => !dated.includes(g)))];
    const total = groups.reduce((n, g) => n + g.length, 0);
    let test = 0;
    let cal = 0;
    for (const g of groups) {
      // Fill test first, then calibration, each up to its share; a group never exceeds twice the target.
      let side: Split = 'train';
      if (test < shares.test * total && test + g.length <= Math.max(2 * shares.test * total, 1)) side = 'test';
      else if (cal < shares.calibration * total && cal + g.length <= Math.max(2 * shares.calibration * total, 1)) side = 'calibration';
      if (side === 'test') test += g.length;
      if (side === 'calibration') cal += g.length;
      for (const i of g) out[i] = side;
    }
  }
  return out;
}
