// The powers read from real compiled tokens (testdata/*.sol, compiled with the npm solc under three
// optimizer settings), and the dispatcher's selectors checked against the compiler's own list.
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../evm';
import { compileRuntime, SETTINGS } from './testdata/compile';
import { dispatcherSelectors, hasPower, readTokenPowers } from './index';
import { computeSelectorTable } from './generate-power-selectors';
import { POWER_SELECTOR_TABLE } from './power-selector-table';

const TOKENS: Array<{ file: string; contract: string; powers: Record<string, string[]>; hasOwner: boolean }> = [
  { file: 'FixedSupply.sol', contract: 'FixedSupply', powers: {}, hasOwner: false },
  { file: 'OwnerMint.sol', contract: 'OwnerMint', powers: { mint: ['mint(address,uint256)'] }, hasOwner: true },
  {
    file: 'TaxBlacklist.sol',
    contract: 'TaxBlacklist',
    powers: { blacklist: ['isBlacklisted(address)', 'setBlacklist(address,bool)'], 'trading-switch': ['openTrading()'], fees: ['setSellFee(uint256)'], 'fee-exemptions': ['excludeFromFee(address)'] },
    hasOwner: true,
  },
  { file: 'OzPausable.sol', contract: 'OzPausable', powers: { mint: ['mint(address,uint256)'], pause: ['pause()', 'unpause()'] }, hasOwner: true },
];

describe('readTokenPowers on compiled tokens', () => {
  for (const t of TOKENS)
    for (const s of SETTINGS)
      it(`${t.contract} (${s.id}): ${Object.keys(t.powers).join(', ') || 'no power'}`, { timeout: 60_000 }, () => {
        const { runtime, methodIdentifiers } = compileRuntime(t.file, t.contract, s);
        // The dispatcher scan finds exactly the functions the compiler says the contract has.
        expect([...dispatcherSelectors(hexToBytes(runtime))].sort()).toEqual(Object.values(methodIdentifiers).map((h) => parseInt(h, 16)).sort());
        const report = readTokenPowers(runtime)!;
        expect(Object.fromEntries(report.powers.map((p) => [p.kind, p.functions]))).toEqual(t.powers);
        expect(report.hasOwner).toBe(t.hasOwner);
        expect(report.ownerRenounced).toBe('unknown');
        expect(report.proxy).toBeUndefined();
      });
});

describe('readTokenPowers on proxies and bad input', () => {
  it('an EIP-1167 clone is a proxy but cannot be upgraded (its implementation is in its code)', () => {
    const clone = `0x363d3d373d3d3d363d73${'be'.repeat(20)}5af43d82803e903d91602b57fd5bf3`;
    const report = readTokenPowers(clone)!;
    expect(report.proxy).toBe('eip1167');
    expect(hasPower(report, 'upgradeable')).toBe(false);
  });

  it('an EIP-1967 proxy (implementation in the standard slot) is upgradeable', () => {
    // A small forwarder that loads the EIP-1967 slot and delegatecalls it, as proxy.ts recognises.
    const slot = '360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';
    const forwarder = `0x363d3d37363d7f${slot}545af43d82803e903d91603857fd5bf3`;
    const report = readTokenPowers(forwarder)!;
    expect(report.proxy).toBe('eip1967');
    expect(report.powers).toEqual([{ kind: 'upgradeable', functions: ['proxy (eip1967)'] }]);
  });

  it('makes no claim on code it cannot read', () => {
    expect(readTokenPowers('0x')).toBeUndefined();
    expect(readTokenPowers('0x123')).toBeUndefined();
    expect(readTokenPowers('0xzz')).toBeUndefined();
    expect(readTokenPowers('0x00')?.powers).toEqual([]);
  });
});

describe('the selector table', () => {
  it('holds viem\'s selector of every power signature, in order (regenerate with generate-power-selectors.ts)', () => {
    expect(POWER_SELECTOR_TABLE).toBe(computeSelectorTable());
  });
});
