import { encodeFunctionData, erc20Abi, parseAbi } from 'viem';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSentAddresses, recipientOf, rememberRecipient } from './sent-addresses';

const address = (i: number) => `0x${i.toString(16).padStart(40, '0')}`;
const send = (to: string) => ({ method: 'eth_sendTransaction', params: [{ to, value: '0x1' }] });

describe('rememberRecipient', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers every recipient of 50 sends made at once (one per tab)', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => rememberRecipient(send(address(i + 1)))));
    const { sentTo } = (await fakeBrowser.storage.local.get('sentTo')) as { sentTo: string[] };
    expect([...sentTo].sort()).toEqual(Array.from({ length: 50 }, (_, i) => address(i + 1)).sort());
    const history = await loadSentAddresses();
    expect([...history.list()]).toHaveLength(50);
    expect(history.has(address(37) as `0x${string}`)).toBe(true);
  });

  it('keeps the newest first and each address once', async () => {
    await rememberRecipient(send(address(1)));
    await Promise.all([rememberRecipient(send(address(2))), rememberRecipient(send(address(1)))]);
    const { sentTo } = (await fakeBrowser.storage.local.get('sentTo')) as { sentTo: string[] };
    expect(sentTo).toEqual([address(1), address(2)]);
  });

  it('a load sees what was remembered just before, and what another page wrote (kept in memory, never stale)', async () => {
    await rememberRecipient(send(address(7)));
    expect((await loadSentAddresses()).has(address(7) as `0x${string}`)).toBe(true);
    // Another writer (the history being cleared in the options page): the next load follows it.
    await fakeBrowser.storage.local.set({ sentTo: [address(9)] });
    const after = await loadSentAddresses();
    expect(after.has(address(7) as `0x${string}`)).toBe(false);
    expect(after.has(address(9) as `0x${string}`)).toBe(true);
  });
});

describe('recipientOf', () => {
  const token = '0x1111111111111111111111111111111111111111';
  const friend = '0xabcdef0000000000000000000000000000000001' as const;
  const call = (data: string, extra: object = {}) => ({ method: 'eth_sendTransaction', params: [{ to: token, data, ...extra }] });
  const transfer = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [friend, 5n] });

  it('reads the recipient of a coin send and of an ERC-20 transfer, in lower case', () => {
    expect(recipientOf({ method: 'eth_sendTransaction', params: [{ to: friend, value: '0x1' }] })).toBe(friend);
    expect(recipientOf(call(transfer))).toBe(friend);
    expect(recipientOf({ method: 'eth_sendTransaction', params: [{ to: token, input: transfer }] })).toBe(friend);
  });

  it('reads nothing from approvals, pulls, wrapped calls, other methods or a send of nothing', () => {
    expect(recipientOf(call(encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [friend, 5n] })))).toBeUndefined();
    expect(recipientOf(call(encodeFunctionData({ abi: erc20Abi, functionName: 'transferFrom', args: [friend, token, 5n] })))).toBeUndefined();
    const wrapped = encodeFunctionData({ abi: parseAbi(['function multicall(bytes[] data)']), functionName: 'multicall', args: [[transfer]] });
    expect(recipientOf(call(wrapped))).toBeUndefined();
    expect(recipientOf({ method: 'eth_signTransaction', params: [{ to: friend, value: '0x1' }] })).toBeUndefined();
    expect(recipientOf({ method: 'eth_sendTransaction', params: [{ to: friend, value: '0x0' }] })).toBeUndefined();
    expect(recipientOf(call(transfer.slice(0, 40)))).toBeUndefined();
  });

  it('reads a transferFrom out of the signer\'s own account as a send, and never throws on what it cannot read', () => {
    const me = '0x00000000000000000000000000000000000000e1' as const;
    const ownPull = encodeFunctionData({ abi: erc20Abi, functionName: 'transferFrom', args: [me, friend, 5n] });
    expect(recipientOf(call(ownPull, { from: me }))).toBe(friend);
    for (const params of [[{ to: 5, data: {} }], 'x', [null], [{ to: token, data: '0xzz' }]]) {
      expect(recipientOf({ method: 'eth_sendTransaction', params } as never)).toBeUndefined();
    }
  });
});
