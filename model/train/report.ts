// Writes model/REPORT.md from the trainer's figures. Everything in it is computed by the run that wrote it.
import { writeFileSync } from 'node:fs';
import type { DataRow } from './dataset.ts';
import type { GbdtParams } from './gbdt.ts';
import type { Scores } from './metrics.ts';
import type { Split } from './split.ts';

export interface ReportInput {
  rows: DataRow[];
  split: Split[];
  rawCount: number;
  duplicates: number;
  conflicts: number;
  groups: number;
  selection: { kind: string; auc: number; logLoss: number }[];
  chosen: string;
  threshold: number;
  targetFpr: number;
  warnThreshold: number;
  warnFpr: number;
  warnTable: { name: string; scores: Scores }[];
  platt: { a: number; b: number };
  testTable: { name: string; scores: Scores }[];
  cvReal: Scores;
  cvAll: Scores;
  cvThreshold: number;
  missedIncidents: string[];
  topFeatures: { feature: string; gain: number }[];
  modelBytes: number;
  parityMaxDiff: number;
  gbdtParams: GbdtParams;
  trees: number;
  timings: { gbdtSeconds: number; cvSeconds: number; totalSeconds: number };
  version: string;
}

const f3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);

function sourceFamily(r: DataRow): string {
  const parts = r.source.split(':');
  if (parts[0] === 'npm') return `npm ${parts[1]!.replace(/@[^@]*$/, '')}`;
  if (parts[0] === 'solc' || parts[0] === 'solc-clone') return `${parts[0] === 'solc' ? 'compiled' : 'EIP-1167 clone of'} ${parts[1]}`;
  if (parts[0] === 'blockwatchdog') return 'BlockWatchdog attacker contracts';
  return r.source;
}

function scoreRow(name: string, s: Scores): string {
  return `| ${name} | ${s.n} | ${s.positives} | ${s.negatives} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.auc)} | ${pct(s.fpr)} |`;
}

function confusion(name: string, s: Scores): string {
  const c = s.confusion;
  return [`**${name}**`, '', '| | flagged | not flagged |', '|---|---|---|', `| malicious | ${c.tp} | ${c.fn} |`, `| benign | ${c.fp} | ${c.tn} |`, ''].join('\n');
}

export function writeReport(path: string, r: ReportInput): void {
  const counts = new Map<string, { benign: number; malicious: number; synthetic: boolean; test: number }>();
  r.rows.forEach((row, i) => {
    const key = sourceFamily(row);
    const c = counts.get(key) ?? { benign: 0, malicious: 0, synthetic: row.synthetic, test: 0 };
    if (row.label) c.malicious++;
    else c.benign++;
    if (r.split[i] === 'test') c.test++;
    counts.set(key, c);
  });
  const splitCount = (s: Split, label: number, synthetic: boolean) => r.rows.filter((row, i) => r.split[i] === s && row.label === label && row.synthetic === synthetic).length;
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    '# Contract / request model: evaluation report',
    '',
    `Written by \`npm run train\` (model version \`${r.version}\`). Do not edit by hand; retrain instead.`,
    '',
    '## What was trained',
    '',
    `- Model: **${r.chosen}**${r.trees ? ` (${r.trees} trees, depth ≤ ${r.gbdtParams.maxDepth}, learning rate ${r.gbdtParams.learningRate}, row/column sampling ${r.gbdtParams.subsample}/${r.gbdtParams.colsample}, ${r.gbdtParams.maxBins} histogram bins)` : ''}, chosen over the other candidates by ROC-AUC on the calibration split (all trained on the train split only):`,
    ...r.selection.map((s) => `  - ${s.kind}: ROC-AUC ${s.auc.toFixed(4)}, log loss ${s.logLoss.toFixed(4)} (after Platt scaling)`),
    `- Calibration: Platt scaling fitted on the calibration split, p = sigmoid(${r.platt.a.toFixed(4)} · margin + ${r.platt.b.toFixed(4)}). The score is a probability *under this data set's mix*, not a real-world base rate.`,
    `- Threshold: **${r.threshold.toFixed(3)}**, the lowest score at which at most ${r.targetFpr * 100} % of the benign rows of the calibration split are flagged — one false alarm in a hundred benign requests at most is what we consider livable for everyday use; the analysis may still warn below it from its rules.`,
    `- Second operating point: **${r.warnThreshold.toFixed(3)}** (≤ ${r.warnFpr * 100} % of benign calibration rows) for a softer "take a second look" warning; \`flagged\` uses the first, \`elevated\` the second.`,
    `- ONNX file: ${(r.modelBytes / 1024).toFixed(1)} KB (\`ai.onnx.ml\` TreeEnsembleRegressor → Mul/Add (Platt) → Sigmoid, one output \`probability\`). Largest difference to the TypeScript predictor over the held-out rows in onnxruntime-web: ${r.parityMaxDiff.toExponential(2)}.`,
    `- Run time: ${r.timings.totalSeconds.toFixed(1)} s in all (one GBDT fit ${r.timings.gbdtSeconds.toFixed(1)} s; ${r.timings.cvSeconds.toFixed(1)} s for the cross-validation), single-threaded.`,
    '',
    '## Data',
    '',
    `${r.rawCount} rows built, ${r.duplicates} exact duplicates removed (contracts by bytecode hash, requests by their whole content), ${r.conflicts} rows dropped for carrying both labels → **${r.rows.length} rows** in ${r.groups} groups.`,
    'A group joins rows whose effective code is of one family (metadata tail cut, PUSH20/PUSH32 operands zeroed) or that come from one synthetic source file; groups never straddle train, calibration and test.',
    '',
    '| source | benign | malicious | synthetic | of which in test |',
    '|---|---|---|---|---|',
    ...[...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([k, c]) => `| ${k} | ${c.benign} | ${c.malicious} | ${c.synthetic ? 'yes' : 'no'} | ${c.test} |`),
    '',
    '| split | real benign | real malicious | synthetic benign | synthetic malicious |',
    '|---|---|---|---|---|',
    ...(['train', 'calibration', 'test'] as Split[]).map((s) => `| ${s} | ${splitCount(s, 0, false)} | ${splitCount(s, 1, false)} | ${splitCount(s, 0, true)} | ${splitCount(s, 1, true)} |`),
    '',
    '## Held-out test split, at the chosen threshold',
    '',
    '| rows | n | malicious | benign | precision | recall | F1 | ROC-AUC | FPR |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.testTable.map((t) => scoreRow(t.name, t.scores)),
    '',
    'The *probe* lines score contracts in `model/train/solidity/probe/` (honest OpenZeppelin-based token, NFT drop, ERC-1155, vault, escrow, multisig; drainer variants with other names and shapes: CREATE2 per-victim forwarders, a Permit2 allowance sweeper, a "rewards portal" with a back door) and requests to them. They were written after the features were fixed and are never trained on, calibrated on or used to choose anything.',
    '',
    'Only the "real only" line speaks about real-world code, and even it measures *exploit* contracts against protocol code, not drainers against dapps. Synthetic rows were written here from documented patterns; the model meeting them is a check that it learned those patterns, not evidence of real-world recall.',
    '',
    `At the warn threshold ${r.warnThreshold.toFixed(3)}:`,
    '',
    '| rows | n | malicious | benign | precision | recall | F1 | ROC-AUC | FPR |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.warnTable.map((t) => scoreRow(t.name, t.scores)),
    '',
    confusion('All held-out rows', r.testTable[0]!.scores),
    confusion('Real held-out rows', r.testTable[1]!.scores),
    `## Grouped ${5}-fold cross-validation (out-of-fold scores, uncalibrated)`,
    '',
    `The real malicious set is small, so one held-out split says little. Out-of-fold scores over all groups, threshold set for ≤ ${r.targetFpr * 100} % FPR on the out-of-fold benign rows themselves:`,
    '',
    '| rows | n | malicious | benign | precision | recall | F1 | ROC-AUC | FPR |',
    '|---|---|---|---|---|---|---|---|---|',
    scoreRow('real only', r.cvReal),
    scoreRow('all rows', r.cvAll),
    '',
    r.missedIncidents.length ? `Real attacker contracts missed out of fold: ${r.missedIncidents.map((s) => `\`${s.replace('blockwatchdog:', '')}\``).join(', ')}.` : 'No real attacker contract was missed out of fold.',
    '',
    '## Features that carry the model',
    '',
    'Total split gain in the GBDT fit on the train split (top 15):',
    '',
    '| feature | gain |',
    '|---|---|',
    ...r.topFeatures.map((t) => `| \`${t.feature}\` | ${t.gain.toFixed(1)} |`),
    '',
    '## Published baselines, and how far they compare',
    '',
    '| system | data | precision | recall | F1 |',
    '|---|---|---|---|---|',
    '| PhishingHook random forest on opcode histograms (DSN 2025; means of 3 × 10 folds, shared/data/phishinghook) | ~7,000 Etherscan-labelled Phish/Hack vs benign runtime bytecodes, balanced | 0.942 | 0.928 | 0.935 |',
    '| Forta malicious-smart-contract ML, V3 (TF-IDF opcode n-grams + SGD, 5-fold CV, shared/data/forta-starter-kits) | 15,443 benign vs 174 malicious non-token contracts (creation code) | 0.878 | 0.552 | 0.621 |',
    `| this model, real held-out rows | ${r.testTable[1]!.scores.negatives} npm protocol artifacts vs ${r.testTable[1]!.scores.positives} BlockWatchdog exploit contracts | ${f3(r.testTable[1]!.scores.precision)} | ${f3(r.testTable[1]!.scores.recall)} | ${f3(r.testTable[1]!.scores.f1)} |`,
    `| this model, real rows out of fold | ${r.cvReal.negatives} vs ${r.cvReal.positives} | ${f3(r.cvReal.precision)} | ${f3(r.cvReal.recall)} | ${f3(r.cvReal.f1)} |`,
    '',
    'These numbers are not comparable head to head. PhishingHook and Forta train and test on thousands of deployed contracts labelled by Etherscan, with phishing and drainer contracts among the positives; our real positives are 30-odd exploit (attacker) contracts from BlockWatchdog and our real negatives are compiled artifacts of well-known protocols (immutables zeroed, no constructor state), which are easier to tell apart than a phishing contract from an unknown but honest one. The only drainer-like positives we have are synthetic. Expect real-world recall on drainers to be lower than any figure here until the model is retrained on a data set such as PhishingHook\'s or Forta\'s (`npm run train -- --data file.jsonl`, format in model/README.md).',
    '',
    '## Known limits',
    '',
    '- Call-data rows are generated (PTXPhish publishes transaction hashes only): their labels follow from the context flags (fresh or plain-account spender, bait function with value) that we set when generating them, so the model partly re-learns the rules that generated them.',
    '- Free-buy-order phishing (Seaport/Blur orders signed off-chain) and address poisoning as seen by the victim are outside the call-data features; the analysis rules cover them.',
    '- Benign bytecode comes from audited protocols; ordinary but unaudited contracts (small NFT drops, meme tokens) are under-represented, which is where false positives will come from.',
    '',
  );
  writeFileSync(path, lines.join('\n'));
}
