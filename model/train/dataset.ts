// The training data format: JSON lines, one request per line. Documented in model/README.md.
import { readFileSync, writeFileSync } from 'node:fs';

export interface DataRow {
  /** Runtime bytecode at the target, hex (`0x` for an account without code). */
  bytecode: string;
  /** Call data, hex (`0x` for none). */
  calldata: string;
  /** Value in wei, decimal string. */
  value: string;
  label: 0 | 1;
  /** Where the row comes from, e.g. `blockwatchdog:Reentrancy/Cream`, `npm:@uniswap/v3-core@1.0.1:UniswapV3Pool`. */
  source: string;
  /** ISO date (YYYY-MM-DD) the contract or request was seen, or null when unknown. */
  date: string | null;
  /** True for rows this project made up (compiled contracts, generated call data). */
  synthetic: boolean;
  /** Optional: code of the implementation when `bytecode` is a proxy. */
  implementationBytecode?: string;
  /** Optional: rows sharing a group never straddle train and test (e.g. builds of one source file). */
  group?: string;
  /**
   * Optional: what kind of code this is, for per-family figures and leave-one-family-out runs. Malicious:
   * `exploit`, `ponzi`, `rugpull`, `honeypot`, `drainer` (synthetic). Benign: `protocol` (npm artifacts),
   * `dapp` (deployed DApp code), `token` (named deployed tokens), `compiled` (public sources compiled here),
   * `hard-negative` (flagged by a detector and cleared by hand).
   */
  family?: string;
  /** Optional: the compiler and settings that made this code, when known (`solc-0.6.12 opt200`). */
  compiler?: string;
  /** Optional: hand labels of what a token's code lets its owner do (CRPWarner's Mint / Leak / Limit). */
  tokenFlags?: { mint?: boolean; leak?: boolean; limit?: boolean };
}

export function readJsonl(path: string): DataRow[] {
  const rows: DataRow[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const row = JSON.parse(line) as DataRow;
      if (typeof row.bytecode !== 'string' || typeof row.calldata !== 'string' || (row.label !== 0 && row.label !== 1)) {
        throw new Error(`${path}:${i + 1}: needs bytecode, calldata and label 0|1`);
      }
      rows.push({
        ...row,
        value: String(row.value ?? '0'),
        source: row.source ?? 'unknown',
        date: row.date ?? null,
        synthetic: row.synthetic === true,
      });
    });
  return rows;
}

export function writeJsonl(path: string, rows: readonly DataRow[]): void {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** A row that scores a contract alone: no call data, no value. */
export function isContractRow(r: DataRow): boolean {
  return (r.calldata === '0x' || r.calldata === '') && (r.value === '0' || r.value === '');
}
