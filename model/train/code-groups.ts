// Group keys that keep near-copies of one contract on one side of a train/test split.
// skeletonKey follows the definition the shared/data indexes use for skeleton_sha1 (opcode sequence,
// CBOR metadata and PUSH operands removed), computed here so it also covers code cut or compiled here.
// unionGroups joins rows that share any key (a name OR a skeleton), since redeployed templates get new
// names and renamed copies keep their skeleton.
import { createHash } from 'node:crypto';
import { codeLengthWithoutMetadata, hexToBytes, pushSize } from '../../analysis/ethereum/evm.ts';

export function skeletonKey(hex: string): string {
  const code = hexToBytes(hex);
  const end = codeLengthWithoutMetadata(code);
  const ops: number[] = [];
  for (let pc = 0; pc < end; pc += 1 + pushSize(code[pc]!)) ops.push(code[pc]!);
  return createHash('sha1').update(Uint8Array.from(ops)).digest('hex');
}

/**
 * For each item (by index) the group name: items are joined when they share any of their keys. The name
 * is the smallest first key in the component, so it is stable for the same input.
 */
export function unionGroups(keys: readonly (readonly string[])[]): string[] {
  const parent = keys.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const owner = new Map<string, number>();
  keys.forEach((ks, i) => {
    for (const k of ks) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const name = new Map<number, string>();
  keys.forEach((ks, i) => {
    const r = find(i);
    const first = ks[0] ?? String(i);
    const cur = name.get(r);
    if (cur === undefined || first < cur) name.set(r, first);
  });
  return keys.map((_, i) => name.get(find(i))!);
}

/** Template names differ only in case, digits and underscores (QUIZ_GAME, Gift_1_ETH, EthVentures4). */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[0-9_]/g, '');
}

/**
 * Joins the groups of rows whose code has one skeleton, across readers (a DApp and a token of one
 * template, an OpenZeppelin build and a deployed copy of it), so no split puts near-copies on both sides.
 * Rows without a group count as their own. Returns new rows; the input is left alone.
 */
export function mergeGroupsBySkeleton<T extends { bytecode: string; group?: string; source: string }>(rows: readonly T[]): T[] {
  const groups = unionGroups(rows.map((r) => [r.group ?? r.source, `skeleton:${skeletonKey(r.bytecode)}`]));
  return rows.map((r, i) => ({ ...r, group: groups[i] }));
}
