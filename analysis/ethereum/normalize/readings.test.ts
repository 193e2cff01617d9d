import { describe, expect, it } from 'vitest';
import { addressDifference, bytesDifference, duplicateKeys, messageDifference, quantityDifference, shadowKeys } from './readings';

const values = (d: ReturnType<typeof quantityDifference>) => d?.readings.map((r) => r.value);

describe('quantityDifference', () => {
  it('shows the decimal and the hex reading of an all-digit string', () => {
    const d = quantityDifference('1000000000000000', 'transaction value', 'wei');
    expect(values(d)).toEqual(['1000000000000000', '1152921504606846976']);
    expect(d?.readings.map((r) => r.wei)).toEqual([10n ** 15n, 0x1000000000000000n]);
  });
  it('stays silent where every reader agrees', () => {
    for (const same of ['0', '7', '9', '00', '07', '0x10', '0X1f', ' 0x0 ', 'de0b6b3a7640000', 12, 10n, '', undefined, null]) expect(quantityDifference(same, 'v'), String(same)).toBeUndefined();
  });
  it('reads exponent and binary-looking text both as hex and as a JavaScript number', () => {
    expect(values(quantityDifference('1e18', 'v'))).toEqual([String(0x1e18), String(10n ** 18n)]);
    expect(values(quantityDifference('0b101', 'v'))).toEqual([String(0x0b101), '5']);
  });
});

describe('bytesDifference', () => {
  it('shows both ways to read odd-length data', () => {
    const d = bytesDifference('0x095ea7b30', 'data');
    expect(d?.readings.map((r) => r.data)).toEqual(['0x0095ea7b30', '0x095ea7b3']);
    expect(bytesDifference('abc', 'data')?.readings.map((r) => r.data)).toEqual(['0x0abc', '0xab']);
  });
  it('leaves even-length data and non-hex alone', () => {
    for (const same of ['0x', '0x095ea7b3', '095ea7b3', '0xzz1', 5]) expect(bytesDifference(same, 'data')).toBeUndefined();
  });
});

describe('messageDifference', () => {
  it('shows odd-length hex as padded bytes and as the text a wallet may sign', () => {
    expect(messageDifference('0xabc', 'message')?.readings.map((r) => r.data ?? r.value)).toEqual(['0x0abc', '"0xabc"']);
    expect(messageDifference('0xabcd', 'message')).toBeUndefined();
    expect(messageDifference('hello', 'message')).toBeUndefined();
    expect(messageDifference('abc', 'message')).toBeUndefined(); // text to every reader
  });
});

describe('addressDifference', () => {
  it('flags a 40-digit all-decimal address, which reads as hex or as a number', () => {
    const text = '1234567890'.repeat(4);
    expect(addressDifference(text, 'to')?.readings.map((r) => r.value)).toEqual([`0x${text}`, `0x${BigInt(text).toString(16).padStart(40, '0')}`]);
    expect(addressDifference('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', 'to')).toBeUndefined();
  });
});

describe('shadowKeys', () => {
  it('finds an own __proto__ from JSON.parse and names the fields an Object.assign copy would see', () => {
    const params = JSON.parse('[{"to":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","__proto__":{"value":"0x3635c9adc5dea00000","to":"0x1"}}]') as unknown;
    // What the wallet that copies with Object.assign ends up with, for the record:
    expect((Object.assign({}, (params as object[])[0]) as { value?: string }).value).toBe('0x3635c9adc5dea00000');
    const [d] = shadowKeys(params, 'params');
    expect(d).toMatchObject({ kind: 'prototype-key', where: 'params[0]' });
    expect(d!.readings[1]!.value).toContain('value = "0x3635c9adc5dea00000"');
    expect(d!.readings[1]!.value).not.toContain('to ='); // an own field wins over the prototype's
    expect(d!.readings[1]!.wei).toBe(1000n * 10n ** 18n);
  });
  it('finds constructor and prototype keys at any depth, and ignores objects built normally', () => {
    const found = shadowKeys(JSON.parse('{"a":[{"b":{"constructor":{"prototype":{"value":1}}}}]}'), 'params');
    expect(found.map((d) => [d.kind, d.where])).toEqual([
      ['shadow-key', 'params.a[0].b'],
      ['shadow-key', 'params.a[0].b.constructor'],
    ]);
    expect(shadowKeys([{ to: '0x1', value: '0x2', __proto__: { value: '0x3' } }], 'params')).toEqual([]); // a literal sets the prototype: no own key
  });
  it('survives cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(shadowKeys(cyclic, 'params')).toEqual([]);
  });
});

describe('duplicateKeys', () => {
  it('reports a key given twice with different values, last (JSON.parse) first', () => {
    const [d] = duplicateKeys('{"message":{"spender":"0xAAA","value":"1","spender":"0xBBB"}}', 'typed data');
    expect(d).toMatchObject({ kind: 'duplicate-key', where: 'typed data message.spender' });
    expect(d!.readings.map((r) => r.value)).toEqual(['"0xBBB"', '"0xAAA"']);
  });
  it('treats escaped spellings of a key as the same key, as JSON.parse does', () => {
    expect(duplicateKeys('{"spender":"0xA","\\u0073pender":"0xB"}', 'td')).toHaveLength(1);
  });
  it('ignores duplicates with the same value, keys in different objects, and braces inside strings', () => {
    expect(duplicateKeys('{"a": {"x": 1, "y": [1, 2]}, "a": {"x":1,"y":[1,2]}}', 'td')).toEqual([]);
    expect(duplicateKeys('{"a":{"k":1},"b":{"k":2},"c":[{"k":1},{"k":2}]}', 'td')).toEqual([]);
    expect(duplicateKeys('{"s":"}{\\"s\\":2,","t":"x"}', 'td')).toEqual([]);
  });
  it('names the path through arrays', () => {
    expect(duplicateKeys('{"items":[{"a":1},{"a":1,"a":2}]}', 'td').map((d) => d.where)).toEqual(['td items[1].a']);
  });
});
