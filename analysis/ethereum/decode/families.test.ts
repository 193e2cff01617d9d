// The calldata families behind the aggregate: each a const ABI with its own interpreter, one index over
// all of them, one list of scam-typical names, and the decoded arguments kept, typed, on the call.
import { encodeFunctionData, erc20Abi, getAddress, maxUint256, parseAbi, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { A } from '../fixtures/build';
import { CALL_FAMILIES, knownFunctions } from './abis';
import type { CallAction } from './actions';
import { decodeCall } from './calldata';
import { SCAM_TYPICAL_FUNCTIONS } from './scam-typical';

const topCall = (data: `0x${string}`, value = 0n) => decodeCall({ to: A.usdc, value, data }, A.user, 'transaction').find((a): a is CallAction => a.kind === 'call');

describe('call families', () => {
  it('have distinct names, and within a family one function per selector', () => {
    expect(new Set(CALL_FAMILIES.map((f) => f.name)).size).toBe(CALL_FAMILIES.length);
    for (const family of CALL_FAMILIES) {
      const selectors = family.functions.map((f) => toFunctionSelector(f));
      expect(new Set(selectors).size, family.name).toBe(selectors.length);
    }
  });

  it('are all in the selector index, each function under its own family', () => {
    for (const family of CALL_FAMILIES)
      for (const fn of family.functions) {
        const known = knownFunctions.get(toFunctionSelector(fn)) ?? [];
        expect(known.some((k) => k.abi === fn && k.family === family.name && k.decoder === family), `${family.name} ${fn.name}`).toBe(true);
      }
  });

  it('keep the typed arguments of a decoded call on its action, and the function even when the arguments do not decode', () => {
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [getAddress(A.attacker), maxUint256] });
    const call = topCall(data);
    expect(call?.decoded).toEqual({ family: 'ERC-20', functionName: 'approve', args: [getAddress(A.attacker), maxUint256] });
    expect(call?.function?.signature).toBe('approve(address,uint256)');
    const short = topCall(data.slice(0, 74) as `0x${string}`);
    expect(short?.decoded).toBeUndefined();
    expect(short?.function?.signature).toBe('approve(address,uint256)');
  });
});

describe('the one list of scam-typical names', () => {
  it('flags every name on it, including those the two old lists did not share', () => {
    for (const { name } of SCAM_TYPICAL_FUNCTIONS) {
      const data = encodeFunctionData({ abi: parseAbi([`function ${name}() payable`]), functionName: name as never });
      expect(topCall(data, 1n), name).toMatchObject({ scamName: true, functionName: name, family: 'scam-typical' });
    }
    const names = SCAM_TYPICAL_FUNCTIONS.map((f) => f.name);
    for (const name of ['ClaimAirdrop', 'claimAirdrop', 'Mint', 'enable', 'Multicall', 'verify', 'Activate', 'Swap']) expect(names).toContain(name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('does not take an ordinary mint or claim with arguments for bait', () => {
    const mint = encodeFunctionData({ abi: parseAbi(['function mint() payable']), functionName: 'mint' });
    expect(topCall(mint, 1n)).toMatchObject({ family: 'NFT mint', scamName: false });
  });
});
