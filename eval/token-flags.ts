// npm run eval -- --only tokens (or: npx tsx eval/token-flags.ts)
// How well the token red flags read from bytecode (analysis/ethereum/token-code) agree with hand labels:
// CRPWarner's ground truth (69 rug-pull tokens, labels Mint / Leak / Limit) and its hand-checked samples
// of the large set, and how often each flag fires on code taken as benign (Etherscan-named tokens of the
// large set; the ERC-20 tokens among SADPonzi's DApp contracts). Evaluation only: the datasets have no
// licence and are read from ../shared/data, never copied. Prints figures; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFunctionSelector } from 'viem';
import { dispatcherSelectors, POWER_ORDER, readTokenPowers, type PowerKind, type TokenCodeReport } from '../analysis/ethereum/token-code';
import { hexToBytes } from '../analysis/ethereum/evm';
import { WARN_POWERS as WARN_FLAGS } from '../analysis/ethereum/rules/token-code';
import { SHARED_DATA } from './sources';
import { parseCsvRecords } from '../model/train/csv';

const CRP = join(SHARED_DATA, 'crpwarner-rugpull');
const SAD = join(SHARED_DATA, 'sadponzi');

export const TOKEN_SOURCES = [
  { id: 'crpwarner-rugpull', origin: 'CRPWarner/RugPull @ 81b9166c (Lin et al., IEEE TSE 2024): ground truth and hand-checked large-set samples', licence: 'none (evaluation only)' },
  { id: 'sadponzi', origin: 'Kenun99/SADPonzi @ cb47f1ee dataset/rq1/dapp (Chen et al., POMACS 2021)', licence: 'none (evaluation only)' },
];

/** Our flags that stand for each CRPWarner label. Leak (the owner can move value out by other means) has no flag of ours. */
export const LABEL_FLAGS: Record<'mint' | 'limit', readonly PowerKind[]> = {
  mint: ['mint'],
  limit: ['blacklist', 'pause', 'trading-switch', 'trading-limits', 'fees'],
};

type Label = 'mint' | 'leak' | 'limit';

interface Sample {
  address: string;
  report: TokenCodeReport;
}

const readCsv = (path: string) => parseCsvRecords(readFileSync(path, 'utf8'));

/**
 * Creation code (constructor + runtime) cut to the runtime: solc's constructor ends with RETURN,
 * INVALID (f3 fe) and the runtime it copies starts with its free-memory-pointer set-up (6080604052
 * or, before 0.4.22, 6060604052). Constructor arguments appended after the runtime stay; they are
 * data the dispatcher scan passes over. Undefined when no such seam is found.
 */
export function runtimeFromCreation(hex: string): string | undefined {
  const h = hex.replace(/^0x/i, '').toLowerCase();
  for (const seam of ['f3fe6080604052', 'f3fe6060604052', 'f3006080604052', 'f3006060604052']) {
    for (let i = h.indexOf(seam); i >= 0; i = h.indexOf(seam, i + 1)) if (i % 2 === 0) return h.slice(i + 4);
  }
  return undefined;
}

const fires = (r: TokenCodeReport, flags: readonly PowerKind[]) => r.powers.some((p) => flags.includes(p.kind));

interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function confusion(rows: { report: TokenCodeReport; positive: boolean }[], flags: readonly PowerKind[]): Confusion {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const r of rows) {
    const f = fires(r.report, flags);
    if (f && r.positive) c.tp++;
    else if (f) c.fp++;
    else if (r.positive) c.fn++;
    else c.tn++;
  }
  return c;
}

const ratio = (k: number, n: number) => {
  if (n === 0) return '–';
  const p = (100 * k) / n;
  return `${p > 0 && p < 10 ? p.toFixed(1) : p.toFixed(0)} % (${k}/${n})`;
};

export interface TokenFlagResult {
  markdown: string[];
  skipped: string[];
}

/** How many creation-code files were cut to their runtime (the ground truth has five). */
let creationCut = 0;

export function loadGroundTruth(skipped: string[]): { address: string; report: TokenCodeReport; labels: Record<Label, boolean> }[] {
  creationCut = 0;
  const out: { address: string; report: TokenCodeReport; labels: Record<Label, boolean> }[] = [];
  for (const row of readCsv(join(CRP, 'groundtruth_index.csv'))) {
    if (row.labelled !== 'yes') continue;
    if (!row.hex_file) {
      skipped.push(`ground truth ${row.address}: no bytecode`);
      continue;
    }
    let hex = readFileSync(join(CRP, row.hex_file), 'utf8').trim();
    if (row.bytecode_kind === 'eip1167_proxy') {
      skipped.push(`ground truth ${row.address}: a 45-byte EIP-1167 clone (its implementation is not in the data)`);
      continue;
    }
    if (row.bytecode_kind === 'creation') {
      const runtime = runtimeFromCreation(hex);
      if (!runtime) {
        skipped.push(`ground truth ${row.address}: creation code with no runtime seam`);
        continue;
      }
      hex = runtime;
      creationCut++;
    }
    const report = readTokenPowers(hex.startsWith('0x') ? hex : `0x${hex}`);
    if (!report) {
      skipped.push(`ground truth ${row.address}: unreadable hex`);
      continue;
    }
    out.push({ address: row.address!, report, labels: { mint: row.mint === '1', leak: row.leak === '1', limit: row.limit === '1' } });
  }
  return out;
}

function largeHex(address: string): string | undefined {
  const path = join(CRP, 'dataset', 'large', 'hex', `${address.toLowerCase()}.hex`);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}

export function loadSamples(label: Label, skipped: string[]): { address: string; report: TokenCodeReport; positive: boolean }[] {
  const out: { address: string; report: TokenCodeReport; positive: boolean }[] = [];
  for (const row of readCsv(join(CRP, 'dataset', 'large', 'sample', `${label}.csv`))) {
    const address = row.Address!.toLowerCase();
    const hex = largeHex(address);
    const report = hex ? readTokenPowers(hex.startsWith('0x') ? hex : `0x${hex}`) : undefined;
    if (!report) {
      skipped.push(`${label} sample ${address}: no readable bytecode`);
      continue;
    }
    out.push({ address, report, positive: row['TP?'] === 'Yes' });
  }
  return out;
}

const BAD_LABELS = ['blocked', 'ofac-sanctions-lists', 'spam-token', 'phish-hack', 'exploit', 'heist', 'scam'];

export function loadNamedLargeTokens(): (Sample & { name: string })[] {
  const out: (Sample & { name: string })[] = [];
  for (const row of readCsv(join(CRP, 'large_index.csv'))) {
    if (row.included !== '1' || !row.etherscan_name) continue;
    const labels = (row.etherscan_labels ?? '').split(/[;|]/).map((s) => s.trim());
    if (labels.some((l) => BAD_LABELS.includes(l))) continue;
    // Hand-checked "Yes" samples are labelled malicious, whatever their name tag says.
    if ([row.sample_mint_tp, row.sample_limit_tp, row.sample_leak_tp].some((v) => v === 'Yes' || v === '1')) continue;
    const hex = largeHex(row.address!);
    const report = hex ? readTokenPowers(hex.startsWith('0x') ? hex : `0x${hex}`) : undefined;
    if (report) out.push({ address: row.address!, name: row.etherscan_name, report });
  }
  return out;
}

const ERC20_CORE = ['transfer(address,uint256)', 'balanceOf(address)', 'totalSupply()', 'transferFrom(address,address,uint256)'].map((s) => Number(toFunctionSelector(s)));

export function loadDappTokens(): (Sample & { name: string })[] {
  const out: (Sample & { name: string })[] = [];
  for (const row of readCsv(join(SAD, 'index.csv'))) {
    if (row.label !== 'dapp_non_ponzi') continue;
    const path = join(SAD, row.file!);
    if (!existsSync(path)) continue;
    const hex = readFileSync(path, 'utf8').trim();
    let selectors: Set<number>;
    try {
      selectors = dispatcherSelectors(hexToBytes(hex));
    } catch {
      continue;
    }
    // Only the contracts that answer as ERC-20 tokens: the flags are about tokens.
    if (!ERC20_CORE.every((s) => selectors.has(s))) continue;
    const report = readTokenPowers(hex.startsWith('0x') ? hex : `0x${hex}`);
    if (report) out.push({ address: row.address!, name: row.etherscan_name ?? '', report });
  }
  return out;
}

const table = (head: string[], rows: (string | number)[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];

export function evaluateTokenFlags(): TokenFlagResult {
  const md: string[] = [];
  const skipped: string[] = [];
  const gt = loadGroundTruth(skipped);
  md.push(`## Token red flags from bytecode (analysis/ethereum/token-code): CRPWarner ground truth, ${gt.length} tokens read`);
  md.push('');
  md.push(`${creationCut} creation-code files were cut to their runtime. Caveat: some of the function names (power-signatures.ts) were added after reading the names in these tokens' verified sources, so these figures are optimistic; the large-set samples below were not read.`);
  md.push('');
  md.push('Precision = the flag fires and the hand label says so / the flag fires; recall = the flag fires / the label says so. Limit stands for any of the flags listed; Leak has no flag of ours (not covered), the any-flag row only shows how often something is said on those tokens.');
  md.push('');
  const gtRows: (string | number)[][] = [];
  for (const [label, flags] of [['Mint', LABEL_FLAGS.mint], ['Limit', LABEL_FLAGS.limit]] as const) {
    const key = label.toLowerCase() as Label;
    const c = confusion(gt.map((g) => ({ report: g.report, positive: g.labels[key] })), flags);
    gtRows.push([label, flags.join(' / '), gt.filter((g) => g.labels[key]).length, ratio(c.tp, c.tp + c.fp), ratio(c.tp, c.tp + c.fn)]);
    if (label === 'Limit')
      for (const f of flags) {
        const d = confusion(gt.map((g) => ({ report: g.report, positive: g.labels.limit })), [f]);
        gtRows.push([`Limit, by ${f} alone`, f, gt.filter((g) => g.labels.limit).length, ratio(d.tp, d.tp + d.fp), ratio(d.tp, d.tp + d.fn)]);
      }
  }
  const leak = confusion(gt.map((g) => ({ report: g.report, positive: g.labels.leak })), POWER_ORDER);
  gtRows.push(['Leak (not covered)', 'any flag', gt.filter((g) => g.labels.leak).length, ratio(leak.tp, leak.tp + leak.fp), ratio(leak.tp, leak.tp + leak.fn)]);
  const none = gt.filter((g) => !g.labels.mint && !g.labels.leak && !g.labels.limit);
  gtRows.push(['0/0/0 (rug by trading; not benign)', 'any flag', none.length, '–', `fires on ${ratio(none.filter((g) => g.report.powers.length > 0).length, none.length)}`]);
  md.push(...table(['label', 'our flags', 'labelled 1', 'precision', 'recall'], gtRows));
  md.push('');

  md.push('## … on the hand-checked samples of the large set (CRPWarner detections; TP? Yes = a real malicious function)');
  md.push('');
  const sampleRows: (string | number)[][] = [];
  for (const [label, flags] of [['mint', LABEL_FLAGS.mint], ['limit', LABEL_FLAGS.limit], ['leak', POWER_ORDER]] as const) {
    const rows = loadSamples(label, skipped);
    const c = confusion(rows, flags);
    sampleRows.push([label === 'leak' ? 'leak (not covered)' : label, label === 'leak' ? 'any flag' : flags.join(' / '), `${rows.filter((r) => r.positive).length} / ${rows.filter((r) => !r.positive).length}`, ratio(c.tp, c.tp + c.fp), ratio(c.tp, c.tp + c.fn), ratio(c.fp, c.fp + c.tn)]);
  }
  md.push(...table(['sample', 'our flags', 'Yes / No', 'precision', 'recall', 'fires on No'], sampleRows));
  md.push('');

  const named = loadNamedLargeTokens();
  const dapps = loadDappTokens();
  const famousDapps = dapps.filter((d) => d.name);
  md.push('## … how often each flag fires on code taken as benign');
  md.push('');
  md.push(`Weak benign: large-set tokens with an Etherscan name tag and no bad label, hand-checked "Yes" samples left out (${named.length}); SADPonzi DApp contracts that answer transfer/balanceOf/totalSupply/transferFrom (${dapps.length}, ${famousDapps.length} of them named). Named is not proved benign: real tokens do have owner mints and pauses.`);
  md.push('');
  const rate = (xs: Sample[], k: PowerKind) => ratio(xs.filter((x) => x.report.powers.some((p) => p.kind === k)).length, xs.length);
  const benignRows: (string | number)[][] = POWER_ORDER.map((k) => [k, rate(named, k), rate(dapps, k), rate(famousDapps, k), rate(gt, k)]);
  const anyWarn = (xs: Sample[]) => ratio(xs.filter((x) => fires(x.report, WARN_FLAGS)).length, xs.length);
  benignRows.push([`any of ${WARN_FLAGS.join(' / ')} (what warns on an unknown token)`, anyWarn(named), anyWarn(dapps), anyWarn(famousDapps), anyWarn(gt)]);
  md.push(...table(['flag', 'named large-set tokens', 'SADPonzi DApp tokens', '… named', 'ground truth (for comparison)'], benignRows));
  md.push('');
  const famous = ['Tether', 'USD Coin', 'Centre', 'Wrapped Ether', 'ChainLink', 'BNB', 'Maker', 'TrueUSD', 'Gemini', 'BAT', 'OMG', '0x', 'Paxos'];
  const seen = famousDapps.filter((d) => famous.some((f) => d.name.includes(f)));
  if (seen.length) {
    md.push('Famous tokens among the DApps: ' + seen.map((d) => `${d.name}: ${d.report.powers.map((p) => p.kind).join(', ') || 'nothing'}`).join('; ') + '.');
    md.push('');
  }
  if (skipped.length) {
    md.push(`Skipped (${skipped.length}): ${skipped.join('; ')}.`);
    md.push('');
  }
  return { markdown: md, skipped };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of evaluateTokenFlags().markdown) process.stdout.write(`${line}\n`);
}
