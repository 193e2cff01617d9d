import { describe, expect, it } from 'vitest';
import { encodeHashedSet, readHashedSet } from './hashed-set';

describe('hashed set', () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => `site-${i}.example`);
  const set = readHashedSet(encodeHashedSet(keys));

  it('finds every key it was built from', () => {
    expect(set.size).toBe(keys.length);
    expect(keys.every((k) => set.has(k))).toBe(true);
  });

  it('rarely claims a key it was not built from', () => {
    let false_ = 0;
    for (let i = 0; i < 200_000; i++) if (set.has(`other-${i}.example`)) false_++;
    expect(false_).toBeLessThanOrEqual(2); // expected ≈ 0.05 at 2.4e-7 per lookup
  });

  it('takes about three bytes per key', () => {
    expect(set.bytes / keys.length).toBeLessThan(3.5);
  });

  it('handles the empty set and rejects damaged files', () => {
    expect(readHashedSet(encodeHashedSet([])).has('x')).toBe(false);
    const bytes = encodeHashedSet(keys);
    expect(() => readHashedSet(bytes.slice(0, bytes.length - 1))).toThrow();
    expect(() => readHashedSet(new Uint8Array(20))).toThrow();
  });
});
