// The deadlines keep their order: each wait outlasts what it waits on, so the one that gives up first
// is always the one closest to the failure, and it says what failed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TIME_BUDGET as T } from './time-budget';

describe('the time budget', () => {
  it('keeps the shipped times', () => {
    expect(T).toMatchObject({
      rpcMs: 1_500,
      simulationMs: 1_500,
      analysisMs: 5_000,
      modelMarginMs: 300,
      modelScoreMs: 2_000,
      modelReadyWaitMs: 1_500,
      proxyLookupMs: 800,
      tokenMetadataMs: 1_000,
      unhurriedRpcMs: 4_000,
      unhurriedSimulationMs: 30_000,
      lateAllowWaitMs: 3_000,
      bridgeWaitMs: 20_000,
      analysisRetryDelaysMs: [1_000, 2_000],
      orphanCheckMs: 500,
      statusCheckEveryMs: 3_000,
      statusWaitMs: 10_000,
      walletReadWaitMs: 4_000,
    });
  });

  it('the bridge waits longer than the background can take: source choice, the analysis and a late allow\'s wait', () => {
    expect(T.backgroundAnswerMs).toBe(T.sourceChoiceMs + T.analysisMs + T.lateAllowWaitMs);
    expect(T.bridgeWaitMs).toBeGreaterThan(T.backgroundAnswerMs);
    expect(T.bridgeWaitMs).toBeGreaterThan(T.analysisMs + T.lateAllowWaitMs);
    // Choosing the source asks every node at once, then the wallet once.
    expect(T.sourceChoiceMs).toBeGreaterThanOrEqual(2 * T.rpcMs);
  });

  it('the model fits inside the analysis, with the margin to send the verdict', () => {
    expect(T.modelScoreMs + T.modelMarginMs).toBeLessThan(T.analysisMs);
    // A loading model says "still loading", and a slow proxy lookup gives way, before the score's own budget runs out.
    expect(T.modelReadyWaitMs).toBeLessThan(T.modelScoreMs);
    expect(T.proxyLookupMs).toBeLessThan(T.modelScoreMs);
  });

  it('the simulation and single reads end well inside the analysis', () => {
    expect(T.simulationMs).toBeLessThan(T.analysisMs);
    expect(T.rpcMs).toBeLessThan(T.analysisMs);
    expect(T.tokenMetadataMs).toBeLessThanOrEqual(T.rpcMs);
  });

  it('the bridge\'s side of a wallet read outlasts the background\'s, so the background is the one to say "no answer"', () => {
    expect(T.walletReadWaitMs).toBeGreaterThan(T.rpcMs);
  });

  it('the bridge\'s checks on a message in flight come more often than the waits they cut short', () => {
    expect(T.orphanCheckMs).toBeLessThan(T.statusCheckEveryMs);
    expect(T.statusWaitMs).toBeLessThan(T.bridgeWaitMs);
  });

  it('is a plain constant module: no imports, so every runtime (and the page-side bundle) may read it', () => {
    const source = readFileSync(new URL('./time-budget.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
