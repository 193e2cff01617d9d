// The call features now read the decoder's actions; the shipped model was trained on features read
// from the raw bytes (testdata/hex-call-summary.ts, the old path kept as the reference). Over every
// call shape the training data has (train/synth-calls.ts) and every call in the analysis' fixtures,
// both must read the same call, so the model sees the same vectors.
import { encodeFunctionData, maxUint256, parseAbi, toFunctionSelector, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { knownFunctions } from '../analysis/ethereum/decode/abis.ts';
import { benign, malicious } from '../analysis/ethereum/fixtures/requests.ts';
import { edgeCases } from '../analysis/ethereum/fixtures/edge-cases.ts';
import { KIND_BY_FUNCTION, KIND_BY_UNREAD_SELECTOR, summarizeCall } from './calldata.ts';
import { hexToBytes } from '../analysis/ethereum/evm.ts';
import { HEX_PATH_SELECTORS, summarizeCallFromHex } from './testdata/hex-call-summary.ts';
import { createRng } from './train/rng.ts';
import { benignCalls, phishingCalls, probeCalls, type Target, type TargetPools } from './train/synth-calls.ts';

interface Shape {
  calldata: string;
  value: bigint;
  from: string;
}

const target = (source: string): Target => ({ bytecode: '0x6080', source });

function trainingShapes(seed: number): Shape[] {
  const t = target('t');
  const pools: TargetPools = {
    tokens: [t],
    permitTokens: [t],
    nfts: [t],
    routers: (['v2', 'v3', 'universal', 'multicall'] as const).map((kind) => ({ target: t, kind })),
    weth: [t],
    // Every bait name the dataset builder (train/build-dataset.ts) gives its drainers.
    baitDrainers: [{ target: t, functions: ['Claim', 'ClaimReward', 'ClaimRewards', 'claim', 'SecurityUpdate', 'Connect', 'NetworkMerge', 'Verify', 'ClaimAirdrop', 'connect', 'claimRewards'] }],
    payableMints: [t],
    merkleAirdrops: [t],
    freeClaims: [
      { target: t, fn: 'claim' },
      { target: t, fn: 'claimRewards' },
    ],
    multicallPositions: [t],
    safes: [t],
  };
  const rng = createRng(seed);
  const rows = [
    ...phishingCalls(pools, rng),
    ...benignCalls(pools, rng),
    ...probeCalls({ tokens: [t], nfts: [t], mints: [t], bait: pools.baitDrainers }, rng),
  ];
  return rows.map((r) => ({ calldata: r.calldata, value: BigInt(r.value), from: r.source }));
}

/** Every transaction-shaped object (call data under `data` or `input`) anywhere in a fixture's request. */
function fixtureShapes(): Shape[] {
  const out: Shape[] = [];
  const walk = (x: unknown, from: string) => {
    if (Array.isArray(x)) return x.forEach((y) => walk(y, from));
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    const data = typeof o.data === 'string' ? o.data : typeof o.input === 'string' ? o.input : undefined;
    if (data !== undefined && /^0x([0-9a-fA-F]{2})*$/.test(data)) {
      let value = 0n;
      try {
        value = typeof o.value === 'string' || typeof o.value === 'bigint' ? BigInt(o.value) : 0n;
      } catch {
        // an unreadable value is the normalizer's business; the call data is still a shape
      }
      if (value >= 0n) out.push({ calldata: data, value, from });
    }
    Object.values(o).forEach((y) => walk(y, from));
  };
  for (const f of [...benign, ...malicious, ...edgeCases]) walk(f.input.request, f.name);
  return out;
}

function expectSameReading(shapes: Shape[]) {
  expect(shapes.length).toBeGreaterThan(0);
  for (const s of shapes) {
    const bytes = hexToBytes(s.calldata);
    expect(summarizeCall(bytes, s.value), `${s.from}: ${s.calldata.slice(0, 74)}`).toEqual(summarizeCallFromHex(bytes, s.value));
  }
}

describe('call features from decoded actions', () => {
  it.each([1, 2, 3])('read every training call shape as the raw-bytes path did (seed %i)', (seed) => {
    const shapes = trainingShapes(seed);
    expect(new Set(shapes.map((s) => summarizeCall(hexToBytes(s.calldata), s.value).kind)).size).toBeGreaterThanOrEqual(11);
    expectSameReading(shapes);
  });

  it('read every call in the analysis fixtures as the raw-bytes path did', () => {
    expectSameReading(fixtureShapes());
  });

  it('read every function the model knows, well encoded, as the raw-bytes path did', () => {
    const rng = createRng(7);
    const shapes: Shape[] = [];
    const abi = parseAbi([
      'function approve(address,address,uint160,uint48)',
      'function permit(address,((address,uint160,uint48,uint48),address,uint256),bytes)',
      'function transferFrom(address,address,uint256)',
      'function safeTransferFrom(address,address,uint256)',
      'function safeTransferFrom(address,address,uint256,bytes)',
      'function safeTransferFrom(address,address,uint256,uint256,bytes)',
      'function safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)',
      'function mint(address,uint256)',
      'function multicall(uint256,bytes[])',
      'function aggregate((address,bytes)[])',
      'function aggregate3((address,bool,bytes)[])',
      'function tryAggregate(bool,(address,bytes)[])',
      'function swapExactTokensForETH(uint256,uint256,address[],address,uint256)',
      'function exactInput((bytes,address,uint256,uint256,uint256))',
      'function execute(bytes,bytes[])',
      'function setApprovalForAll(address,bool)',
      'function exactInputSingle((address,address,uint24,address,uint256,uint160))',
    ]);
    const a = () => `0x${rng.hex(20)}` as Hex;
    const amount = () => (rng.chance(0.5) ? maxUint256 >> BigInt(96 + rng.int(2) * 64) : BigInt(rng.int(1e9)));
    for (let i = 0; i < 20; i++) {
      const encoded = [
        encodeFunctionData({ abi, functionName: 'approve', args: [a(), a(), amount() & ((1n << 160n) - 1n), rng.int(2 ** 40)] }),
        encodeFunctionData({ abi, functionName: 'permit', args: [a(), [[a(), amount() & ((1n << 160n) - 1n), rng.int(2 ** 40), rng.int(100)], a(), 1n], '0x1234'] }),
        encodeFunctionData({ abi, functionName: 'transferFrom', args: [a(), a(), amount()] }),
        encodeFunctionData({ abi, functionName: 'safeTransferFrom', args: [a(), a(), 7n] }),
        encodeFunctionData({ abi, functionName: 'safeTransferFrom', args: [a(), a(), 7n, '0x'] }),
        encodeFunctionData({ abi, functionName: 'safeTransferFrom', args: [a(), a(), 7n, amount(), '0x'] }),
        encodeFunctionData({ abi, functionName: 'safeBatchTransferFrom', args: [a(), a(), [1n, 2n], [3n, 4n], '0x'] }),
        encodeFunctionData({ abi, functionName: 'mint', args: [a(), 3n] }),
        encodeFunctionData({ abi, functionName: 'multicall', args: [1n, ['0x12345678']] }),
        encodeFunctionData({ abi, functionName: 'aggregate', args: [[[a(), '0x']]] }),
        encodeFunctionData({ abi, functionName: 'aggregate3', args: [[[a(), true, '0x']]] }),
        encodeFunctionData({ abi, functionName: 'tryAggregate', args: [false, [[a(), '0x']]] }),
        encodeFunctionData({ abi, functionName: 'swapExactTokensForETH', args: [1n, 2n, [a()], a(), 3n] }),
        encodeFunctionData({ abi, functionName: 'exactInput', args: [['0x', a(), 1n, 2n, 3n]] }),
        encodeFunctionData({ abi, functionName: 'execute', args: ['0x0b', ['0x']] }),
        encodeFunctionData({ abi, functionName: 'setApprovalForAll', args: [a(), rng.chance(0.5)] }),
        // SwapRouter02's exactInputSingle: a swap to us, but `other` to the model, as it was in training.
        encodeFunctionData({ abi, functionName: 'exactInputSingle', args: [[a(), a(), 500, a(), 1n, 0n]] }),
        // The three the decoder does not read, with any arguments.
        `0x30f28b7a${rng.hex(32 * 9)}`,
        `0x2e7ba6ef${rng.hex(32 * 6)}`,
        `0xfb0f3ee1${rng.hex(32 * 20)}`,
        // Drainer names the model does not know yet, and one it files as a multicall.
        encodeFunctionData({ abi: parseAbi(['function Activate() payable', 'function Multicall() payable']), functionName: rng.chance(0.5) ? 'Activate' : 'Multicall' }),
        // An unknown function, short data, nothing.
        `0xdeadbeef${rng.hex(32 * rng.int(4))}`,
        `0x${rng.hex(1 + rng.int(3))}`,
        '0x',
      ];
      for (const calldata of encoded) shapes.push({ calldata, value: rng.chance(0.5) ? BigInt(rng.int(1e9)) : 0n, from: 'encoded' });
    }
    expectSameReading(shapes);
  });

  it('differs from the raw-bytes path only where the decoder cannot read the arguments, and then only in the amount', () => {
    // An approve whose amount is there but whose arguments stop short of what the function takes.
    const truncated = hexToBytes(`0xd505accf${'00'.repeat(12)}${'11'.repeat(20)}${'00'.repeat(12)}${'22'.repeat(20)}${'ff'.repeat(32)}`);
    const fromHex = summarizeCallFromHex(truncated, 0n);
    expect(summarizeCall(truncated, 0n)).toEqual({ ...fromHex, amount: null });
  });

  it('names only functions the decoder knows, and matches by selector only functions it does not', () => {
    const signatures = new Set([...knownFunctions.values()].flat().map((k) => k.signature));
    expect([...KIND_BY_FUNCTION.keys()].filter((s) => !signatures.has(s))).toEqual([]);
    for (const selector of KIND_BY_UNREAD_SELECTOR.keys()) expect(knownFunctions.has(selector as Hex)).toBe(false);
  });

  it('keeps the hard-coded selectors of the raw-bytes reference right', () => {
    for (const x of HEX_PATH_SELECTORS) expect(Number(toFunctionSelector(x.signature)), x.signature).toBe(x.selector);
  });
});
