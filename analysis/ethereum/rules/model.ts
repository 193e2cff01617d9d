// What the contract model's answer means for the verdict. Asking the model is a step of the analysis
// (analysis/ethereum/index.ts); these rules only read its answer, so their words live in the registry.
import type { Address } from 'viem';
import type { Rule } from '../../findings/rule';
import { errorMessage } from '../../findings/outcomes';
import type { ContractScoreResult } from '../index';

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
// a warning: on contracts compiled by others it scores plain NFT transfers and revokes as drainers
// (issue 18 rebuilds it on real data). Until a rebuild shows on real data that it may, a high score
// on a request the rules found nothing wrong with is shown, not acted on. A known protocol that the
// rules found nothing wrong with stays undisturbed: on audited, widely used code the model's false
// alarms would cost more than they catch.
const warns = (s: Scored) => isFlagged(s) && !s.knownAndClean && s.rulesQuestion;

function percent(score: number): string {
  return `${Math.round(score * 100)} %`;
}

/** What the model said, in the words and evidence both scored findings share. */
function said({ address, result }: Scored) {
  const { score, threshold } = result;
  const reasons = result.reasons.slice(0, 3);
  const because = reasons.length ? ` Mainly: ${reasons.join(' ')}` : '';
  return {
    detail: `The firewall's model compared the contract's code and this call with known scams.${because}`,
    evidence: { address, score, ...(threshold !== undefined ? { threshold } : {}), reasons },
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
    summary: 'The contract model scores the contract like known drainers, on a request the rules already question (never on its own).',
    check: (a) => (a.kind !== 'scored' || !warns(a) ? [] : [{ title: `This contract looks like known drainer contracts (risk ${percent(a.result.score)})`, ...said(a) }]),
  },
  {
    id: 'model.score',
    severity: 'info',
    summary: 'The contract model\'s score and reasons, when they are not a warning.',
    check: (a) => {
      if (a.kind !== 'scored' || warns(a)) return [];
      const level = isFlagged(a) ? (a.knownAndClean ? 'high, but this is a known protocol' : 'high, but nothing else about this request is wrong') : a.result.elevated ? 'somewhat raised: worth a second look' : 'low';
      return [{ title: `Contract risk ${percent(a.result.score)} (${level})`, ...said(a) }];
    },
  },
];
