// Sorts a call into the kinds of request that matter for phishing (PTXPhish's payload taxonomy:
// approvals, permits, operator approvals, payable bait functions) and reads the amount when there is
// one. It reads what the analysis' decoder made of the call (analysis/ethereum/decode), never the bytes again,
// except for two shape counts that describe the encoding itself (see summarizeCall).
import { bytesToHex, zeroAddress } from 'viem';
import type { DecodedCall } from '../analysis/ethereum/decode/abis.ts';
import type { CallAction } from '../analysis/ethereum/decode/actions.ts';
import { decodeCall } from '../analysis/ethereum/decode/calldata.ts';
import { SCAM_TYPICAL_FUNCTIONS } from '../analysis/ethereum/decode/scam-typical.ts';

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

/**
 * The kind of each decoded function the model knows, by the decoder's canonical signature. The model
 * was trained on exactly these: a function left out (SwapRouter02's exactInputSingle, aggregate3Value,
 * the scam-typical names added since) is `other` to it until it is retrained.
 */
export const KIND_BY_FUNCTION: ReadonlyMap<string, CallKind> = new Map<string, CallKind>([
  ['transfer(address,uint256)', 'token_transfer'],
  ['approve(address,uint256)', 'approve'],
  ['increaseAllowance(address,uint256)', 'approve'],
  ['approve(address,address,uint160,uint48)', 'approve'],
  ['setApprovalForAll(address,bool)', 'approval_for_all'],
  ['permit(address,address,uint256,uint256,uint8,bytes32,bytes32)', 'permit'],
  ['permit(address,((address,uint160,uint48,uint48),address,uint256),bytes)', 'permit'],
  ['transferFrom(address,address,uint256)', 'transfer_from'],
  ['safeTransferFrom(address,address,uint256)', 'transfer_from'],
  ['safeTransferFrom(address,address,uint256,bytes)', 'transfer_from'],
  ['safeTransferFrom(address,address,uint256,uint256,bytes)', 'transfer_from'],
  ['safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)', 'transfer_from'],
  ['deposit()', 'wrap'],
  ['mint(uint256)', 'mint'],
  ['mint(address,uint256)', 'mint'],
  ['multicall(bytes[])', 'multicall'],
  ['multicall(uint256,bytes[])', 'multicall'],
  ['aggregate((address,bytes)[])', 'multicall'],
  ['aggregate3((address,bool,bytes)[])', 'multicall'],
  ['tryAggregate(bool,(address,bytes)[])', 'multicall'],
  ['swapExactTokensForTokens(uint256,uint256,address[],address,uint256)', 'swap'],
  ['swapExactETHForTokens(uint256,address[],address,uint256)', 'swap'],
  ['swapExactTokensForETH(uint256,uint256,address[],address,uint256)', 'swap'],
  ['exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))', 'swap'],
  ['exactInput((bytes,address,uint256,uint256,uint256))', 'swap'],
  ['execute(bytes,bytes[],uint256)', 'swap'],
  ['execute(bytes,bytes[])', 'swap'],
  ...SCAM_TYPICAL_FUNCTIONS.flatMap((f): [string, CallKind][] =>
    'model' in f ? [[`${f.name}()`, f.model === 'bait' ? 'bait_function' : 'multicall']] : [],
  ),
]);

/**
 * Functions the model knows that the decoder does not read (it has nothing to say about them beyond
 * their name, and naming them would quiet its "unknown function" findings), matched on the selector the
 * decoder recorded: Permit2's permitTransferFrom, a Merkle airdrop's claim, Seaport's fulfillBasicOrder.
 */
export const KIND_BY_UNREAD_SELECTOR: ReadonlyMap<string, CallKind> = new Map<string, CallKind>([
  ['0x30f28b7a', 'permit'], // permitTransferFrom(((address,uint256),uint256,uint256),(address,uint256),address,bytes)
  ['0x2e7ba6ef', 'claim_with_proof'], // claim(uint256,address,uint256,bytes32[])
  ['0xfb0f3ee1', 'marketplace_order'], // fulfillBasicOrder((address,uint256,uint256,address,address,address,uint256,uint256,uint8,uint256,uint256,bytes32,uint256,bytes32,bytes32,uint256,(uint256,address)[],bytes))
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

/** The amount the model reads, from the decoded arguments (the amount an approval or transfer names). */
function amountOf(call: DecodedCall | undefined): bigint | null {
  if (call?.family === 'ERC-20') {
    if (call.functionName === 'transfer' || call.functionName === 'approve' || call.functionName === 'increaseAllowance') return call.args[1];
    if (call.functionName === 'transferFrom') return call.args[2];
    // EIP-2612's permit names a value; DAI's names only allowed or not.
    if (call.functionName === 'permit' && call.args.length === 7) return call.args[2];
  }
  if (call?.family === 'Permit2') {
    if (call.functionName === 'approve') return call.args[2];
    if (call.functionName === 'permit' && 'token' in call.args[1].details) return call.args[1].details.amount;
  }
  return null;
}

function grantsAllOf(call: DecodedCall | undefined): boolean {
  return call?.family === 'ERC-721/1155' && call.functionName === 'setApprovalForAll' && call.args[1];
}

/**
 * The features only look at the target's code, never at its address; the decoder needs an address to
 * name the token or contract an action is about, so the call is decoded as a call to this stand-in.
 */
const TARGET = zeroAddress;

/** The top-level call as the analysis' decoder reads it; undefined for a call without data. */
function decodeTopLevelCall(data: Uint8Array, value: bigint): CallAction | undefined {
  if (data.length === 0) return undefined;
  return decodeCall({ to: TARGET, value, data: bytesToHex(data) }, undefined, 'transaction').find(
    (a): a is CallAction => a.kind === 'call' && a.depth === 0,
  );
}

export function summarizeCall(data: Uint8Array, value: bigint): CallSummary {
  const call = decodeTopLevelCall(data, value);
  const selector = call?.selector;
  if (selector === undefined) return { kind: value > 0n ? 'native_transfer' : 'none', selector: null, amount: null, grantsAll: false, argWords: 0, addressWords: 0 };
  const kind = (call?.function && KIND_BY_FUNCTION.get(call.function.signature)) ?? KIND_BY_UNREAD_SELECTOR.get(selector) ?? 'other';
  return { kind, selector: Number(selector), amount: amountOf(call?.decoded), grantsAll: grantsAllOf(call?.decoded), ...argumentShape(data) };
}

/**
 * How many argument words the call data has and how many look like addresses. These count the
 * encoding itself, whatever function it is for (the model learned them on functions nobody decodes),
 * so they are the one part still read from the bytes: the decoded arguments cannot say what the words were.
 */
function argumentShape(data: Uint8Array): { argWords: number; addressWords: number } {
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
  return { argWords, addressWords };
}

/** Treats amounts at or above 2^128 (max uint256, Permit2's max uint160, and the like) as "unlimited". */
export const UNLIMITED_AMOUNT = 1n << 128n;
