// The pipeline's own findings: a step that failed, an analysis that missed its deadline, a simulation
// that did not come in time. They are rules like the others (their words live here and in
// docs/rules.md), read a small context, and are never switched off: a request the firewall could not
// examine must not pass silently.
import type { Rule, RuleHit } from './rule';

export interface StepFailure {
  /** What could not be done, e.g. "the request could not be decoded". */
  what: string;
  error: unknown;
  /** The rule whose check threw, when that is what failed. */
  rule?: string;
}

/** A rule of the pipeline whose finding, when it leads, also gives the verdict its summary. */
export interface OutcomeRule<C> extends Rule<C> {
  /** The verdict's summary when this finding is the worst: it speaks of the check, not of the request. */
  headline?: string;
}

export const internalError: OutcomeRule<StepFailure> = {
  id: 'internal.error',
  severity: 'warn',
  summary: 'A step of the analysis failed (decoding, the on-chain reads, a rule\'s check), so the request was not fully examined.',
  check: ({ what, error, rule }) => [
    {
      title: 'The firewall could not fully examine this request',
      detail: `Internal error: ${what} (${errorMessage(error)}). The request was not fully checked, so treat it with care.`,
      ...(rule ? { evidence: { rule, error: errorMessage(error) } } : {}),
    },
  ],
};

export const unfinished: OutcomeRule<{ reason: string }> = {
  id: 'analysis.unfinished',
  severity: 'warn',
  summary: 'The analysis missed its deadline or failed as a whole, so the request was not checked; the user decides.',
  headline: 'The firewall could not finish checking this request.',
  check: ({ reason }) => [{ title: 'This request was not fully checked', detail: `${reason} Look at the request yourself before you continue.` }],
};

export const simulationLate: OutcomeRule<Record<string, never>> = {
  id: 'simulation.late',
  severity: 'warn',
  summary: 'A request that would otherwise pass could not be simulated in time, so what it would move is not known; the user decides.',
  headline: 'The firewall could not find out in time what this would move.',
  check: () => [{ title: 'Not simulated in time', detail: 'Your node did not finish simulating this request, so the firewall cannot tell you what it would move.' }],
};

export const outcomeRules: readonly OutcomeRule<never>[] = [internalError, unfinished, simulationLate];

/** The first line of an error's message, short enough to show. */
export function errorMessage(error: unknown): string {
  const e = error as { shortMessage?: string; message?: string };
  return (e?.shortMessage ?? e?.message ?? String(error)).split('\n')[0]!.slice(0, 200);
}

/** The one finding of a request that could not be read at all, in the same words on every chain. */
export function unreadableRequest(method: string, readError: string | undefined): RuleHit[] {
  return readError
    ? [
        {
          title: 'The firewall could not read this request',
          detail: `${readError}. Your wallet might still read it some way, so it was not checked: do not continue unless you know what it is.`,
          evidence: { method, error: readError },
        },
      ]
    : [];
}
