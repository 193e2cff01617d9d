// Generated call data, after PTXPhish's taxonomy of phishing payloads (NDSS 2025) and its benign
// counterpart. Real payloads are not available offline (PTXPhish ships transaction hashes only), so every
// row here is synthetic. Of PTXPhish's kinds only the payable bait functions (788 airdrop, 806 wallet) are
// told apart by the code they call: an approval, permit or setApprovalForAll phish is an ordinary call to
// an ordinary token whose harm is in who receives it, which the rules say in words the user can check.
// Labelling those calls malicious here taught the earlier model that approvals are drainers; they are gone.
import { encodeFunctionData, maxUint256, parseAbi, type Hex } from 'viem';
import type { DataRow } from './dataset.ts';
import type { Rng } from './rng.ts';

export interface Target {
  bytecode: string;
  implementationBytecode?: string;
  source: string;
  group?: string;
}

export interface TargetPools {
  tokens: Target[];
  permitTokens: Target[];
  nfts: Target[];
  routers: { target: Target; kind: 'v2' | 'v3' | 'universal' | 'multicall' }[];
  weth: Target[];
  baitDrainers: { target: Target; functions: string[] }[];
  payableMints: Target[];
  merkleAirdrops: Target[];
  freeClaims: { target: Target; fn: 'claim' | 'claimRewards' }[];
  multicallPositions: Target[];
  safes: Target[];
}

const ABI = parseAbi([
  'function transfer(address,uint256)',
  'function approve(address,uint256)',
  'function increaseAllowance(address,uint256)',
  'function permit(address,address,uint256,uint256,uint8,bytes32,bytes32)',
  'function setApprovalForAll(address,bool)',
  'function swapExactTokensForTokens(uint256,uint256,address[],address,uint256)',
  'function swapExactETHForTokens(uint256,address[],address,uint256)',
  'function exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))',
  'function execute(bytes,bytes[],uint256)',
  'function multicall(bytes[])',
  'function deposit()',
  'function mint(uint256)',
  'function claim(uint256,address,uint256,bytes32[])',
  'function claim()',
  'function claimRewards()',
  'function execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)',
]);

const ETH = 10n ** 18n;

function address(rng: Rng): Hex {
  return `0x${rng.hex(20)}`;
}

function wei(rng: Rng, minMilliEth: number, maxMilliEth: number): bigint {
  const milli = minMilliEth + rng.next() * (maxMilliEth - minMilliEth);
  return (BigInt(Math.round(milli * 1000)) * ETH) / 1_000_000n;
}

function tokenAmount(rng: Rng): bigint {
  return BigInt(1 + rng.int(100_000)) * 10n ** BigInt(6 + rng.int(13));
}

function row(target: Target, calldata: Hex, value: bigint, label: 0 | 1, kind: string): DataRow {
  return {
    bytecode: target.bytecode,
    ...(target.implementationBytecode ? { implementationBytecode: target.implementationBytecode } : {}),
    calldata,
    value: value.toString(),
    label,
    source: `synthetic-call:${kind}`,
    date: null,
    synthetic: true,
    ...(target.group ? { group: target.group } : {}),
  };
}

export function phishingCalls(pools: TargetPools, rng: Rng): DataRow[] {
  const rows: DataRow[] = [];
  for (let i = 0; i < 300; i++) {
    const d = rng.pick(pools.baitDrainers);
    const fn = rng.pick(d.functions);
    const selectorAbi = parseAbi([`function ${fn}() payable`]);
    const calldata = encodeFunctionData({ abi: selectorAbi, functionName: fn as never });
    rows.push(row(d.target, calldata, wei(rng, 5, 3000), 1, 'phish-payable-bait'));
  }
  return rows;
}

export function benignCalls(pools: TargetPools, rng: Rng): DataRow[] {
  const rows: DataRow[] = [];
  for (let i = 0; i < 300; i++) {
    const t = rng.pick(pools.tokens);
    rows.push(row(t, encodeFunctionData({ abi: ABI, functionName: 'transfer', args: [address(rng), tokenAmount(rng)] }), 0n, 0, 'transfer'));
  }
  for (let i = 0; i < 220; i++) {
    const t = rng.pick(pools.tokens);
    const amount = rng.chance(0.6) ? maxUint256 : rng.chance(0.1) ? 0n : tokenAmount(rng);
    rows.push(row(t, encodeFunctionData({ abi: ABI, functionName: 'approve', args: [address(rng), amount] }), 0n, 0, 'approve-router'));
  }
  for (let i = 0; i < 60; i++) {
    const t = rng.pick(pools.permitTokens);
    const calldata = encodeFunctionData({
      abi: ABI,
      functionName: 'permit',
      args: [address(rng), address(rng), rng.chance(0.5) ? maxUint256 : tokenAmount(rng), BigInt(1_700_000_000 + rng.int(400_000_000)), 27 + rng.int(2), `0x${rng.hex(32)}`, `0x${rng.hex(32)}`],
    });
    rows.push(row(t, calldata, 0n, 0, 'permit-router'));
  }
  for (let i = 0; i < 90; i++) {
    const t = rng.pick(pools.nfts);
    const grant = rng.chance(0.8);
    const calldata = encodeFunctionData({ abi: ABI, functionName: 'setApprovalForAll', args: [address(rng), grant] });
    rows.push(row(t, calldata, 0n, 0, grant ? 'setApprovalForAll-marketplace' : 'setApprovalForAll-revoke'));
  }
  for (let i = 0; i < 220; i++) {
    const r = rng.pick(pools.routers);
    const me = address(rng);
    let calldata: Hex;
    let value = 0n;
    if (r.kind === 'v2') {
      if (rng.chance(0.5)) {
        value = wei(rng, 10, 5000);
        calldata = encodeFunctionData({ abi: ABI, functionName: 'swapExactETHForTokens', args: [tokenAmount(rng), [address(rng), address(rng)], me, BigInt(1_700_000_000 + rng.int(1e8))] });
      } else {
        calldata = encodeFunctionData({ abi: ABI, functionName: 'swapExactTokensForTokens', args: [tokenAmount(rng), tokenAmount(rng), [address(rng), address(rng)], me, BigInt(1_700_000_000 + rng.int(1e8))] });
      }
    } else if (r.kind === 'v3') {
      if (rng.chance(0.4)) value = wei(rng, 10, 5000);
      calldata = encodeFunctionData({ abi: ABI, functionName: 'exactInputSingle', args: [[address(rng), address(rng), 3000, me, BigInt(1_700_000_000 + rng.int(1e8)), tokenAmount(rng), tokenAmount(rng), 0n]] });
    } else if (r.kind === 'universal') {
      if (rng.chance(0.4)) value = wei(rng, 10, 5000);
      calldata = encodeFunctionData({ abi: ABI, functionName: 'execute', args: [`0x0b00`, [`0x${rng.hex(160)}`, `0x${rng.hex(320)}`], BigInt(1_700_000_000 + rng.int(1e8))] });
    } else {
      calldata = encodeFunctionData({ abi: ABI, functionName: 'multicall', args: [[`0x${rng.hex(4 + 32 * 6)}`, `0x${rng.hex(4 + 32 * 2)}`]] });
    }
    rows.push(row(r.target, calldata, value, 0, `swap-${r.kind}`));
  }
  for (let i = 0; i < 50; i++) {
    const t = rng.pick(pools.weth);
    rows.push(row(t, encodeFunctionData({ abi: ABI, functionName: 'deposit' }), wei(rng, 10, 20_000), 0, 'weth-deposit'));
  }
  for (let i = 0; i < 90; i++) {
    const t = rng.pick(pools.payableMints);
    const n = 1 + rng.int(5);
    rows.push(row(t, encodeFunctionData({ abi: ABI, functionName: 'mint', args: [BigInt(n)] }), BigInt(n) * 10n ** 16n, 0, 'payable-mint'));
  }
  for (let i = 0; i < 50; i++) {
    const t = rng.pick(pools.merkleAirdrops);
    const proof = Array.from({ length: 8 + rng.int(10) }, () => `0x${rng.hex(32)}` as Hex);
    rows.push(row(t, encodeFunctionData({ abi: ABI, functionName: 'claim', args: [BigInt(rng.int(50_000)), address(rng), tokenAmount(rng), proof] }), 0n, 0, 'merkle-claim'));
  }
  for (let i = 0; i < 60; i++) {
    const c = rng.pick(pools.freeClaims);
    rows.push(row(c.target, encodeFunctionData({ abi: ABI, functionName: c.fn }), 0n, 0, `free-${c.fn}`));
  }
  for (let i = 0; i < 150; i++) {
    const eoa: Target = { bytecode: '0x', source: 'eoa', group: `eoa-${i % 15}` };
    rows.push(row(eoa, '0x', wei(rng, 1, 10_000), 0, 'native-transfer'));
  }
  for (let i = 0; i < 50; i++) {
    const t = rng.pick(pools.multicallPositions);
    const calldata = encodeFunctionData({ abi: ABI, functionName: 'multicall', args: [[`0x${rng.hex(4 + 32 * 11)}`, `0x${rng.hex(4 + 32 * 1)}`]] });
    rows.push(row(t, calldata, rng.chance(0.4) ? wei(rng, 10, 3000) : 0n, 0, 'multicall-positions'));
  }
  for (let i = 0; i < 40; i++) {
    const t = rng.pick(pools.safes);
    const calldata = encodeFunctionData({
      abi: ABI,
      functionName: 'execTransaction',
      args: [address(rng), wei(rng, 0, 1000), '0x', 0, 0n, 0n, 0n, '0x0000000000000000000000000000000000000000', '0x0000000000000000000000000000000000000000', `0x${rng.hex(65 * 2)}`],
    });
    rows.push(row(t, calldata, 0n, 0, 'safe-exec'));
  }
  return rows;
}

export interface ProbePools {
  tokens: Target[];
  nfts: Target[];
  mints: Target[];
  bait: { target: Target; functions: string[] }[];
}

/** Requests to the probe contracts: the same kinds as above, on code the model never saw. */
export function probeCalls(pools: ProbePools, rng: Rng): DataRow[] {
  const rows: DataRow[] = [];
  const tag = (r: DataRow): DataRow => ({ ...r, source: r.source.replace('synthetic-call:', 'probe-call:') });
  for (let i = 0; i < 40; i++) {
    const d = rng.pick(pools.bait);
    const fn = rng.pick(d.functions);
    const calldata = encodeFunctionData({ abi: parseAbi([`function ${fn}() payable`]), functionName: fn as never });
    rows.push(tag(row(d.target, calldata, wei(rng, 5, 3000), 1, 'phish-payable-bait')));
  }
  for (let i = 0; i < 20; i++) {
    const t = rng.pick(pools.tokens);
    rows.push(tag(row(t, encodeFunctionData({ abi: ABI, functionName: 'approve', args: [address(rng), maxUint256] }), 0n, 0, 'approve-router')));
    rows.push(tag(row(t, encodeFunctionData({ abi: ABI, functionName: 'transfer', args: [address(rng), tokenAmount(rng)] }), 0n, 0, 'transfer')));
  }
  for (let i = 0; i < 20; i++) {
    const n = 1 + rng.int(3);
    rows.push(tag(row(rng.pick(pools.mints), encodeFunctionData({ abi: ABI, functionName: 'mint', args: [BigInt(n)] }), BigInt(n) * 5n * 10n ** 16n, 0, 'payable-mint')));
    const nft = rng.pick(pools.nfts);
    rows.push(tag(row(nft, encodeFunctionData({ abi: ABI, functionName: 'setApprovalForAll', args: [address(rng), true] }), 0n, 0, 'setApprovalForAll-marketplace')));
  }
  return rows;
}
