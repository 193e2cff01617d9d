import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { encodeFunctionData, maxUint256, parseAbi, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { codeLengthWithoutMetadata, familyNormalizedCode, FeatureInputError, hexToBytes } from '../analysis/ethereum/evm.ts';
import { extractFeatures, FEATURE_COUNT, FEATURE_NAMES, featureIndex, scanCode } from './features.ts';
import { REASON_GROUPS } from './feature-words.ts';
import { detectProxy } from '../analysis/ethereum/context/proxy.ts';
import { MULTICALL_SELECTORS, SCAM_BAIT_SELECTORS, STANDARDS, WITHDRAW_SELECTORS } from './selectors.ts';

const require = createRequire(import.meta.url);

/** Deployed bytecode of a compiled artifact shipped by an npm package (hardhat, truffle or waffle layout). */
function artifactCode(path: string): string {
  const json = JSON.parse(readFileSync(require.resolve(path), 'utf8')) as {
    deployedBytecode?: string;
    evm?: { deployedBytecode?: { object?: string } };
  };
  const hex = json.deployedBytecode ?? json.evm?.deployedBytecode?.object ?? '';
  return hex.startsWith('0x') ? hex : `0x${hex}`;
}

const WETH9 = artifactCode('canonical-weth/build/contracts/WETH9.json');
const UNI_V2_PAIR = artifactCode('@uniswap/v2-core/build/UniswapV2Pair.json');
const ERC1967_PROXY = artifactCode('@openzeppelin/contracts/build/contracts/ERC1967Proxy.json');
const BEACON_PROXY = artifactCode('@openzeppelin/contracts/build/contracts/BeaconProxy.json');
const SAFE_PROXY = artifactCode('@safe-global/safe-smart-account/build/artifacts/contracts/proxies/SafeProxy.sol/SafeProxy.json');
const selectorsOf = (hex: string) => scanCode(hexToBytes(hex)).selectors;
const f = (v: Float32Array, name: string) => v[featureIndex(name)];

describe('opcode parsing', () => {
  it('skips PUSH data, so an operand byte equal to an opcode is not counted', () => {
    // PUSH1 0xf1, PUSH32 <32 × 0xf4>, then a real GAS CALL.
    const code = `0x60f17f${'f4'.repeat(32)}5af1`;
    const v = extractFeatures({ bytecode: code, calldata: '0x', value: 0 });
    expect(f(v, 'uses:DELEGATECALL')).toBe(0);
    expect(f(v, 'uses:CALL')).toBe(1);
    expect(f(v, 'instruction_count_log2')).toBeCloseTo(Math.log2(1 + 4));
    expect(f(v, 'pair_share:GAS>CALL')).toBeCloseTo(1 / 4);
  });

  it('treats a PUSH whose data runs past the end as ending the code', () => {
    expect(() => extractFeatures({ bytecode: '0x7f0102', calldata: '0x', value: 0 })).not.toThrow();
  });

  it('gives a vector of fixed length with a name per entry', () => {
    expect(FEATURE_NAMES.length).toBe(FEATURE_COUNT);
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_COUNT);
    expect(extractFeatures({ bytecode: WETH9, calldata: '0x', value: 0 }).length).toBe(FEATURE_COUNT);
  });

  it('covers every feature with exactly one reason group', () => {
    const seen = REASON_GROUPS.flatMap((g) => g.indices).sort((a, b) => a - b);
    expect(seen).toEqual([...Array(FEATURE_COUNT).keys()]);
  });
});

describe('dispatcher selectors', () => {
  it('finds the ERC-20 functions of WETH9 (solc 0.4)', () => {
    const sels = selectorsOf(WETH9);
    for (const x of STANDARDS.erc20) expect(sels.has(x.selector)).toBe(true);
    expect(sels.has(Number(toFunctionSelector('deposit()')))).toBe(true);
    expect(sels.size).toBe(11);
  });

  it('finds the pair functions of UniswapV2Pair (solc 0.5) and no binary-search pivots', () => {
    const sels = selectorsOf(UNI_V2_PAIR);
    expect(sels.has(Number(toFunctionSelector('swap(uint256,uint256,address,bytes)')))).toBe(true);
    expect(sels.has(Number(toFunctionSelector('getReserves()')))).toBe(true);
    const abi = JSON.parse(readFileSync(require.resolve('@uniswap/v2-core/build/UniswapV2Pair.json'), 'utf8')).abi as { type: string }[];
    const functions = abi.filter((x) => x.type === 'function').length;
    expect(sels.size).toBe(functions);
  });

  it('scores the ERC-20 share of a real token as complete', () => {
    const v = extractFeatures({ bytecode: WETH9, calldata: '0x', value: 0 });
    expect(f(v, 'std:erc20')).toBe(1);
    expect(f(v, 'std:erc721')).toBe(0);
    expect(f(v, 'selector_count')).toBe(11);
  });

  it('has correct hard-coded selectors', () => {
    const all = [
      ...Object.values(STANDARDS).flat(),
      ...MULTICALL_SELECTORS,
      ...SCAM_BAIT_SELECTORS,
      ...WITHDRAW_SELECTORS,
    ];
    for (const x of all) expect(Number(toFunctionSelector(x.signature)), x.signature).toBe(x.selector);
  });
});

describe('metadata tail', () => {
  it('strips solc 0.4 bzzr0 metadata from WETH9', () => {
    const code = hexToBytes(WETH9);
    const end = codeLengthWithoutMetadata(code);
    expect(code.length - end).toBe(0x29 + 2);
    expect(code[end]).toBe(0xa1);
  });

  it('strips ipfs+solc metadata from an OpenZeppelin 5 artifact', () => {
    const code = hexToBytes(ERC1967_PROXY);
    const end = codeLengthWithoutMetadata(code);
    expect(code.length - end).toBe(0x33 + 2);
    expect(code[end]).toBe(0xa2);
  });

  it('leaves code without a tail alone', () => {
    expect(codeLengthWithoutMetadata(hexToBytes('0x5af1'))).toBe(2);
  });

  it('maps two builds that differ only in immutables and metadata hash to one family', () => {
    const a = hexToBytes(BEACON_PROXY);
    const b = a.slice();
    const push32 = b.indexOf(0x7f);
    b.fill(0xab, push32 + 1, push32 + 33); // another immutable (the beacon address)
    const inTail = codeLengthWithoutMetadata(b) + 10;
    b[inTail] = b[inTail]! ^ 0xff; // another metadata hash
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(false);
    expect(Buffer.from(familyNormalizedCode(b)).equals(Buffer.from(familyNormalizedCode(a)))).toBe(true);
  });
});

describe('proxies', () => {
  const impl = 'bebebebebebebebebebebebebebebebebebebebe';
  const clone = `0x363d3d373d3d3d363d73${impl}5af43d82803e903d91602b57fd5bf3`;

  it('detects an EIP-1167 clone and reads its implementation', () => {
    expect(detectProxy(hexToBytes(clone))).toEqual({ kind: 'eip1167', implementation: `0x${impl}` });
  });

  it('detects a vanity EIP-1167 clone with a shortened address', () => {
    const short = `0x363d3d373d3d3d363d6f${impl.slice(8)}5af43d82803e903d91602b57fd5bf3`;
    expect(detectProxy(hexToBytes(short)).implementation).toBe(`0x00000000${impl.slice(8)}`);
  });

  it('detects an EIP-7702 delegation designator', () => {
    expect(detectProxy(hexToBytes(`0xef0100${impl}`))).toEqual({ kind: 'eip7702', implementation: `0x${impl}` });
  });

  it('detects real proxies from OpenZeppelin and Safe', () => {
    expect(detectProxy(hexToBytes(ERC1967_PROXY)).kind).toBe('eip1967');
    expect(detectProxy(hexToBytes(BEACON_PROXY)).kind).toBe('delegating');
    expect(detectProxy(hexToBytes(SAFE_PROXY)).kind).toBe('safe');
    expect(detectProxy(hexToBytes(WETH9)).kind).toBe('none');
  });

  it('scores the implementation when its code is supplied', () => {
    const unresolved = extractFeatures({ bytecode: clone, calldata: '0x', value: 0 });
    const resolved = extractFeatures({ bytecode: clone, implementationBytecode: WETH9, calldata: '0x', value: 0 });
    expect(f(unresolved, 'proxy:minimal_clone')).toBe(1);
    expect(f(unresolved, 'std:erc20')).toBe(0);
    expect(f(resolved, 'proxy:minimal_clone')).toBe(1);
    expect(f(resolved, 'implementation_resolved')).toBe(1);
    expect(f(resolved, 'std:erc20')).toBe(1);
  });
});

describe('call data', () => {
  const erc20 = parseAbi(['function approve(address,uint256)', 'function setApprovalForAll(address,bool)', 'function Claim() payable']);
  const spender = '0x1111111111111111111111111111111111111111';

  it('reads an unlimited approval', () => {
    const calldata = encodeFunctionData({ abi: erc20, functionName: 'approve', args: [spender, maxUint256] });
    const v = extractFeatures({ bytecode: WETH9, calldata, value: 0 });
    expect(f(v, 'call_kind:approve')).toBe(1);
    expect(f(v, 'call:amount_unlimited')).toBe(1);
    expect(f(v, 'call:amount_log2')).toBe(256);
    expect(f(v, 'call:selector_in_dispatcher')).toBe(1);
  });

  it('reads setApprovalForAll(true) and a payable bait call', () => {
    const saf = encodeFunctionData({ abi: erc20, functionName: 'setApprovalForAll', args: [spender, true] });
    expect(f(extractFeatures({ bytecode: WETH9, calldata: saf, value: 0 }), 'call:grants_all')).toBe(1);
    const claim = encodeFunctionData({ abi: erc20, functionName: 'Claim' });
    const v = extractFeatures({ bytecode: WETH9, calldata: claim, value: '1000000000000000000' });
    expect(f(v, 'call_kind:bait_function')).toBe(1);
    expect(f(v, 'call:payable_bait')).toBe(1);
    expect(f(v, 'call:selector_in_dispatcher')).toBe(0);
    expect(f(v, 'call:value_log10_micro_eth')).toBeCloseTo(6, 4);
  });

  it('reads a revoke as a revoke, and an NFT id as an id, not an amount', () => {
    const nft = artifactCode('@openzeppelin/contracts-v4/build/contracts/ERC721.json');
    const abi = parseAbi(['function setApprovalForAll(address,bool)', 'function transferFrom(address,address,uint256)', 'function approve(address,uint256)']);
    const revoke = extractFeatures({ bytecode: nft, calldata: encodeFunctionData({ abi, functionName: 'setApprovalForAll', args: [spender, false] }), value: 0 });
    expect([f(revoke, 'call:grants_all'), f(revoke, 'call:revokes')]).toEqual([0, 1]);
    // An id above 2^128 would read as "unlimited" if it were taken for an amount.
    const id = 2n ** 200n + 7n;
    for (const data of [encodeFunctionData({ abi, functionName: 'transferFrom', args: [spender, spender, id] }), encodeFunctionData({ abi, functionName: 'approve', args: [spender, id] })]) {
      const v = extractFeatures({ bytecode: nft, calldata: data, value: 0 });
      expect([f(v, 'call:names_token_id'), f(v, 'call:amount_unlimited'), f(v, 'call:amount_log2'), f(v, 'call:revokes')]).toEqual([1, -1, 0, 0]);
    }
    // The same call to an ERC-20 names an amount; approving zero is a revoke.
    const approveToken = extractFeatures({ bytecode: WETH9, calldata: encodeFunctionData({ abi, functionName: 'approve', args: [spender, id] }), value: 0 });
    expect([f(approveToken, 'call:names_token_id'), f(approveToken, 'call:amount_unlimited')]).toEqual([0, 1]);
    expect(f(extractFeatures({ bytecode: WETH9, calldata: encodeFunctionData({ abi, functionName: 'approve', args: [spender, 0n] }), value: 0 }), 'call:revokes')).toBe(1);
  });

  it('counts the functions the code calls on others, not its own dispatcher', () => {
    // WETH9 calls nothing by name (withdraw sends plain ETH); Uniswap's V2 router calls the pair's and the tokens' functions.
    expect(f(extractFeatures({ bytecode: WETH9, calldata: '0x', value: 0 }), 'called_selector_count')).toBe(0);
    const router = artifactCode('@uniswap/v2-periphery/build/UniswapV2Router02.json');
    const called = scanCode(hexToBytes(router)).calledSelectors;
    expect(called.has(Number(toFunctionSelector('transferFrom(address,address,uint256)')))).toBe(true);
    expect(called.has(Number(toFunctionSelector('swapExactTokensForTokens(uint256,uint256,address[],address,uint256)')))).toBe(false);
  });

  it('has no feature that dates the compiler or describes the chain', () => {
    for (const name of ['op_share:PUSH0', 'op_share:SHL', 'op_share:SHR', 'op_share:REVERT', 'op_share:INVALID', 'op_share:STATICCALL', 'op_share:RETURNDATASIZE', 'op_share:MCOPY', 'op_share:TSTORE', 'metadata_present', 'uses:CREATE2']) {
      expect(FEATURE_NAMES).not.toContain(name);
    }
    expect(FEATURE_NAMES.filter((n) => n.startsWith('ctx:'))).toEqual([]);
  });

  it('tells a plain ETH send from nothing at all', () => {
    expect(f(extractFeatures({ bytecode: '0x', calldata: '0x', value: 1n }), 'call_kind:native_transfer')).toBe(1);
    expect(f(extractFeatures({ bytecode: '0x', calldata: '0x', value: 0n }), 'call_kind:none')).toBe(1);
  });
});

describe('bad input', () => {
  it('rejects odd-length hex, non-hex characters and negative values with a FeatureInputError', () => {
    expect(() => extractFeatures({ bytecode: '0x600', calldata: '0x', value: 0 })).toThrow(FeatureInputError);
    expect(() => extractFeatures({ bytecode: '0x60zz', calldata: '0x', value: 0 })).toThrow(FeatureInputError);
    expect(() => extractFeatures({ bytecode: '0x', calldata: '0x', value: '-1' })).toThrow(FeatureInputError);
    expect(() => extractFeatures({ bytecode: '0x', calldata: '0x', value: 'abc' })).toThrow(FeatureInputError);
  });

  it('accepts hex without 0x and in upper case', () => {
    expect(f(extractFeatures({ bytecode: '5AF1', calldata: '', value: 0 }), 'uses:CALL')).toBe(1);
  });
});
