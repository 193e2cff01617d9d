// Writes model/domain/REPORT.md from the trainer's figures.
import { writeFileSync } from 'node:fs';
import type { Population } from './dataset';
import type { Evaluation, Rate } from './evaluate';
import type { DomainReason } from './inference';

export interface Comparison {
  after: Evaluation;
  /** The model this one replaced, on the same rows (absent when its features differ). */
  before?: Evaluation;
  previousVersion?: string;
}

export interface DomainReportInput {
  version: string;
  cutoff: string;
  folds: number;
  seed: number;
  train: { epochs: number; learningRate: number; l2: number };
  populationWeight: Partial<Record<Population, number>>;
  maxWindowRate: number;
  sources: Record<string, number>;
  phishingDropped: Record<string, number>;
  phishingDroppedExamples: Record<string, string[]>;
  benignDropped: number;
  counts: Record<string, Record<string, number>>;
  testPeriod: string;
  comparison: Comparison;
  strictThreshold: number;
  onnxBytes: number;
  parity: number;
  seconds: number;
  trainSeconds: number;
  examples: { host: string; allowlisted: boolean; score: number; flagged: boolean; reasons: DomainReason[] }[];
  flaggedCrypto: { host: string; source: string; score: number }[];
  lookalikeCrypto: { host: string; hits: string[] }[];
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)} %`;
const r = (x: Rate | undefined, digits = 2) => (x ? `${pct(x.rate, digits)} (${x.flagged}/${x.n}; 95 % CI ${pct(x.low, digits)}–${pct(x.high, digits)})` : '—');

const POPULATION_WORDS: Record<string, string> = {
  'crypto/test': '**legitimate crypto sites on no shipped list, held out** (Ledger, DefiLlama 2022)',
  'crypto/cross-validation': 'legitimate crypto sites on no shipped list, cross-validated (threshold chosen here)',
  'generic/test': '**generic sites, held out** (Moz top 500, email providers)',
  'generic/cross-validation': 'generic sites, cross-validated',
};

export function writeDomainReport(path: string, x: DomainReportInput): void {
  const { after, before } = x.comparison;
  const vs = (f: (e: Evaluation) => Rate | undefined) => `| ${r(before && f(before))} | ${r(f(after))} |`;
  const lines = [
    '# Domain model: report',
    '',
    '<!-- Written by model/domain/train.ts (npm run train:domains). Do not edit by hand. -->',
    '',
    `Model \`${x.version}\`: logistic regression on hashed character 3–5-grams, hashed tokens and suffix, and 20 name signals (model/domain/features.ts),`,
    `trained in TypeScript (AdaGrad, ${x.train.epochs} epochs, L2 ${x.train.l2}, seed ${x.seed}), exported to ONNX (${(x.onnxBytes / 1024).toFixed(0)} KB) and run by onnxruntime-web.`,
    `Largest gap between the trainer's scores and onnxruntime's on 400 test domains: ${x.parity.toExponential(1)}. Training and evaluation took ${x.seconds.toFixed(0)} s (training ${x.trainSeconds.toFixed(0)} s).`,
    '',
    '## Data',
    '',
    `Phishing: ScamSniffer's domains with the day their daily archive file first listed them. Train: first listed before ${x.cutoff};`,
    `**test: first listed ${x.testPeriod}** — domains the model never saw, from after the data it learned from.`,
    'Legitimate hosts that ScamSniffer listed for a page they hosted are not phishing and are left out (analysis/site/build/legit-hosts.ts):',
    ...Object.entries(x.phishingDropped).map(([k, v]) => `- ${k}: ${v} (${(x.phishingDroppedExamples[k] ?? []).slice(0, 8).join(', ')}, …)`),
    '',
    'Legitimate sites, in populations trained and measured apart (model/domain/dataset.ts): `shipped` = on the shipped allowlist (the extension never asks the model about them; train only);',
    '`crypto` = real crypto sites whose registrable domain is on no shipped list (Ledger\'s dApp allowlist, DefiLlama\'s 2022 list; neither may ship): a quarter, by a hash of the registrable domain, is held out as the test;',
    `the rest trains, in ${x.folds} cross-validation folds; \`generic\` = Moz top 500 and email providers, split the same way; \`disposable\` = a sample of disposable-mail domains, train only.`,
    'SEAL\'s list is never training data (brand portfolios, exact-match use only); it is measured below.',
    `${x.benignDropped} benign candidates were left out because a phishing list names them (a legitimate list's site that a phishing list also names is on neither side).`,
    '',
    '| population | train | test |',
    '|---|---:|---:|',
    ...Object.entries(x.counts).map(([p, c]) => `| ${p} | ${c.train} | ${c.test} |`),
    '',
    `Sources (unique hosts, source/population): ${Object.entries(x.sources).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    `Weights: phishing and legitimate carry equal total weight; inside the legitimate side, ${Object.entries(x.populationWeight).map(([k, v]) => `${k} ${v}`).join(', ')} (shares of the benign weight).`,
    '',
    '## Threshold',
    '',
    `**${after.threshold.toFixed(4)}**: the lowest at which at most ${pct(x.maxWindowRate, 0)} of the crypto sites on no shipped list (and of the generic sites) would open the window, each scored by a model trained without its fold (cross-validation, test sites untouched),`,
    'counting everything that opens it for a site: the model, the look-alike rule (danger), the brand-in-name rule (warn) and the lists. ',
    `Strict threshold (${pct(x.maxWindowRate / 10, 1)} on the same population): ${x.strictThreshold.toFixed(4)}.`,
    '',
    `## Results (before: \`${x.comparison.previousVersion ?? '—'}\` at its threshold ${before ? before.threshold.toFixed(4) : '—'}; after: this model at ${after.threshold.toFixed(4)})`,
    '',
    before
      ? 'Both columns use this build\'s lists and look-alike rules, so the difference is the model\'s; model/domain/train.ts `--before=REF` picks the model compared with.'
      : 'The previous model used other features, so it is not measured here.',
    '',
    '### False alarms on legitimate sites',
    '',
    '"model" = the model alone flags the site; "window" = any site check opens the window (model, look-alike, brand in name, lists).',
    '',
    '| population | measure | before | after |',
    '|---|---|---:|---:|',
    ...Object.keys(after.byPopulation).flatMap((k) => [
      `| ${POPULATION_WORDS[k] ?? k} | model ${vs((e) => e.byPopulation[k]?.model)}`,
      `| | window ${vs((e) => e.byPopulation[k]?.window)}`,
      `| | look-alike / brand rules alone ${vs((e) => e.byPopulation[k]?.lookalike)}`,
    ]),
    ...Object.keys(after.seal).flatMap((k) => [
      `| SEAL's hosts on no shipped list (brand portfolios, not shipped, never trained on): ${k} | model ${vs((e) => e.seal[k]?.model)}`,
      `| | window ${vs((e) => e.seal[k]?.window)}`,
    ]),
    '',
    '### Never-seen phishing (time split)',
    '',
    '| measure | before | after |',
    '|---|---:|---:|',
    `| recall, model alone ${vs((e) => e.recall.model)}`,
    `| recall, window (model, look-alike, brand, lists as of the cut-off) ${vs((e) => e.recall.window)}`,
    `| ROC-AUC against held-out crypto sites | ${before ? before.auc.toFixed(4) : '—'} | ${after.auc.toFixed(4)} |`,
    '',
    '### Recall by month first listed (model alone)',
    '',
    '| month | phishing | before | after |',
    '|---|---:|---:|---:|',
    ...Object.entries(after.perMonth).map(([m, v]) => `| ${m} | ${v.n} | ${before?.perMonth[m] ? pct(before.perMonth[m]!.rate) : '—'} | ${pct(v.rate)} |`),
    '',
    '### Held-out crypto sites that open the window',
    '',
    `Model above the threshold (${x.flaggedCrypto.length}): ${x.flaggedCrypto.map((f) => `${f.host} (${f.score.toFixed(2)})`).join(', ') || 'none'}.`,
    '',
    `Look-alike or brand rule (${x.lookalikeCrypto.length}): ${x.lookalikeCrypto.map((f) => `${f.host} (${f.hits.join(', ')})`).join('; ') || 'none'}.`,
    '',
    '## Examples',
    '',
    'The allow-listed examples are training hosts (the shipped population), so their scores are in-sample; the extension never scores them.',
    '',
    '| host | allow-listed (never scored in the extension) | score | flagged | reasons |',
    '|---|---|---:|---|---|',
    ...x.examples.map((e) => `| ${e.host} | ${e.allowlisted ? 'yes' : 'no'} | ${e.score.toFixed(3)} | ${e.flagged ? 'yes' : 'no'} | ${e.reasons.map((y) => `${y.words} (+${y.contribution.toFixed(1)})`).join('; ')} |`),
    '',
    '## Limits',
    '',
    '- The held-out crypto population is what the public lists give: Ledger\'s hand-curated dApps and DefiLlama\'s 2022 protocols. Young dapps on hosting platforms, which look most like phishing, are few in it; expect more false alarms there. That is why the model only ever warns.',
    "- SEAL's list (no licence, exact-match use only) cannot train the model or ship, so its brands' defensive registrations (coinbase.ac, krakwen.app) and their preview deployments on hosting platforms (`…-git-branch-team.vercel.app`) look to the model like the phishing they were registered to prevent. A legitimate dapp served from a hosting platform is the class the model is worst at: the legitimate side has almost none to learn from.",
    '- The confidence intervals are wide: a few hundred held-out sites cannot pin a 1 % rate down to a tenth of a percent.',
    '- ScamSniffer lists what its own detectors find; phishing it misses is missing here too, and its first-listed day is when it was listed, not when the site went up.',
    '- The model reads the host name only (the extension gives the analysis an origin). Paths and page content would add signal.',
    '- Training data: ScamSniffer (GPL-3.0) and MetaMask (DBAD) domains; legitimate sites from lists that may not ship (Ledger, DefiLlama, Moz top 500) train and measure it but are not in the package; see THIRD-PARTY-NOTICES.md.',
    '',
  ];
  writeFileSync(path, lines.join('\n'));
}
