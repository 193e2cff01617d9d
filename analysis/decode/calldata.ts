// Decodes a transaction's calldata into actions, following the wrappers that hide calls inside calls
// (multicall, Multicall3, smart-account batches, Safe and its MultiSend, Universal Router). Depth and
// count are capped: a request built to exhaust the decoder is reported, not followed forever.
import { decodeFunctionData, getAddress, isAddressEqual, numberToHex, zeroAddress, type Address, type Hex } from 'viem';
import { isUnlimitedAmount, type Action, type CallAction, type ControlAction } from './actions';
import { knownFunctions, SCAM_TYPICAL_FAMILY, type KnownFunction } from './abis';
import { decodeMultiSend, safeLibrary } from './safe';
import { decodeUniversalRouter } from './universal-router';

export const MAX_NESTING = 4;
export const MAX_NESTED_CALLS = 128;

export interface CallInput {
  to?: Address;
  value: bigint;
  data: Hex;
  /** Runs the callee's code as the calling account (a Safe transaction with operation 1). */
  delegatecall?: boolean;
}

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

export interface SafeTransaction {
  to: Address;
  value: bigint;
  data: Hex;
  /** 0 call, 1 delegatecall. */
  operation: number;
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
    let args: readonly unknown[];
    try {
      args = decodeFunctionData({ abi: [known.abi], data }).args ?? [];
    } catch {
      continue;
    }
    action.signature = known.signature;
    action.functionName = known.abi.name;
    action.family = known.family;
    action.scamName = known.family === SCAM_TYPICAL_FAMILY;
    interpret(known, args, to, frame, out, action);
    return;
  }
  action.functionName = candidates[0]?.abi.name;
  action.family = candidates[0]?.family;
  action.signature = candidates[0]?.signature;
}

/** Turns one decoded call into the actions the rules judge. `args` shapes follow abis.ts. */
function interpret(known: KnownFunction, args: readonly unknown[], to: Address, frame: Frame, out: Action[], call: CallAction): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shapes are fixed by the signatures in abis.ts
  const a = args as any[];
  const where = frame.where;
  /** `account`: who the nested calls come from; unchanged for calls a contract makes into itself. */
  const nested = (calls: CallInput[], actsAsSigner: boolean, label: string, account = frame.account) => {
    calls.forEach((c, i) =>
      visit(c, { ...frame, depth: frame.depth + 1, actsAsSigner: frame.actsAsSigner && actsAsSigner, account, where: `${where} › ${label} ${i + 1}` }, out),
    );
  };
  const mine = frame.actsAsSigner;
  const fromOther = (from: Address) => (frame.signer && isAddressEqual(from, frame.signer) ? undefined : from);
  const sig = known.signature;
  // A change made as Multicall3 (or another stranger to the signer) is not the signer's to give.
  const control = (c: Omit<ControlAction, 'kind' | 'signature' | 'where' | 'by'>) => {
    if (mine) out.push({ kind: 'control', ...c, by: frame.account, signature: sig, where });
  };
  switch (known.family) {
    case 'ERC-20':
      if (!mine) return;
      if (sig === 'transfer(address,uint256)') out.push({ kind: 'transfer', asset: 'token', token: to, to: a[0], amount: a[1], where });
      else if (sig === 'transferFrom(address,address,uint256)') out.push({ kind: 'transfer', asset: 'token', token: to, from: fromOther(a[0]), to: a[1], amount: a[2], where });
      else if (sig === 'approve(address,uint256)' || sig === 'increaseAllowance(address,uint256)')
        out.push({
          kind: 'approval',
          standard: known.abi.name === 'approve' ? 'approve' : 'increaseAllowance',
          token: to,
          spender: a[0],
          amount: a[1],
          unlimited: isUnlimitedAmount(a[1]),
          revokes: known.abi.name === 'approve' && a[1] === 0n,
          signature: false,
          where,
        });
      return;
    case 'ERC-721/1155':
      if (!mine) return;
      if (known.abi.name === 'setApprovalForAll')
        out.push({ kind: 'approval', standard: 'setApprovalForAll', token: to, spender: a[0], unlimited: a[1] === true, revokes: a[1] === false, signature: false, where });
      else if (known.abi.name === 'safeTransferFrom' && a.length >= 5)
        out.push({ kind: 'transfer', asset: 'erc1155', token: to, from: fromOther(a[0]), to: a[1], tokenId: a[2], amount: a[3], where });
      else if (known.abi.name === 'safeTransferFrom') out.push({ kind: 'transfer', asset: 'erc721', token: to, from: fromOther(a[0]), to: a[1], tokenId: a[2], where });
      else if (known.abi.name === 'safeBatchTransferFrom')
        (a[2] as bigint[]).forEach((id, i) =>
          out.push({ kind: 'transfer', asset: 'erc1155', token: to, from: fromOther(a[0]), to: a[1], tokenId: id, amount: (a[3] as bigint[])[i], where }),
        );
      return;
    case 'Permit2':
      if (!mine) return;
      if (sig === 'approve(address,address,uint160,uint48)')
        out.push({ kind: 'approval', standard: 'permit2-approve', token: a[0], spender: a[1], amount: a[2], unlimited: isUnlimitedAmount(a[2]), revokes: a[2] === 0n, expiresAt: BigInt(a[3]), signature: false, where });
      else if (known.abi.name === 'permit') {
        const permit = a[1];
        const details = Array.isArray(permit.details) ? permit.details : [permit.details];
        for (const d of details)
          out.push({ kind: 'approval', standard: 'permit2-single', token: d.token, spender: permit.spender, amount: d.amount, unlimited: isUnlimitedAmount(d.amount), revokes: d.amount === 0n, expiresAt: BigInt(d.expiration), signature: false, where });
      } else if (sig === 'transferFrom(address,address,uint160,address)')
        out.push({ kind: 'transfer', asset: 'token', token: a[3], from: fromOther(a[0]), to: a[1], amount: a[2], where });
      else if (known.abi.name === 'transferFrom')
        for (const d of a[0] as Array<{ from: Address; to: Address; amount: bigint; token: Address }>)
          out.push({ kind: 'transfer', asset: 'token', token: d.token, from: fromOther(d.from), to: d.to, amount: d.amount, where });
      return;
    case 'Uniswap V2 router': {
      const recipient = known.abi.inputs.findIndex((p) => p.name === 'to');
      if (recipient >= 0) out.push({ kind: 'payout', protocol: 'Uniswap V2 router', recipient: a[recipient], where });
      return;
    }
    case 'Uniswap V3 router': {
      const params = a[0];
      if (params && typeof params === 'object' && 'recipient' in params) out.push({ kind: 'payout', protocol: 'Uniswap V3 router', recipient: params.recipient, where });
      else if (known.abi.name === 'unwrapWETH9' && a[1]) out.push({ kind: 'payout', protocol: 'Uniswap V3 router', recipient: a[1], where });
      else if (known.abi.name === 'sweepToken') out.push({ kind: 'payout', protocol: 'Uniswap V3 router', recipient: a[2], where });
      else if (known.abi.name === 'swapExactTokensForTokens' || known.abi.name === 'swapTokensForExactTokens')
        out.push({ kind: 'payout', protocol: 'Uniswap V3 router', recipient: a[3], where });
      return;
    }
    case 'Uniswap Universal Router': {
      const decoded = decodeUniversalRouter(a[0], a[1], where);
      if (mine) out.push(...decoded.actions);
      call.signature = `${call.signature} [${decoded.names.join(', ')}]`;
      return;
    }
    case 'Multicall':
      // Router multicalls delegatecall into themselves: nested calls keep the signer as sender.
      nested((a[a.length - 1] as Hex[]).map((data) => ({ to, value: 0n, data })), true, 'multicall');
      return;
    case 'Multicall3': {
      const calls = known.abi.name === 'tryAggregate' ? a[1] : a[0];
      nested(
        (calls as Array<{ target: Address; callData: Hex; value?: bigint }>).map((c) => ({ to: c.target, value: c.value ?? 0n, data: c.callData })),
        false,
        'Multicall3 call',
        to,
      );
      return;
    }
    case 'Smart account':
      if (known.abi.name === 'execute') nested([{ to: a[0], value: a[1], data: a[2] }], true, 'execute', to);
      else if (known.abi.name === 'execTransaction') {
        followSafeTransaction(to, { to: a[0], value: a[1], data: a[2], operation: Number(a[3]) }, sig, frame, out);
      } else if (sig === 'executeBatch(address[],uint256[],bytes[])')
        nested((a[0] as Address[]).map((dest, i) => ({ to: dest, value: (a[1] as bigint[])[i] ?? 0n, data: (a[2] as Hex[])[i] ?? '0x' })), true, 'batch call', to);
      else nested((a[0] as Array<{ target: Address; value: bigint; data: Hex }>).map((c) => ({ to: c.target, value: c.value, data: c.data })), true, 'batch call', to);
      return;
    case 'Safe MultiSend': {
      // Only a delegatecall runs the batch as the Safe; a plain call runs it as the MultiSend contract.
      // A look-alike at another address was reported above as a delegatecall to an unknown contract.
      if (!call.delegatecall || !safeLibrary(to)) return;
      const { transactions, complete } = decodeMultiSend(a[0], MAX_NESTED_CALLS);
      if (!complete) control({ power: 'safe-delegatecall', subject: frame.account ?? to, grantee: to, unreadable: true });
      const self = frame.account ?? to;
      nested(transactions.map((t) => ({ to: BigInt(t.to) === 0n ? self : t.to, value: t.value, data: t.data, delegatecall: t.operation === 1 })), true, 'MultiSend call');
      for (const t of transactions) if (t.operation === 1 && !safeLibrary(t.to)) control({ power: 'safe-delegatecall', subject: self, grantee: t.to });
      return;
    }
    case 'Ownable':
      if (known.abi.name === 'transferOwnership') control({ power: 'ownership', subject: to, grantee: a[0] });
      else if (known.abi.name === 'renounceOwnership') control({ power: 'renounce-ownership', subject: to });
      else control({ power: 'accept-ownership', subject: to, grantee: frame.account });
      return;
    case 'Wyvern proxy':
      control({ power: 'ownership', subject: to, grantee: a[0] });
      return;
    case 'Upgradeable proxy':
      if (known.abi.name === 'changeAdmin') control({ power: 'proxy-admin', subject: to, grantee: a[0] });
      else control({ power: 'upgrade', subject: to, grantee: a[0], ...(a[1] !== undefined ? { initData: a[1] } : {}) });
      return;
    case 'ProxyAdmin':
      if (known.abi.name === 'changeProxyAdmin') control({ power: 'proxy-admin', subject: a[0], grantee: a[1] });
      else control({ power: 'upgrade', subject: a[0], grantee: a[1], ...(a[2] !== undefined ? { initData: a[2] } : {}) });
      return;
    case 'AccessControl':
      if (known.abi.name === 'grantRole') control({ power: 'role', subject: to, role: a[0], grantee: a[1] });
      else if (known.abi.name === 'renounceRole') control({ power: 'renounce-role', subject: to, role: a[0], removed: a[1] });
      else if (known.abi.name === 'beginDefaultAdminTransfer') control({ power: 'role', subject: to, role: DEFAULT_ADMIN_ROLE, grantee: a[0] });
      else control({ power: 'accept-ownership', subject: to, role: DEFAULT_ADMIN_ROLE, grantee: frame.account });
      return;
    case 'Safe settings':
      switch (known.abi.name) {
        case 'addOwnerWithThreshold':
          return control({ power: 'safe-add-owner', subject: to, grantee: a[0], threshold: a[1] });
        case 'removeOwner':
          return control({ power: 'safe-remove-owner', subject: to, removed: a[1], threshold: a[2] });
        case 'swapOwner':
          return control({ power: 'safe-swap-owner', subject: to, removed: a[1], grantee: a[2] });
        case 'changeThreshold':
          return control({ power: 'safe-threshold', subject: to, threshold: a[0] });
        case 'enableModule':
          return control({ power: 'safe-module', subject: to, grantee: a[0] });
        case 'setFallbackHandler':
          return control({ power: 'safe-fallback', subject: to, ...nonZero(a[0]) });
        default:
          return control({ power: 'safe-guard', subject: to, ...nonZero(a[0]) });
      }
    case 'ENS':
      if (known.abi.name === 'reclaim') control({ power: 'ens-manager', subject: to, name: numberToHex(a[0], { size: 32 }), grantee: a[1] });
      else control({ power: 'ownership', subject: to, name: a[0], grantee: a[1] });
      return;
    case '1inch router': {
      const desc = a[1] as { dstReceiver: Address };
      if (BigInt(desc.dstReceiver) !== 0n) out.push({ kind: 'payout', protocol: '1inch router', recipient: getAddress(desc.dstReceiver), where });
      return;
    }
    default:
      return;
  }
}

const DEFAULT_ADMIN_ROLE: Hex = `0x${'00'.repeat(32)}`;

/** Setting a guard or handler to zero removes it: nobody receives anything. */
function nonZero(address: Address): { grantee?: Address } {
  return isAddressEqual(address, zeroAddress) ? {} : { grantee: address };
}
