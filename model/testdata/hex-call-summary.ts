// The contract model's call features as they were read from the raw call data before the decoder's
// actions fed them (model/calldata.ts until issue 17), frozen here so calldata.parity.test.ts can show
// that the features read from decoded actions are the same ones the shipped model was trained on.
// Test data, not product code: nothing outside that test imports it, and it is never changed to follow
// calldata.ts (the duplicate lines are the point).
import type { CallKind } from '../calldata.ts';

interface KnownSelector {
  selector: number;
  signature: string;
}

const s = (selector: number, signature: string): KnownSelector => ({ selector, signature });

const MULTICALL_SELECTORS = [
  s(0xac9650d8, 'multicall(bytes[])'),
  s(0x5ae401dc, 'multicall(uint256,bytes[])'),
  s(0x252dba42, 'aggregate((address,bytes)[])'),
  s(0x82ad56cb, 'aggregate3((address,bool,bytes)[])'),
  s(0xbce38bd7, 'tryAggregate(bool,(address,bytes)[])'),
  s(0x9cad7b18, 'Multicall()'),
];

const SCAM_BAIT_SELECTORS = [
  s(0x3158952e, 'Claim()'),
  s(0x4e71d92d, 'claim()'),
  s(0x79372f9a, 'ClaimReward()'),
  s(0x12798972, 'ClaimRewards()'),
  s(0x372500ab, 'claimRewards()'),
  s(0xb88a802f, 'claimReward()'),
  s(0xb9a9d3d0, 'ClaimAirdrop()'),
  s(0x5b88349d, 'claimAirdrop()'),
  s(0x5fba79f5, 'SecurityUpdate()'),
  s(0xaf347b61, 'securityUpdate()'),
  s(0xa16f15c3, 'Connect()'),
  s(0x948cb719, 'connect()'),
  s(0xb9d2d32c, 'Execute()'),
  s(0x3884d635, 'airdrop()'),
  s(0x3f6b6f2e, 'Airdrop()'),
  s(0x143087ee, 'Verify()'),
  s(0x34c73884, 'Mint()'),
  s(0x9c9316c5, 'NetworkMerge()'),
  s(0xa3907d71, 'enable()'),
];

const CALL_SELECTORS = {
  transfer: s(0xa9059cbb, 'transfer(address,uint256)'),
  approve: s(0x095ea7b3, 'approve(address,uint256)'),
  increaseAllowance: s(0x39509351, 'increaseAllowance(address,uint256)'),
  transferFrom: s(0x23b872dd, 'transferFrom(address,address,uint256)'),
  safeTransferFrom721: s(0x42842e0e, 'safeTransferFrom(address,address,uint256)'),
  safeTransferFrom721Data: s(0xb88d4fde, 'safeTransferFrom(address,address,uint256,bytes)'),
  safeTransferFrom1155: s(0xf242432a, 'safeTransferFrom(address,address,uint256,uint256,bytes)'),
  safeBatchTransferFrom1155: s(0x2eb2c2d6, 'safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)'),
  setApprovalForAll: s(0xa22cb465, 'setApprovalForAll(address,bool)'),
  permit: s(0xd505accf, 'permit(address,address,uint256,uint256,uint8,bytes32,bytes32)'),
  permit2Approve: s(0x87517c45, 'approve(address,address,uint160,uint48)'),
  permit2PermitSingle: s(0x2b67b570, 'permit(address,((address,uint160,uint48,uint48),address,uint256),bytes)'),
  permit2PermitTransferFrom: s(0x30f28b7a, 'permitTransferFrom(((address,uint256),uint256,uint256),(address,uint256),address,bytes)'),
  wethDeposit: s(0xd0e30db0, 'deposit()'),
  mint: s(0xa0712d68, 'mint(uint256)'),
  mintTo: s(0x40c10f19, 'mint(address,uint256)'),
  merkleClaim: s(0x2e7ba6ef, 'claim(uint256,address,uint256,bytes32[])'),
  seaportFulfillBasic: s(
    0xfb0f3ee1,
    'fulfillBasicOrder((address,uint256,uint256,address,address,address,uint256,uint256,uint8,uint256,uint256,bytes32,uint256,bytes32,bytes32,uint256,(uint256,address)[],bytes))',
  ),
} as const;

const SWAP_SELECTORS = [
  s(0x38ed1739, 'swapExactTokensForTokens(uint256,uint256,address[],address,uint256)'),
  s(0x7ff36ab5, 'swapExactETHForTokens(uint256,address[],address,uint256)'),
  s(0x18cbafe5, 'swapExactTokensForETH(uint256,uint256,address[],address,uint256)'),
  s(0x414bf389, 'exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))'),
  s(0xc04b8d59, 'exactInput((bytes,address,uint256,uint256,uint256))'),
  s(0x3593564c, 'execute(bytes,bytes[],uint256)'),
  s(0x24856bc3, 'execute(bytes,bytes[])'),
];

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

export function summarizeCallFromHex(data: Uint8Array, value: bigint): CallSummary {
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


export const HEX_PATH_SELECTORS: readonly KnownSelector[] = [...MULTICALL_SELECTORS, ...SCAM_BAIT_SELECTORS, ...Object.values(CALL_SELECTORS), ...SWAP_SELECTORS];
