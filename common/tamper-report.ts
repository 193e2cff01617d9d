// A tab's report of a page interfering with the firewall: what was seen, merged as it comes in.

export interface TamperReport {
  origin: string;
  /** What was seen, in words, oldest first; a handful at most. */
  what: string[];
  time: number;
}

const MAX_KINDS = 5;

/** Adds `what` to the tab's report (a page that navigated elsewhere starts a new one). */
export function mergeReport(previous: TamperReport | undefined, origin: string, what: string, time: number): TamperReport {
  const kept = previous?.origin === origin ? previous.what : [];
  const list = kept.includes(what) ? kept : [...kept, what].slice(-MAX_KINDS);
  return { origin, what: list, time };
}
