// Addresses the user has sent assets to, remembered locally so the analysis can spot a look-alike
// planted by address poisoning. Never leaves the machine.
import { browser } from '#imports';
import { createMemoryHistory, type AddressHistory } from '../analysis/context/history';
import type { WalletRequest } from '../analysis/types';
import { createBatchWriter } from './serial-writes';

const KEY = 'sentTo';
const MAX = 1000;
const TRANSFER = '0xa9059cbb';

export async function loadSentAddresses(): Promise<AddressHistory> {
  const found = await browser.storage.local.get(KEY);
  return createMemoryHistory((found[KEY] as string[] | undefined) ?? []);
}

/** The recipient of a plain ETH or ERC-20 transfer, if that is what the request is. */
export function recipientOf(request: WalletRequest): string | undefined {
  if (request.method !== 'eth_sendTransaction' || !Array.isArray(request.params)) return undefined;
  const tx = request.params[0] as { to?: unknown; data?: unknown; input?: unknown } | undefined;
  const data = typeof tx?.data === 'string' ? tx.data : typeof tx?.input === 'string' ? tx.input : '0x';
  if ((data === '0x' || data === '') && typeof tx?.to === 'string') return tx.to.toLowerCase();
  if (data.toLowerCase().startsWith(TRANSFER) && data.length >= 74) return `0x${data.slice(34, 74)}`.toLowerCase();
  return undefined;
}

/** Puts the batch's recipients first (newest first), once each, in one read-modify-write. */
async function writeRecipients(batch: string[]): Promise<void> {
  const found = await browser.storage.local.get(KEY);
  const newest = [...new Set([...batch].reverse())];
  const list = ((found[KEY] as string[] | undefined) ?? []).filter((a) => !newest.includes(a));
  await browser.storage.local.set({ [KEY]: [...newest, ...list].slice(0, MAX) });
}

// Concurrent sends (several tabs) must each land: separate read-modify-writes would drop all but one.
const remember = createBatchWriter(writeRecipients);

export async function rememberRecipient(request: WalletRequest): Promise<void> {
  const to = recipientOf(request);
  if (!to || !/^0x[0-9a-f]{40}$/.test(to)) return;
  await remember(to);
}
