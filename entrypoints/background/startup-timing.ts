// When this worker life reached each stage, for the benchmark's "worker start split by what it loads"
// (bench/measure-browser.ts reads it with worker.evaluate after a stop). Times are performance.now(),
// ms since this worker started. Read-only, decides nothing; only code already running in the worker
// (DevTools, CDP) can reach a worker global, pages and content scripts cannot.

export interface StartupTiming {
  /** background.js evaluated (every module run), the listeners about to be registered. */
  scriptEvaluatedAt?: number;
  /** The first navigation or request that needed the site lists asked for them; then they were indexed. */
  listsAskedAt?: number;
  listsReadyAt?: number;
}

const timing: StartupTiming = {};

export function markStartup(stage: keyof StartupTiming): void {
  timing[stage] ??= performance.now();
}

export function exposeStartupTiming(): void {
  Object.defineProperty(globalThis, '__txFirewallStartup', { value: Object.freeze({ timing: () => ({ ...timing }) }), configurable: false, writable: false });
}
