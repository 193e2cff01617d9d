// Ordinary calls to a real contract, made from its own dispatcher: what a user's wallet would send it
// (a token transfer or approval, an NFT transfer, a grant or revoke of an operator, one of its other
// functions, sometimes with ETH). Both classes get calls from this one generator, so a call's shape
// says nothing about the label by itself: a malicious contract's calls are malicious because of its
// code (an approval of a rug-pull token, ETH into a Ponzi's invest function), a benign one's are not.
// Rows carry the contract's label, family and group; the code is real, the call is made here.
import { encodeFunctionData, maxUint256, parseAbi, type Hex } from 'viem';
import { hexToBytes } from '../../analysis/ethereum/evm.ts';
import { scanCode } from '../features.ts';
import type { DataRow } from './dataset.ts';
import type { Rng } from './rng.ts';

const ABI = parseAbi([
  'function transfer(address,uint256)',
  'function approve(address,uint256)',
  'function transferFrom(address,address,uint256)',
  'function setApprovalForAll(address,bool)',
  'function safeTransferFrom(address,address,uint256)',
]);

const SELECTOR = { transfer: 0xa9059cbb, approve: 0x095ea7b3, transferFrom: 0x23b872dd, setApprovalForAll: 0xa22cb465, safeTransferFrom: 0x42842e0e, ownerOf: 0x6352211e, allowance: 0xdd62ed3e } as const;

const address = (rng: Rng): Hex => `0x${rng.hex(20)}`;
const amount = (rng: Rng) => BigInt(1 + rng.int(100_000)) * 10n ** BigInt(rng.int(19));
const tokenId = (rng: Rng) => BigInt(rng.chance(0.5) ? rng.int(10_000) : rng.int(2 ** 31));
const wei = (rng: Rng) => BigInt(1 + rng.int(5000)) * 10n ** 15n;

function word(rng: Rng): string {
  if (rng.chance(0.4)) return rng.hex(20).padStart(64, '0');
  return BigInt(rng.int(2 ** 31)).toString(16).padStart(64, '0');
}

/** One call a wallet might send to this code; undefined when the code has no function to call. */
function oneCall(selectors: Set<number>, rng: Rng): { calldata: Hex; value: bigint; kind: string } | undefined {
  const collection = selectors.has(SELECTOR.ownerOf) && !selectors.has(SELECTOR.allowance);
  const options: (() => { calldata: Hex; value: bigint; kind: string })[] = [];
  if (selectors.has(SELECTOR.transfer)) options.push(() => ({ calldata: encodeFunctionData({ abi: ABI, functionName: 'transfer', args: [address(rng), amount(rng)] }), value: 0n, kind: 'transfer' }));
  if (selectors.has(SELECTOR.approve)) {
    options.push(() => {
      const x = collection ? tokenId(rng) : rng.chance(0.5) ? maxUint256 : rng.chance(0.2) ? 0n : amount(rng);
      return { calldata: encodeFunctionData({ abi: ABI, functionName: 'approve', args: [address(rng), x] }), value: 0n, kind: 'approve' };
    });
  }
  if (selectors.has(SELECTOR.transferFrom)) {
    options.push(() => ({ calldata: encodeFunctionData({ abi: ABI, functionName: 'transferFrom', args: [address(rng), address(rng), collection ? tokenId(rng) : amount(rng)] }), value: 0n, kind: 'transferFrom' }));
  }
  if (selectors.has(SELECTOR.setApprovalForAll)) {
    options.push(() => {
      const grant = rng.chance(0.6);
      return { calldata: encodeFunctionData({ abi: ABI, functionName: 'setApprovalForAll', args: [address(rng), grant] }), value: 0n, kind: grant ? 'setApprovalForAll' : 'revokeAll' };
    });
  }
  if (selectors.has(SELECTOR.safeTransferFrom)) options.push(() => ({ calldata: encodeFunctionData({ abi: ABI, functionName: 'safeTransferFrom', args: [address(rng), address(rng), tokenId(rng)] }), value: 0n, kind: 'safeTransferFrom' }));
  const others = [...selectors].filter((s) => !Object.values(SELECTOR).includes(s as never));
  if (others.length) {
    options.push(() => {
      const sel = rng.pick(others).toString(16).padStart(8, '0');
      const args = Array.from({ length: rng.int(4) }, () => word(rng)).join('');
      return { calldata: `0x${sel}${args}`, value: rng.chance(0.35) ? wei(rng) : 0n, kind: 'function' };
    });
  }
  // Plain ETH to the contract (its fallback), as a Ponzi's or a honeypot's victims send it.
  options.push(() => ({ calldata: '0x', value: wei(rng), kind: 'ether' }));
  return rng.pick(options)();
}

/** Up to `count` distinct ordinary calls to the contract of `row` (a contract row), with its label and group. */
export function ordinaryCalls(row: DataRow, count: number, rng: Rng): DataRow[] {
  const code = hexToBytes(row.implementationBytecode && row.implementationBytecode !== '0x' ? row.implementationBytecode : row.bytecode);
  if (code.length === 0) return [];
  const { selectors } = scanCode(code);
  const out: DataRow[] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < count && tries < count * 3; tries++) {
    const call = oneCall(selectors, rng);
    if (!call || seen.has(call.kind)) continue;
    seen.add(call.kind);
    out.push({ ...row, calldata: call.calldata, value: call.value.toString(), source: `ordinary-call:${call.kind}:${row.source}`, group: row.group ?? `code:${row.source}` });
  }
  return out;
}
