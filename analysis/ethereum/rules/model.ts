// What the contract model's answer means for the verdict. Asking the model is a step of the analysis
// (analysis/ethereum/index.ts); these rules only read its answer, so their words live in the registry.
import type { Address } from 'viem';
import type { Rule } from '../../findings/rule';
import { errorMessage } from '../../findings/outcomes';
import type { ContractScoreResult, ScoreSubject } from '../index';

export type ModelAnswer =
  /** No model to ask (its file missing or broken, a build without one): lasting, and the user is told. */
  | { kind: 'missing'; error: unknown }
  /** The model did not run this time (slow, failed): a note, since the rules still judged the request. */
  | { kind: 'failed'; error: unknown }
  | {
      kind: 'scored';
      address: Address;
      result: ContractScoreResult;
      /** The target is a known protocol and the rules found nothing wrong. */
      knownAndClean: boolean;
      /** The rules already question the request (some finding is not info). */
      rulesQuestion: boolean;
    };

type Scored = Extract<ModelAnswer, { kind: 'scored' }>;

const isFlagged = ({ result }: Scored) => result.threshold !== undefined && result.score >= result.threshold;
// The model may add its reasons to a request the rules already question, never turn a clean one into
// a warning. Rebuilt on real code (issue 18), it still scores 0.7 % of ordinary calls to benign code it
// never saw as high (2.5 % of the public sources compiled with modern solc: a multisend executor), and it
// recognises none of the scam families when one is held out of its training (model/REPORT.md): that is
// not yet a model whose word alone should stop a user. A known protocol that the rules found nothing
// wrong with stays undisturbed: on audited, widely used code its false alarms would cost more than they catch.
const warns = (s: Scored) => isFlagged(s) && !s.knownAndClean && s.rulesQuestion;

type Level = 'high' | 'elevated' | 'low';

/** The score as a person reads it: a band, never a percentage, which would claim a precision the model does not have. */
function level(a: Scored): Level {
  return isFlagged(a) ? 'high' : a.result.elevated ? 'elevated' : 'low';
}

/** Where the risk is, in words a user tells apart: the contract's code, or what this request asks. */
const WHERE: Record<ScoreSubject, { flagged: string; lead: string; seen: string }> = {
  contract: { flagged: "This contract's code looks like known scam contracts", lead: "It is the contract's code that looks like a scam's.", seen: 'this contract' },
  request: { flagged: 'This request looks like the requests scam contracts receive', lead: "It is what this request asks of the contract that looks like a scam, more than the code alone.", seen: 'this request' },
  both: { flagged: 'This contract and this request look like known scams', lead: 'Both the contract\'s code and what this request asks of it look like a scam\'s.', seen: 'this contract and request' },
};

/** What the model said, in the words and evidence both scored findings share. */
function said(a: Scored) {
  const { address, result } = a;
  const { score, threshold } = result;
  const reasons = result.reasons.slice(0, 3);
  const where = WHERE[result.drivenBy ?? 'both'];
  const because = reasons.length ? ` What weighed most: ${reasons.join(' ')}` : '';
  return {
    detail: `The firewall's model, run on your computer, compared the contract's code and this call with known scam contracts (Ponzi schemes, rug-pull tokens, honeypots, exploit contracts). ${where.lead}${because}`,
    evidence: { address, score, level: level(a), ...(threshold !== undefined ? { threshold } : {}), ...(result.drivenBy ? { drivenBy: result.drivenBy } : {}), reasons },
  };
}

export const modelRules: readonly Rule<ModelAnswer>[] = [
  {
    id: 'model.missing',
    severity: 'warn',
    summary: 'The contract model could not be loaded (its file missing or broken), so the request was not compared with known scams.',
    check: (a) =>
      a.kind !== 'missing'
        ? []
        : [
            {
              title: 'The firewall\'s contract model is not working, so this was not compared with known scams',
              detail: `The model could not be loaded (${errorMessage(a.error)}). The other checks ran; reinstalling the extension should bring the model back.`,
            },
          ],
  },
  {
    id: 'model.unavailable',
    severity: 'info',
    summary: 'The contract model did not run this time (slow to answer, failed); the verdict comes from the other checks.',
    // Info, not warn: the rules still judged the request, and a warning on every request while the
    // model loads would teach people to click through warnings.
    check: (a) => (a.kind !== 'failed' ? [] : [{ title: 'The contract could not be scored', detail: `The firewall's model did not run (${errorMessage(a.error)}); the verdict comes from the other checks alone.` }]),
  },
  {
    id: 'model.flagged',
    severity: 'warn',
    summary: 'The contract model scores the contract like known scam contracts, on a request the rules already question (never on its own).',
    check: (a) => (a.kind !== 'scored' || !warns(a) ? [] : [{ title: `${WHERE[a.result.drivenBy ?? 'both'].flagged} (high risk)`, ...said(a) }]),
  },
  {
    id: 'model.score',
    severity: 'info',
    summary: 'The contract model\'s score and reasons, when they are not a warning.',
    check: (a) => {
      if (a.kind !== 'scored' || warns(a)) return [];
      const seen = WHERE[a.result.drivenBy ?? 'both'].seen;
      const band = level(a);
      const title =
        band === 'high'
          ? `The firewall's model rates ${seen} high risk, but ${a.knownAndClean ? 'this is a known protocol' : 'nothing else about it is wrong'}`
          : band === 'elevated'
            ? `The firewall's model rates ${seen} elevated risk: worth a second look`
            : `The firewall's model rates ${seen} low risk`;
      return [{ title, ...said(a) }];
    },
  },
];
