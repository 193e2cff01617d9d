// Writes model/REPORT.md from the trainer's figures. Everything in it is computed by the run that wrote it.
import { writeFileSync } from 'node:fs';
import { isContractRow, type DataRow } from './dataset.ts';
import { FAMILY_WORDS, familyOf, type Distribution } from './families.ts';
import type { GbdtParams } from './gbdt.ts';
import type { Scores } from './metrics.ts';
import type { Split } from './split.ts';

interface Rate {
  n: number;
  flagged: number;
}

export interface FamilyFigure {
  family: string;
  label: number;
  contracts: Rate;
  calls: Rate;
}

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
  platt: { a: number; b: number };
  summary: { name: string; scores: Scores }[];
  warnSummary: { name: string; scores: Scores }[];
  families: FamilyFigure[];
  benignCallFamilies: { family: string; calls: Distribution }[];
  byCompiler: { compiler: string; calls: Distribution; contracts: Distribution }[];
  /** The benign contracts of the test split that score highest, for error analysis. */
  topBenign: { source: string; family: string; score: number }[];
  probe: FamilyFigure[];
  heldOut: (FamilyFigure & { threshold: number })[];
  cv: FamilyFigure[];
  cvReal: Scores;
  cvThreshold: number;
  topFeatures: { feature: string; gain: number }[];
  modelBytes: number;
  parityMaxDiff: number;
  gbdtParams: GbdtParams;
  trees: number;
  timings: { gbdtSeconds: number; cvSeconds: number; heldSeconds: number; totalSeconds: number };
  version: string;
}

const f3 = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(3));
const pct = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)} %`);
const rate = (r: Rate) => (r.n ? `${r.flagged} / ${r.n} (${pct(r.flagged / r.n)})` : '–');

function scoreRow(name: string, s: Scores): string {
  return `| ${name} | ${s.n} | ${s.positives} | ${s.negatives} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.auc)} | ${pct(s.fpr)} |`;
}

const SCORE_HEAD = ['| rows | n | malicious | benign | precision | recall | F1 | ROC-AUC | FPR |', '|---|---|---|---|---|---|---|---|---|'];

function familyTable(list: FamilyFigure[]): string[] {
  return [
    '| family | class | contracts flagged | ordinary calls flagged |',
    '|---|---|---|---|',
    ...list.map((f) => `| ${f.family} | ${f.label ? 'malicious: recall' : 'benign: false alarms'} | ${rate(f.contracts)} | ${rate(f.calls)} |`),
  ];
}

function distributionRow(name: string, d: Distribution): string {
  return `| ${name} | ${d.n} | ${f3(d.median)} | ${f3(d.p90)} | ${f3(d.max)} | ${pct(d.flagged)} | ${pct(d.elevated)} |`;
}

export function writeReport(path: string, r: ReportInput): void {
  const counts = new Map<string, { label: number; contracts: number; calls: number; test: number; synthetic: boolean }>();
  r.rows.forEach((row, i) => {
    const key = familyOf(row);
    const c = counts.get(key) ?? { label: row.label, contracts: 0, calls: 0, test: 0, synthetic: row.synthetic };
    if (isContractRow(row)) c.contracts++;
    else c.calls++;
    if (r.split[i] === 'test') c.test++;
    counts.set(key, c);
  });
  const splitCount = (s: Split, label: number, synthetic: boolean) => r.rows.filter((row, i) => r.split[i] === s && row.label === label && row.synthetic === synthetic).length;
  const heldBenign = r.heldOut.filter((f) => !f.label);
  const lines: string[] = [
    '# Contract / request model: evaluation report',
    '',
    `Written by \`npm run train\` (model version \`${r.version}\`). Do not edit by hand; retrain instead.`,
    '',
    '## What the score means',
    '',
    `The model reads the code a request talks to (opcode and selector structure, proxies, external calls, owner and withdraw functions) and the call itself as the analysis' decoder reads it (its kind, a grant or a revoke, an amount or an NFT id, ETH sent). It does not see how new an address is or whether a recipient is a plain account: those are chain facts the rules weigh in words the user can check. Nothing in the features names the compiler or its year (no PUSH0, shifts, REVERT, metadata tail…): the scam families are mostly 2016–2023 code and the benign ones older or newer.`,
    '',
    `The score is a probability, calibrated (Platt scaling) on the real rows of the calibration split: of real contracts and ordinary calls to them scoring p, about p were of a scam family (Ponzi, rug-pull token, honeypot, exploit) *in this data's mix* (${r.rows.filter((x) => !x.synthetic && x.label).length} malicious to ${r.rows.filter((x) => !x.synthetic && !x.label).length} benign real rows), which has far more scams than a user meets: it ranks code, it is not the chance that this request will rob you. **High** is at or above ${r.threshold.toFixed(3)}, the lowest score at which at most ${r.targetFpr * 100} % of the calibration rows of *each* ordinary benign family (DApps, tokens, protocol artifacts, public sources compiled here) land; **elevated** from ${r.warnThreshold.toFixed(3)} (${r.warnFpr * 100} % of each); below is **low**. None of its families is a 2024–25 approval drainer, and no real drainer code is reachable offline: the model tells scam code from ordinary code; it is not evidence that a request is a drainer's, which the rules judge.`,
    '',
    '## What was trained',
    '',
    `- Model: **${r.chosen}**${r.trees ? ` (${r.trees} trees, depth ≤ ${r.gbdtParams.maxDepth}, learning rate ${r.gbdtParams.learningRate}, row/column sampling ${r.gbdtParams.subsample}/${r.gbdtParams.colsample}, ${r.gbdtParams.maxBins} histogram bins)` : ''}, chosen over the other candidates by ROC-AUC on the real calibration rows (all trained on the train split only):`,
    ...r.selection.map((s) => `  - ${s.kind}: ROC-AUC ${s.auc.toFixed(4)}, log loss ${s.logLoss.toFixed(4)} (after Platt scaling)`),
    r.chosen.includes('family')
      ? `- Weights: every family weighs the same in total (synthetic families half), and the two classes the same, so 34 exploit contracts count as much as a thousand DApps.`
      : `- Weights: the two classes weigh the same, every row alike within a class; weighing every family the same in total (synthetic families half) scored a little lower on the calibration rows.`,
    `- Calibration: p = sigmoid(${r.platt.a.toFixed(4)} · margin + ${r.platt.b.toFixed(4)}).`,
    `- ONNX file: ${(r.modelBytes / 1024).toFixed(1)} KB (\`ai.onnx.ml\` TreeEnsembleRegressor → Mul/Add (Platt) → Sigmoid, one output \`probability\`). Largest difference to the TypeScript predictor over the held-out rows in onnxruntime-web: ${r.parityMaxDiff.toExponential(2)}.`,
    `- Run time: ${r.timings.totalSeconds.toFixed(1)} s in all (one GBDT fit about ${r.timings.gbdtSeconds.toFixed(1)} s; ${r.timings.heldSeconds.toFixed(1)} s for the families held out, ${r.timings.cvSeconds.toFixed(1)} s for the cross-validation), single-threaded.`,
    '',
    '## Data',
    '',
    `${r.rawCount} rows built, ${r.duplicates} exact duplicates removed (contracts by bytecode hash, requests by their whole content), ${r.conflicts} rows dropped for carrying both labels → **${r.rows.length} rows** in ${r.groups} groups.`,
    'A group joins rows whose effective code is of one skeleton (metadata tail cut, PUSH20/PUSH32 operands zeroed), or of one scheme, template or source (a Ponzi scheme\'s name, a honeypot\'s technique and contract name, every compiler build of one source); groups never straddle train, calibration and test. Where most of a family is dated (exploits, rug-pull tokens), the newest groups are the test split and the next newest the calibration split.',
    '',
    'Each real contract also gets up to three *ordinary calls* made from its own functions (a token transfer or approval, an NFT transfer, an operator grant or revoke, another of its functions, ETH to it), with the contract\'s label: the code is real, the calls are made here, by one generator for both classes, so a call\'s shape alone says nothing about the label.',
    '',
    '| family | what | class | contracts | ordinary calls | rows in test |',
    '|---|---|---|---|---|---|',
    ...[...counts].sort((a, b) => Number(a[1].synthetic) - Number(b[1].synthetic) || b[1].label - a[1].label || a[0].localeCompare(b[0])).map(([k, c]) => `| ${k} | ${FAMILY_WORDS[k] ?? (c.synthetic ? 'made up here (model/train/solidity, synth-calls.ts); augmentation only' : '')} | ${c.label ? 'malicious' : 'benign'} | ${c.contracts} | ${c.calls} | ${c.test} |`),
    '',
    '| split | real benign | real malicious | synthetic benign | synthetic malicious |',
    '|---|---|---|---|---|',
    ...(['train', 'calibration', 'test'] as Split[]).map((s) => `| ${s} | ${splitCount(s, 0, false)} | ${splitCount(s, 1, false)} | ${splitCount(s, 0, true)} | ${splitCount(s, 1, true)} |`),
    '',
    '## Held-out test split, per family, at the threshold',
    '',
    ...familyTable(r.families.filter((f) => !f.family.startsWith('synthetic'))),
    '',
    'Synthetic rows, reported apart (they show the model learned the patterns written into them, not real-world recall):',
    '',
    ...familyTable(r.families.filter((f) => f.family.startsWith('synthetic'))),
    '',
    ...(r.probe.length ? ['The probe (contracts in `model/train/solidity/probe/`, written after the features were fixed, never trained or calibrated on; synthetic):', '', ...familyTable(r.probe), ''] : []),
    '### Summary',
    '',
    ...SCORE_HEAD,
    ...r.summary.map((t) => scoreRow(t.name, t.scores)),
    '',
    `At the softer operating point ${r.warnThreshold.toFixed(3)}:`,
    '',
    ...SCORE_HEAD,
    ...r.warnSummary.map((t) => scoreRow(t.name, t.scores)),
    '',
    '## Ordinary calls to benign code compiled by others, never seen in training',
    '',
    'Scores of the ordinary calls to the benign contracts of the test split (groups the model never saw):',
    '',
    '| benign family | calls | median | 90th percentile | maximum | high | elevated or high |',
    '|---|---|---|---|---|---|---|',
    ...r.benignCallFamilies.map((f) => distributionRow(f.family, f.calls)),
    '',
    ...(r.byCompiler.length
      ? [
          'By compiler, for the benign code whose compiler is known: the public sources compiled here (each with every compiler it accepts; a source is in test with all its builds, and with its npm artifact), the look-alikes HoneyBadger cleared, compiled from source, and the npm artifacts that record theirs:',
          '',
          '| compiler and settings | calls | median | 90th percentile | maximum | high | elevated or high |',
          '|---|---|---|---|---|---|---|',
          ...r.byCompiler.map((c) => distributionRow(c.compiler, c.calls)),
          '',
        ]
      : []),
    'The benign contracts of the test split that score highest:',
    '',
    '| contract | family | score |',
    '|---|---|---|',
    ...r.topBenign.map((t) => `| \`${t.source}\` | ${t.family} | ${t.score.toFixed(3)} |`),
    '',
    '## Each family held out entirely',
    '',
    'Trained without a single row of the family, thresholds from the calibration split without it, then every row of the family scored: how the model meets a kind of scam (or of ordinary code) it has never seen.',
    '',
    '| family held out | class | threshold | contracts flagged | ordinary calls flagged |',
    '|---|---|---|---|---|',
    ...r.heldOut.map((f) => `| ${f.family} | ${f.label ? 'malicious: recall' : 'benign: false alarms'} | ${f.threshold.toFixed(3)} | ${rate(f.contracts)} | ${rate(f.calls)} |`),
    '',
    heldBenign.length ? `A benign family held out is the hardest test of "ordinary code it never saw": ${heldBenign.map((f) => `${f.family} ${rate(f.calls)} of calls`).join(', ')}.` : '',
    '',
    `## Grouped ${5}-fold cross-validation (out-of-fold scores, uncalibrated)`,
    '',
    `Over all real rows, threshold ${r.cvThreshold.toFixed(3)} for ≤ ${r.targetFpr * 100} % of real benign out-of-fold rows; ROC-AUC ${f3(r.cvReal.auc)}, precision ${f3(r.cvReal.precision)}, recall ${f3(r.cvReal.recall)}:`,
    '',
    ...familyTable(r.cv),
    '',
    '## Features that carry the model',
    '',
    'Total split gain in the chosen fit (top 15):',
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
    `| this model, real contracts of the test split | ${r.summary[0]!.scores.negatives} benign vs ${r.summary[0]!.scores.positives} malicious | ${f3(r.summary[0]!.scores.precision)} | ${f3(r.summary[0]!.scores.recall)} | ${f3(r.summary[0]!.scores.f1)} |`,
    `| this model, real rows out of fold | ${r.cvReal.negatives} vs ${r.cvReal.positives} | ${f3(r.cvReal.precision)} | ${f3(r.cvReal.recall)} | ${f3(r.cvReal.f1)} |`,
    '',
    'Not comparable head to head. PhishingHook and Forta label by Etherscan tags with phishing and drainer contracts among the positives and pick their thresholds for F1 on balanced data; ours are Ponzi schemes, rug-pull tokens, honeypots and exploit contracts against deployed DApps, tokens, protocol artifacts and public sources compiled here, at a threshold fixed for one false alarm in a hundred benign rows. Neither data set\'s bytecode is available offline to run this model on.',
    '',
    '## Known limits',
    '',
    '- No real drainer code and no real phishing call data are reachable offline; the synthetic drainers are augmentation only, and a drainer whose code resembles no family here will score low. The rules, not the model, judge approvals, permits and orders by who receives them.',
    '- A small contract that only runs the batch of calls it is handed (a multisend executor) has the shape of an exploit contract, which does the same with calls written into it; such executors are where the benign code above scores highest.',
    `- A scam family held out entirely is barely recognised (contracts flagged: ${r.heldOut.filter((f) => f.label).map((f) => `${f.family} ${rate(f.contracts)}`).join(', ')}): the model knows the families it was shown, not scams in general.`,
    '- Honeypots are compiled here from verified source with solc 0.4.26 and the optimizer on; the deployed code used other 0.4 releases and settings.',
    '- The benign token family is a weak label (an Etherscan name tag); some of those tokens have an owner mint or pause, which the token red-flag rules report separately.',
    '- Eras: the Ponzi and honeypot families are 2015–2018 code, the rug-pull tokens 2019–2023; benign code spans 2016–2025. The per-compiler table above is the check that the model did not learn the year.',
    '',
  ];
  writeFileSync(path, lines.join('\n'));
}
