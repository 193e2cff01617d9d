import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSentAddresses, rememberRecipient } from './sent-addresses';

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
});
