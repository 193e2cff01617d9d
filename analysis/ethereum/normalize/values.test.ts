import { describe, expect, it } from 'vitest';
import { InputError, readAddress, readChainId, readHex, readQuantity } from './values';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

describe('readHex', () => {
  it('accepts missing 0x, any case and odd length, and says so', () => {
    const notes: string[] = [];
    expect(readHex('ABC', 'data', notes)).toBe('0x0abc');
    expect(notes).toEqual(['data has no 0x prefix', 'data has an odd number of hex digits']);
    expect(readHex('0XFF', 'data')).toBe('0xff');
  });
  it('rejects non-hex', () => {
    expect(() => readHex('0xzz', 'data')).toThrow(InputError);
    expect(() => readHex(12, 'data')).toThrow(InputError);
  });
});

describe('readChainId', () => {
  it.each([[1], ['1'], ['0x1'], ['0x01'], ['0x0000000000000001'], [1n]])('reads %s as 1', (v) => expect(readChainId(v)).toBe(1));
  it('rejects junk', () => expect(() => readChainId('one')).toThrow(InputError));
});

describe('readQuantity', () => {
  it('reads decimal strings, hex and numbers', () => {
    expect(readQuantity('1000000000000000000', 'v')).toBe(10n ** 18n);
    expect(readQuantity('0xde0b6b3a7640000', 'v')).toBe(10n ** 18n);
    expect(readQuantity('0x', 'v')).toBe(0n);
    expect(readQuantity(7, 'v')).toBe(7n);
  });
  it('rejects negative, fractional and over-wide numbers', () => {
    expect(() => readQuantity(-1, 'v')).toThrow();
    expect(() => readQuantity(1.5, 'v')).toThrow();
    expect(() => readQuantity(`0x1${'0'.repeat(64)}`, 'v')).toThrow();
  });
});

describe('readAddress', () => {
  it('checksums any case and accepts no 0x', () => {
    expect(readAddress(USDC.toLowerCase(), 'a')).toBe(USDC);
    expect(readAddress(USDC.toUpperCase().replace('0X', '0x'), 'a')).toBe(USDC);
    expect(readAddress(USDC.slice(2).toLowerCase(), 'a')).toBe(USDC);
  });
  it('accepts decimal integers and 32-byte padding', () => {
    expect(readAddress(BigInt(USDC).toString(10), 'a')).toBe(USDC);
    expect(readAddress(Number(1), 'a')).toBe('0x0000000000000000000000000000000000000001');
    expect(readAddress(`0x${'0'.repeat(24)}${USDC.slice(2)}`, 'a')).toBe(USDC);
  });
  it('notes a wrong checksum', () => {
    const notes: string[] = [];
    readAddress(USDC.replace('A0b8', 'a0B8'), 'spender', notes);
    expect(notes).toContain('spender has an invalid checksum');
  });
  it('rejects the wrong length', () => expect(() => readAddress('0x1234', 'a')).toThrow(InputError));
});
