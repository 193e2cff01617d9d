// Decodes a transaction's calldata into actions, following the wrappers that hide calls inside calls
// (multicall, Multicall3, smart-account batches, Safe and its MultiSend, Universal Router). Each
// function is read by its family (the files abis.ts lists); this file picks the family and keeps the frame: who the
// calls come from, how deep they are. Depth and count are capped: a request built to exhaust the
// decoder is reported, not followed forever.
import { isAddressEqual, type Address, type Hex } from 'viem';
import type { Action, CallAction } from './actions';
import { knownFunctions, SCAM_TYPICAL_FAMILY } from './abis';
import { MAX_NESTED_CALLS, MAX_NESTING, type CallInput, type CallScope, type SafeTransaction } from './call-family';
import { safeLibrary } from './safe';

export { MAX_NESTED_CALLS, MAX_NESTING, type CallInput, type SafeTransaction } from './call-family';

interface Frame {
  signer?: Address;
  where: string;
  depth: number;
  /** False inside Multicall3: the nested calls run as Multicall3, not as the signer. */
  actsAsSigner: boolean;
  /** The account the calls come from: the signer, or the Safe / smart account it acts through. */
  account?: Address;
  budget: { calls: number; truncated: boolean };
}

export function decodeCall(call: CallInput, signer: Address | undefined, where: string): Action[] {
  const out: Action[] = [];
  visit(call, { signer, where, depth: 0, actsAsSigner: true, account: signer, budget: { calls: 0, truncated: false } }, out);
  return out;
}

/**
 * The actions of one Safe transaction, whether sent through `execTransaction` or signed as EIP-712
 * `SafeTx` typed data (the way Safe{Wallet} collects the owners' signatures): its call runs as the Safe.
 */
export function decodeSafeTransaction(safe: Address, safeTx: SafeTransaction, signer: Address | undefined, where: string): Action[] {
  const out: Action[] = [];
  followSafeTransaction(safe, safeTx, 'SafeTx', { signer, where, depth: 0, actsAsSigner: true, account: safe, budget: { calls: 0, truncated: false } }, out);
  return out;
}

function followSafeTransaction(safe: Address, t: SafeTransaction, signature: string, frame: Frame, out: Action[]): void {
  const delegatecall = t.operation === 1;
  // Safe's own libraries (MultiSend, SignMessageLib, CreateCall, migrations) are what Safe{Wallet} delegatecalls.
  if (delegatecall && frame.actsAsSigner && !safeLibrary(t.to)) out.push({ kind: 'control', power: 'safe-delegatecall', subject: safe, grantee: t.to, by: safe, signature, where: frame.where });
  visit({ to: t.to, value: t.value, data: t.data, delegatecall }, { ...frame, depth: frame.depth + 1, account: safe, where: `${frame.where} › Safe transaction 1` }, out);
}

function visit(call: CallInput, frame: Frame, out: Action[]): void {
  if (frame.budget.calls++ >= MAX_NESTED_CALLS || frame.depth > MAX_NESTING) {
    frame.budget.truncated = true;
    out.push({ kind: 'call', to: call.to, value: call.value, data: call.data, depth: frame.depth, where: frame.where, functionName: undefined, family: 'too deep' });
    return;
  }
  const { to, value, data } = call;
  if (data === '0x') {
    if (to && value > 0n && frame.actsAsSigner) out.push({ kind: 'transfer', asset: 'native', to, amount: value, where: frame.where });
    if (!to || frame.depth > 0) out.push({ kind: 'call', to, value, data, depth: frame.depth, where: frame.where });
    return;
  }
  const action: CallAction = { kind: 'call', to, value, data, depth: frame.depth, where: frame.where, ...(call.delegatecall ? { delegatecall: true } : {}) };
  out.push(action);
  if (data.length < 10 || !to) return;
  action.selector = data.slice(0, 10) as Hex;
  const candidates = knownFunctions.get(action.selector);
  if (!candidates) return;
  for (const known of candidates) {
    const decoded = known.decoder.decode(data);
    if (!decoded) continue;
    action.function = known;
    action.decoded = decoded.call;
    action.signature = known.signature;
    action.functionName = known.abi.name;
    action.family = known.family;
    action.scamName = known.family === SCAM_TYPICAL_FAMILY;
    decoded.interpret(scopeOf(to, action, frame, out));
    return;
  }
  // Arguments that do not decode: the function is named, its arguments are not read.
  action.function = candidates[0];
  action.functionName = candidates[0]?.abi.name;
  action.family = candidates[0]?.family;
  action.signature = candidates[0]?.signature;
}

function scopeOf(to: Address, call: CallAction, frame: Frame, out: Action[]): CallScope {
  const where = frame.where;
  const mine = frame.actsAsSigner;
  return {
    to,
    call,
    where,
    account: frame.account,
    mine,
    push: (action) => out.push(action),
    // A change made as Multicall3 (or another stranger to the signer) is not the signer's to give.
    control: (change) => {
      if (mine) out.push({ kind: 'control', ...change, by: frame.account, signature: call.signature ?? '', where });
    },
    fromOther: (from) => (frame.signer && isAddressEqual(from, frame.signer) ? undefined : from),
    nested: (calls, how) =>
      calls.forEach((c, i) =>
        visit(
          c,
          { ...frame, depth: frame.depth + 1, actsAsSigner: mine && how.actsAsSigner, account: how.account ?? frame.account, where: `${where} › ${how.label} ${i + 1}` },
          out,
        ),
      ),
    safeTransaction: (safe, tx) => followSafeTransaction(safe, tx, call.signature ?? '', frame, out),
  };
}
