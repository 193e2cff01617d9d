// A page may have only a few signing requests open at once (being checked or waiting on the user).
// A real dapp asks one thing at a time; a page that sends hundreds is trying to bury the user in
// windows or to exhaust the firewall, so the extra requests are refused with 4001 and the page is
// reported, instead of being analysed or shown.
export const MAX_OPEN_PER_TAB = 5;

export const TOO_MANY_OPEN =
  'This page sent more signing requests at once than the transaction firewall lets through, so this one was stopped.';

/** Counts requests still being analysed per tab; those waiting on the user are counted by the caller. */
export function createAnalysisCounter() {
  const analysing = new Map<number, number>();
  return {
    analysing: (tabId: number) => analysing.get(tabId) ?? 0,
    /** Counts the request in and returns how many of the tab's are being analysed now, itself included. */
    enter(tabId: number): number {
      const now = (analysing.get(tabId) ?? 0) + 1;
      analysing.set(tabId, now);
      return now;
    },
    leave(tabId: number) {
      const left = (analysing.get(tabId) ?? 0) - 1;
      if (left > 0) analysing.set(tabId, left);
      else analysing.delete(tabId);
    },
  };
}
