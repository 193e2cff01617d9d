import { hashTypedData } from 'viem';
import { describe, expect, it } from 'vitest';
import type { TypedDataInput } from './typed-data';
import { TypedStruct, readTypedInteger, typedDifferences } from './typed-message';

const types = { EIP712Domain: [{ name: 'name', type: 'string' }], M: [{ name: 'v', type: 'uint256' }, { name: 'small', type: 'uint8' }, { name: 'b', type: 'bool' }, { name: 'to', type: 'address' }] };
const td = (message: Record<string, unknown>): TypedDataInput => ({ types, primaryType: 'M', domain: { name: 'x' }, message });
const base = { v: '1000', small: '1', b: true, to: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' };
const hash = (message: Record<string, unknown>) => {
  try {
    return hashTypedData(td(message) as Parameters<typeof hashTypedData>[0]);
  } catch {
    return undefined;
  }
};

describe('readTypedInteger reads integers as viem hashes them', () => {
  // Each written form either reads as the number viem signs, or is refused where viem refuses it.
  const forms: unknown[] = ['1000', '0x3e8', '0X3E8', '0o1750', '0b1111101000', ' 1000 ', '1000\n', '\u00a01000', '+1000', '0001000', 1000, 1000n, '', '1e3', '3e8', '1_000', '1000.0', 1000.5, '-1000', '-0x1', '0x', null, ['1000'], { v: 1 }, '１０００'];
  it.each(forms.map((f) => [JSON.stringify(typeof f === 'bigint' ? `${f}n` : f), f]))('%s', (_label, form) => {
    const ours = readTypedInteger(form, 'uint256');
    const signed = hash({ ...base, v: form });
    if (ours === undefined) {
      // Refused by us: viem refuses it too, or reads it from a shape MetaMask refuses (an array).
      if (signed !== undefined) expect(Array.isArray(form)).toBe(true);
    } else {
      expect(signed).toBe(hash({ ...base, v: ours.toString() }));
    }
  });
  it('keeps to the declared width', () => {
    expect(readTypedInteger('255', 'uint8')).toBe(255n);
    expect(readTypedInteger('256', 'uint8')).toBeUndefined();
    expect(readTypedInteger('-128', 'int8')).toBe(-128n);
    expect(readTypedInteger((1n << 256n).toString(), 'uint256')).toBeUndefined();
    expect(hash({ ...base, small: '256' })).toBeUndefined();
  });
});

describe('TypedStruct', () => {
  const permit = (message: Record<string, unknown>): TypedDataInput => ({
    types: { Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'toString', type: 'uint256' }] },
    primaryType: 'Permit',
    domain: {},
    message,
  });
  it('reads declared fields only, never undeclared keys or inherited properties', () => {
    const m = TypedStruct.root(permit({ spender: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', value: '5', allowed: false }));
    expect(m.declares('allowed', 'bool')).toBe(false);
    expect(m.raw('allowed')).toBeUndefined();
    expect(m.raw('toString')).toBeUndefined(); // declared, missing: not Object.prototype.toString
    expect(m.uint('value')).toBe(5n);
  });
  it('reports an amount it cannot read and assumes the worst', () => {
    const unreadable: Parameters<typeof TypedStruct.root>[1] = [];
    const m = TypedStruct.root(permit({ value: 'ff' }), unreadable);
    expect(m.amount('value', 123n, 'unlimited')).toBe(123n);
    expect(m.amount('nonce', 0n, 'nothing')).toBeUndefined(); // not declared: nothing to assume
    expect(unreadable).toEqual([{ path: 'message.value', type: 'uint256', written: '"ff"', treatedAs: 'unlimited' }]);
  });
  it('reads bools as MetaMask signs them', () => {
    const m = TypedStruct.root({ types: { M: [{ name: 'b', type: 'bool' }] }, primaryType: 'M', domain: {}, message: { b: 'false' } });
    expect(m.bool('b')).toBe(true);
  });
});

describe('typedDifferences', () => {
  it('flags a bool whose text and signed value differ, and an address that is not 0x and 40 hex digits', () => {
    const found = typedDifferences(td({ ...base, b: 'false', to: '70997970c51812dc3a010c7d01b50e0d17dc79c8' }));
    expect(found.map((d) => [d.kind, d.where, d.readings[0]!.value])).toEqual([
      ['bool', 'typed data message.b', 'true'],
      ['address', 'typed data message.to', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
    ]);
  });
  it('is silent on values every signer reads alike', () => {
    expect(typedDifferences(td({ ...base, b: 1, v: '0x3e8' }))).toEqual([]);
    expect(typedDifferences(td({ ...base, b: false }))).toEqual([]);
  });
});
