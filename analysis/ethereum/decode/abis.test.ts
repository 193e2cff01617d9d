// The control-transfer signatures in abis.ts are checked against the compiled ABIs the protocols
// publish in their npm packages, so a typo in a human-readable signature (a wrong selector) fails here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { toFunctionSelector, type Abi, type AbiFunction } from 'viem';
import { knownFunctions } from './abis';

const require = createRequire(import.meta.url);
const artifact = (pkg: string, path: string): Abi => (JSON.parse(readFileSync(require.resolve(`${pkg}/${path}`), 'utf8')) as { abi: Abi }).abi;
const oz5 = (name: string) => artifact('@openzeppelin/contracts', `build/contracts/${name}.json`);
const oz4 = (name: string) => artifact('@openzeppelin/contracts-v4', `build/contracts/${name}.json`);
const safe = (path: string) => artifact('@safe-global/safe-smart-account', `build/artifacts/contracts/${path}.json`);

const published: Record<string, Abi[]> = {
  Ownable: [oz5('Ownable2Step'), oz4('Ownable2Step')],
  'Upgradeable proxy': [oz4('ITransparentUpgradeableProxy'), oz4('UUPSUpgradeable'), oz5('UUPSUpgradeable'), oz5('UpgradeableBeacon')],
  ProxyAdmin: [oz4('ProxyAdmin'), oz5('ProxyAdmin')],
  AccessControl: [oz5('AccessControlDefaultAdminRules'), oz4('AccessControl')],
  'Safe settings': [safe('Safe.sol/Safe')],
  'Safe MultiSend': [safe('libraries/MultiSend.sol/MultiSend'), safe('libraries/MultiSendCallOnly.sol/MultiSendCallOnly')],
};

const selectorsOf = (abis: Abi[]) => new Set(abis.flatMap((abi) => abi.filter((x): x is AbiFunction => x.type === 'function').map((f) => toFunctionSelector(f))));

describe('control-transfer ABIs', () => {
  for (const [family, abis] of Object.entries(published)) {
    it(`every ${family} signature is in the published artifacts`, () => {
      const ours = [...knownFunctions].flatMap(([selector, list]) => list.filter((k) => k.family === family).map((k) => [selector, k.signature] as const));
      expect(ours.length).toBeGreaterThan(0);
      const theirs = selectorsOf(abis);
      expect(ours.filter(([selector]) => !theirs.has(selector)).map(([, signature]) => signature)).toEqual([]);
    });
  }

  it('the Safe execTransaction the decoder follows is the published one', () => {
    const exec = [...knownFunctions].find(([, list]) => list.some((k) => k.abi.name === 'execTransaction'))?.[0];
    expect(selectorsOf([safe('Safe.sol/Safe')]).has(exec!)).toBe(true);
  });
});
