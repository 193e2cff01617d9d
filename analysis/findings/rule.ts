// A rule is an id, a severity and a pure check over a context (Rabby's security engine shape). Every
// finding, whatever it judges (a request, a simulation's result, a model's answer, a step of the
// pipeline that could not finish), comes from one, so all of them can be listed, documented, tested
// and switched off the same way. Checks never call the network and never throw on purpose.
import type { Severity } from '../types';

export interface RuleHit {
  title: string;
  detail: string;
  evidence?: Record<string, unknown>;
}

export interface Rule<C> {
  id: string;
  severity: Severity;
  /** One line for the catalogue (docs/rules.md). */
  summary: string;
  check(ctx: C): RuleHit[];
}

/** Rules that read the same context, run together; the catalogue lists them under one heading. */
export interface RuleFamily<C> {
  name: string;
  /** What the family judges and when it runs, for the catalogue. */
  about: string;
  rules: readonly Rule<C>[];
}
