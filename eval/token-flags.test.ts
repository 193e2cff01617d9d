import { describe, expect, it } from 'vitest';
import { evaluateTokenFlags, runtimeFromCreation } from './token-flags';
import { sharedDataPresent } from './sources';

describe('token-flags evaluation', () => {
  it('cuts creation code at the seam where the constructor returns the runtime', () => {
    const constructor = '6080604052348015600f57600080fd5b50603f80601d6000396000f3fe';
    expect(runtimeFromCreation(`0x${constructor}6080604052600080fd`)).toBe('6080604052600080fd');
    expect(runtimeFromCreation('0x6080604052600080fd')).toBeUndefined();
  });

  it.skipIf(!sharedDataPresent())('prints its tables from the shared data', { timeout: 60_000 }, () => {
    const { markdown } = evaluateTokenFlags();
    expect(markdown.some((l) => l.startsWith('| Mint | mint |'))).toBe(true);
    expect(markdown.some((l) => l.startsWith('| mint | mint |'))).toBe(true);
  });
});
