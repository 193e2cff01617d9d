// Addresses the user has sent assets to, remembered locally so the analysis can spot a look-alike
// planted by address poisoning. Never leaves the machine.
import { browser } from '#imports';
import { createMemoryHistory, type AddressHistory } from '../../analysis/ethereum/context/history';
import { decodeRequest } from '../../analysis/ethereum/decode';
import { normalizeRequest } from '../../analysis/ethereum/normalize/request';
import type { WalletRequest } from '../../analysis/types';
import { createBatchWriter } from '../../common/serial-writes';
import { storageCopy } from './storage-copy';

const KEY = 'sentTo';
const MAX = 1000;

// The stored list as this worker last saw it (storage-copy.ts): this worker's writes set it at once; any
// other writer's reach it through storage.onChanged.
const stored = storageCopy(
  () => browser.storage.local.get(KEY).then((found) => (found[KEY] as string[] | undefined) ?? []),
  (changes) => (KEY in changes ? { value: (changes[KEY]!.newValue as string[] | undefined) ?? [] } : undefined),
);

export async function loadSentAddresses(): Promise<AddressHistory> {
  return createMemoryHistory(await stored.get());
}

/**
 * The recipient of a plain coin or ERC-20 transfer out of the signer's own account (a `transfer`, or a
 * `transferFrom` whose owner is the signer), if that is what the request is, as the analysis' decoder
 * reads it. A send of nothing moves nothing, so it is not remembered. Undefined for anything the
 * decoder cannot read: remembering is bookkeeping and must never fail a decision.
 */
export function recipientOf(request: WalletRequest): string | undefined {
  if (request.method !== 'eth_sendTransaction') return undefined;
  try {
    const normalized = normalizeRequest(request).request;
    if (normalized?.kind !== 'transaction') return undefined;
    const sent = decodeRequest(normalized, normalized.tx.from).find(
      (a) => a.kind === 'transfer' && a.where === 'transaction' && a.from === undefined && (a.asset === 'native' || a.asset === 'token'),
    );
    return sent?.kind === 'transfer' ? sent.to.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Puts the batch's recipients first (newest first), once each, in one read-modify-write. */
async function writeRecipients(batch: string[]): Promise<void> {
  const found = await browser.storage.local.get(KEY);
  const newest = [...new Set([...batch].reverse())];
  const list = ((found[KEY] as string[] | undefined) ?? []).filter((a) => !newest.includes(a));
  const next = [...newest, ...list].slice(0, MAX);
  await browser.storage.local.set({ [KEY]: next });
  stored.set(next);
}

// Concurrent sends (several tabs) must each land: separate read-modify-writes would drop all but one.
// Sends come one after another as fast as they are answered; gathered for a moment, they share a write.
const remember = createBatchWriter(writeRecipients, { gatherMs: 200 });

export async function rememberRecipient(request: WalletRequest): Promise<void> {
  const to = recipientOf(request);
  if (!to || !/^0x[0-9a-f]{40}$/.test(to)) return;
  await remember(to);
}
