// Writes model/domain/REPORT.md from the trainer's figures.
import { writeFileSync } from 'node:fs';
import type { DomainReason } from './inference';

export interface Row {
  name: string;
  recall: number;
  fpr: number;
}

export interface DomainReportInput {
  version: string;
  cutoff: string;
  validationDays: number;
  seed: number;
  train: { epochs: number; learningRate: number; l2: number };
  sourceWeight: Record<string, number>;
  sources: Record<string, number>;
  droppedBenign: number;
  counts: Record<'trainPos' | 'trainNeg' | 'validationPos' | 'validationNeg' | 'testPos' | 'testNeg', number>;
  testPeriod: string;
  auc: number;
  at1: { threshold: number; recall: number; fpr: number };
  at01: { threshold: number; recall: number; fpr: number };
  threshold: number;
  strictThreshold: number;
  shipped: { recall: number; fpr: number };
  shippedStrict: { recall: number; fpr: number };
  baselines: Row[];
  perSource: Record<string, { n: number; fpr: number }>;
  perMonth: Record<string, { n: number; recall: number }>;
  onnxBytes: number;
  parity: number;
  seconds: number;
  trainSeconds: number;
  examples: { host: string; score: number; flagged: boolean; reasons: DomainReason[] }[];
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)} %`;

export function writeDomainReport(path: string, r: DomainReportInput): void {
  const lines = [
    '# Domain model: report',
    '',
    '<!-- Written by scripts/train-domains.ts (npm run train:domains). Do not edit by hand. -->',
    '',
    `Model \`${r.version}\`: logistic regression on ${'hashed character 3–5-grams, hashed tokens and suffix, and 20 name signals'} (model/domain/features.ts), `,
    `trained in TypeScript (AdaGrad, ${r.train.epochs} epochs, L2 ${r.train.l2}, seed ${r.seed}), exported to ONNX (${(r.onnxBytes / 1024).toFixed(0)} KB) and run by onnxruntime-web. `,
    `Largest gap between the trainer's scores and onnxruntime's on 400 test domains: ${r.parity.toExponential(1)}. Training and evaluation took ${r.seconds.toFixed(0)} s (training ${r.trainSeconds.toFixed(0)} s).`,
    '',
    '## Time split',
    '',
    `Phishing: ScamSniffer's domains with the day their daily archive file first listed them. Train: first listed before ${r.cutoff} minus ${r.validationDays} days;`,
    `validation (threshold choice): the ${r.validationDays} days before ${r.cutoff}; **test: first listed ${r.testPeriod}** — domains the model never saw, from after the data it learned from.`,
    'Benign domains have no date; they are split 70/10/20 by a hash of their registrable domain (so `a.x.com` and `x.com` stay on one side).',
    '',
    '| | phishing | benign |',
    '|---|---:|---:|',
    `| train | ${r.counts.trainPos} | ${r.counts.trainNeg} |`,
    `| validation | ${r.counts.validationPos} | ${r.counts.validationNeg} |`,
    `| test | ${r.counts.testPos} | ${r.counts.testNeg} |`,
    '',
    `Sources (unique hosts): ${Object.entries(r.sources).map(([k, v]) => `${k} ${v}`).join(', ')}. ${r.droppedBenign} benign candidates were dropped because a phishing list names them.`,
    `Benign weights: crypto sites count more (${Object.entries(r.sourceWeight).map(([k, v]) => `${k} ×${v}`).join(', ')}); the two classes carry equal total weight.`,
    '',
    '## Results on the test period',
    '',
    '| measure | value |',
    '|---|---:|',
    `| ROC-AUC | ${r.auc.toFixed(4)} |`,
    `| recall at ≤ 1 % FPR (threshold from the test benign) | ${pct(r.at1.recall)} (FPR ${pct(r.at1.fpr, 2)}) |`,
    `| recall at ≤ 0.1 % FPR (threshold from the test benign) | ${pct(r.at01.recall)} (FPR ${pct(r.at01.fpr, 2)}) |`,
    `| shipped threshold ${r.threshold.toFixed(4)} (≤ 1 % FPR on validation benign) | recall ${pct(r.shipped.recall)}, FPR ${pct(r.shipped.fpr, 2)} |`,
    `| strict threshold ${r.strictThreshold.toFixed(4)} (≤ 0.1 % FPR on validation benign) | recall ${pct(r.shippedStrict.recall)}, FPR ${pct(r.shippedStrict.fpr, 2)} |`,
    '',
    '### Lists alone on the same later domains',
    '',
    '| detector | recall on test phishing | FPR on test benign |',
    '|---|---:|---:|',
    ...r.baselines.map((b) => `| ${b.name} | ${pct(b.recall)} | ${pct(b.fpr, 2)} |`),
    '',
    '### False positives by benign source (shipped threshold)',
    '',
    '| source | test hosts | FPR |',
    '|---|---:|---:|',
    ...Object.entries(r.perSource).map(([s, v]) => `| ${s} | ${v.n} | ${pct(v.fpr, 2)} |`),
    '',
    '### Recall by month first listed (shipped threshold)',
    '',
    '| month | phishing | recall |',
    '|---|---:|---:|',
    ...Object.entries(r.perMonth).map(([m, v]) => `| ${m} | ${v.n} | ${pct(v.recall)} |`),
    '',
    '## Examples',
    '',
    '| host | score | flagged | reasons |',
    '|---|---:|---|---|',
    ...r.examples.map((e) => `| ${e.host} | ${e.score.toFixed(3)} | ${e.flagged ? 'yes' : 'no'} | ${e.reasons.map((x) => `${x.words} (+${x.contribution.toFixed(1)})`).join('; ')} |`),
    '',
    '## Limits',
    '',
    '- The benign side is what public, offline sources give: MetaMask\'s allowlist, hand-picked dapps, explorer and RPC hosts from viem, email providers and a sample of disposable-mail domains. It under-represents young legitimate dapps, which look most like phishing (new names, crypto words, hosting platforms); expect more false positives there than the table shows. That is why the model only ever warns.',
    '- ScamSniffer lists what its own detectors find; phishing it misses is missing here too, and its first-listed day is when it was listed, not when the site went up.',
    '- The model reads the host name only (the extension gives the analysis an origin). Paths and page content would add signal.',
    '- Training data: ScamSniffer (GPL-3.0) and MetaMask (DBAD) domains; see THIRD-PARTY-NOTICES.md for what that means for the model file.',
    '',
  ];
  writeFileSync(path, lines.join('\n'));
}
