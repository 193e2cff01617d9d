// Sorts call data into the kinds of request that matter for phishing (PTXPhish's payload taxonomy:
// approvals, permits, operator approvals, payable bait functions) and reads the amount when there is one.
import { CALL_SELECTORS, MULTICALL_SELECTORS, SCAM_BAIT_SELECTORS, SWAP_SELECTORS } from './selectors.ts';

export const CALL_KINDS = [
  'none', // no call data and no value
  'native_transfer', // value with empty call data
  'token_transfer',
  'approve',
  'approval_for_all',
  'permit',
  'transfer_from',
  'multicall',
  'swap',
  'mint',
  'claim_with_proof',
  'bait_function', // argument-less Claim()/SecurityUpdate()-style function
  'marketplace_order',
  'wrap',
  'other',
] as const;

export type CallKind = (typeof CALL_KINDS)[number];

const C = CALL_SELECTORS;
const KIND_BY_SELECTOR: ReadonlyMap<number, CallKind> = new Map<number, CallKind>([
  [C.transfer.selector, 'token_transfer'],
  [C.approve.selector, 'approve'],
  [C.increaseAllowance.selector, 'approve'],
  [C.permit2Approve.selector, 'approve'],
  [C.setApprovalForAll.selector, 'approval_for_all'],
  [C.permit.selector, 'permit'],
  [C.permit2PermitSingle.selector, 'permit'],
  [C.permit2PermitTransferFrom.selector, 'permit'],
  [C.transferFrom.selector, 'transfer_from'],
  [C.safeTransferFrom721.selector, 'transfer_from'],
  [C.safeTransferFrom721Data.selector, 'transfer_from'],
  [C.safeTransferFrom1155.selector, 'transfer_from'],
  [C.safeBatchTransferFrom1155.selector, 'transfer_from'],
  [C.wethDeposit.selector, 'wrap'],
  [C.mint.selector, 'mint'],
  [C.mintTo.selector, 'mint'],
  [C.merkleClaim.selector, 'claim_with_proof'],
  [C.seaportFulfillBasic.selector, 'marketplace_order'],
  ...MULTICALL_SELECTORS.map((x) => [x.selector, 'multicall'] as [number, CallKind]),
  ...SWAP_SELECTORS.map((x) => [x.selector, 'swap'] as [number, CallKind]),
  ...SCAM_BAIT_SELECTORS.map((x) => [x.selector, 'bait_function'] as [number, CallKind]),
]);

export interface CallSummary {
  kind: CallKind;
  selector: number | null;
  /** The amount argument of approvals, permits and transfers, when the call has one. */
  amount: bigint | null;
  /** setApprovalForAll(operator, true). */
  grantsAll: boolean;
  /** Number of 32-byte argument words. */
  argWords: number;
  /** Argument words that look like addresses (12 zero bytes then a non-zero 20-byte value). */
  addressWords: number;
}

function word(data: Uint8Array, index: number): bigint | null {
  const from = 4 + index * 32;
  if (from + 32 > data.length) return null;
  let v = 0n;
  for (let i = from; i < from + 32; i++) v = (v << 8n) | BigInt(data[i]!);
  return v;
}

// Which argument word holds the amount, per selector.
const AMOUNT_WORD: ReadonlyMap<number, number> = new Map([
  [C.transfer.selector, 1],
  [C.approve.selector, 1],
  [C.increaseAllowance.selector, 1],
  [C.permit2Approve.selector, 2],
  [C.permit.selector, 2],
  [C.permit2PermitSingle.selector, 2],
  [C.transferFrom.selector, 2],
]);

export function summarizeCall(data: Uint8Array, value: bigint): CallSummary {
  if (data.length < 4) {
    return {
      kind: value > 0n ? 'native_transfer' : 'none',
      selector: null,
      amount: null,
      grantsAll: false,
      argWords: 0,
      addressWords: 0,
    };
  }
  const selector = ((data[0]! << 24) | (data[1]! << 16) | (data[2]! << 8) | data[3]!) >>> 0;
  const argWords = Math.floor((data.length - 4) / 32);
  let addressWords = 0;
  for (let w = 0; w < argWords; w++) {
    const from = 4 + w * 32;
    let leadingZero = true;
    for (let i = from; i < from + 12 && leadingZero; i++) leadingZero = data[i] === 0;
    if (!leadingZero) continue;
    let nonZeroHigh = 0;
    for (let i = from + 12; i < from + 16; i++) nonZeroHigh |= data[i]!;
    // Small integers also have 12 leading zero bytes; an address almost always has a non-zero byte in
    // its first four.
    if (nonZeroHigh !== 0) addressWords++;
  }
  const amountIndex = AMOUNT_WORD.get(selector);
  const amount = amountIndex === undefined ? null : word(data, amountIndex);
  const grantsAll = selector === C.setApprovalForAll.selector && word(data, 1) === 1n;
  return {
    kind: KIND_BY_SELECTOR.get(selector) ?? 'other',
    selector,
    amount,
    grantsAll,
    argWords,
    addressWords,
  };
}

/** Treats amounts at or above 2^128 (max uint256, Permit2's max uint160, and the like) as "unlimited". */
export const UNLIMITED_AMOUNT = 1n << 128n;
