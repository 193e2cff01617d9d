// The domain model file against the trainer (parity in onnxruntime-web's wasm) and its features' contract.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDomainFeatures, FEATURE_COUNT, toDense, tokensOf } from './features';
import { createDomainScorer, type DomainScorer } from './inference';
import parity from './parity-fixture.json';

const require = createRequire(import.meta.url);
let scorer: DomainScorer;

beforeAll(async () => {
  scorer = await createDomainScorer({
    modelBytes: readFileSync(join(import.meta.dirname, 'domain-model.onnx')),
    wasmBinary: readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')),
  });
});
afterAll(async () => scorer?.release());

describe('domain features', () => {
  it('are sparse, bounded and the same for the same host', () => {
    const a = extractDomainFeatures('Uniswap.Claim-Rewards.vercel.app');
    const b = extractDomainFeatures('uniswap.claim-rewards.vercel.app');
    expect([...a.indices]).toEqual([...b.indices]);
    expect(a.indices.length).toBeLessThan(200);
    expect(Math.max(...a.indices)).toBeLessThan(FEATURE_COUNT);
    expect([...a.values].every((v) => Number.isFinite(v) && Math.abs(v) <= 10)).toBe(true);
    expect(toDense(a).length).toBe(FEATURE_COUNT);
  });

  it('name their groups in plain words', () => {
    const ids = extractDomainFeatures('blur-rewards.pages.dev').groups.map((g) => g.id);
    expect(ids).toEqual(expect.arrayContaining(['spelling', 'token:blur', 'token:rewards', 'tld', 'platform', 'brand', 'lure', 'shape']));
    expect(tokensOf('claim2024-uniswap.v3.xyz')).toEqual(['claim', '2024', 'uniswap', 'v', '3', 'xyz']);
  });

  it('cope with odd input', () => {
    for (const h of ['', '.', 'a', 'xn--', '-.-', 'x'.repeat(300) + '.com', 'xn--80ak6aa92e.com']) expect(() => extractDomainFeatures(h)).not.toThrow();
  });
});

describe('domain model in onnxruntime-web', () => {
  it('gives the trainer\'s scores (parity fixture)', async () => {
    const scores = await scorer.scoreHosts(parity.map((p) => p.host));
    parity.forEach((p, i) => expect(scores[i]).toBeCloseTo(p.score, 5));
  });

  it('flags phishing-shaped names with reasons and leaves well-known names alone', async () => {
    const bad = await scorer.score('uniswap.claim-rewards.xyz');
    expect(bad.flagged).toBe(true);
    expect(bad.reasons.length).toBeGreaterThan(0);
    expect(bad.reasons.map((r) => r.words).join(' ')).toMatch(/uniswap|bait|phishing/);
    for (const h of ['wikipedia.org', 'gmail.com', 'opensea.io', 'github.com']) expect((await scorer.score(h)).flagged, h).toBe(false);
  });
});
