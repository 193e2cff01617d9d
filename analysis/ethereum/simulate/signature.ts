// What a signature authorizes, read from the decoded message. Nothing moves when it is signed; the
// changes happen when someone submits it, so every amount is an upper bound the submitter chooses.
import type { Address } from 'viem';
import type { ChainReader } from '../context/chain-reader';
import type { ActionOf, Action, OrderItem } from '../decode/actions';
import { describe } from './changes';
import type { ApprovalChange, AssetChange, SimulatedAsset, SimulationResult } from './types';

/** Undefined when the actions hold no permit or order (nothing for this step to say). */
export async function signatureChanges(actions: readonly Action[], signer: Address | undefined, reader: ChainReader | undefined, chainId: number | undefined): Promise<SimulationResult | undefined> {
  const permits = actions.filter((a): a is ActionOf<'approval'> => a.kind === 'approval' && a.signature);
  const orders = actions.filter((a): a is ActionOf<'order'> => a.kind === 'order');
  if (permits.length === 0 && orders.length === 0) return undefined;

  const base: SimulationResult = { outcome: 'success', when: 'on-submit', via: 'signature', signer, targets: [], changes: [], movements: [], approvals: [], parties: {}, notes: [] };
  if (orders.some((o) => o.blind)) {
    return { ...base, outcome: 'unavailable', reason: 'the signature covers a batch of orders by their fingerprint (a Merkle root); what they trade cannot be read from the message' };
  }
  const owner = signer ?? orders.find((o) => o.signer)?.signer;
  if (!owner) return { ...base, outcome: 'unavailable', reason: 'the signer is not known' };

  const changes: AssetChange[] = [];
  const approvals: ApprovalChange[] = [];
  for (const p of permits) {
    if (p.revokes) {
      approvals.push({ owner, token: p.token, spender: p.spender, scope: p.amount === undefined ? 'all' : 'amount', unlimited: false, revokes: true });
      continue;
    }
    const asset: SimulatedAsset = { kind: 'erc20', token: p.token };
    const amount = p.amount ?? 0n;
    const flags = p.unlimited || p.amount === undefined ? { upTo: true, unlimited: true } : { upTo: true };
    changes.push({ party: owner, asset, amount: (-amount).toString(), display: '', ...flags });
    changes.push({ party: p.spender, asset, amount: amount.toString(), display: '', ...flags });
    // A Permit2 signature transfer is a one-time pull, not a standing allowance.
    if (p.standard !== 'permit2-transfer') {
      approvals.push({ owner, token: p.token, spender: p.spender, scope: p.amount === undefined ? 'all' : 'amount', ...(p.amount !== undefined ? { amount: p.amount.toString() } : {}), unlimited: p.unlimited, revokes: false });
    }
  }
  for (const o of orders) {
    const maker = o.signer ?? owner;
    for (const item of o.gives) changes.push(orderChange(maker, item, -1n));
    for (const item of o.receives) changes.push(orderChange(maker, item, 1n));
    for (const item of o.paysOthers) changes.push(orderChange(item.recipient, item, 1n));
    if (o.verifyingContract) base.targets.push(o.verifyingContract);
  }
  const described = await describe({ changes, movements: [], approvals }, reader, chainId);
  return {
    ...base,
    changes: described.changes,
    approvals: described.approvals,
    parties: described.parties,
    notes: ['Nothing moves when you sign; these changes happen when someone submits the signature, as long as it is valid.', ...described.notes],
  };
}

function orderChange(party: Address, item: OrderItem, sign: 1n | -1n): AssetChange {
  const kind = item.asset === 'native' ? 'native' : item.asset === 'erc721' ? 'erc721' : item.asset === 'erc1155' ? 'erc1155' : 'erc20';
  const asset: SimulatedAsset = { kind, ...(item.token ? { token: item.token } : {}), ...(item.tokenId !== undefined && !item.anyTokenId ? { tokenId: item.tokenId.toString() } : {}) };
  // Orders name exact amounts (Seaport end amounts); an auction can only move them down.
  return { party, asset, amount: (sign * item.amount).toString(), display: '', upTo: true };
}
