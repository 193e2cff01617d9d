// The counterparty the window names: the most worrying address that receives rights or assets, told
// the way a person recognises it, from what the chain and the registry say.
import { beforeAll, describe, expect, it } from 'vitest';
import { getAddress } from 'viem';
import { A, NOW, call, tx } from './fixtures/build';
import { analyzeRequest } from './index';
import { loadSiteRiskFromDisk } from '../site/node-lists';
import type { SiteRisk } from '../site/site-risk';

let site: SiteRisk;
beforeAll(async () => {
  site = await loadSiteRiskFromDisk();
});

const LISTED_ADDRESS = '0x000000000532b45f47779fce440748893b257865'; // forta phishing_scams.csv, first row
const origin = { origin: 'https://app.example' };
const TOKEN_CODE = '0x6080604052';

describe('the counterparty', () => {
  it('an approval to a plain account: the spender, a personal account', async () => {
    const v = await analyzeRequest({ request: tx(A.usdc, call.approve(A.attacker, 10n ** 30n)), origin, chainId: 1, from: A.user }, { code: { [A.usdc]: TOKEN_CODE, [A.attacker]: '0x' }, now: NOW });
    expect(v.counterparty).toEqual({ address: getAddress(A.attacker), role: 'spender', kind: 'personal-account' });
  });

  it('an approval to a known protocol: named, not shortened', async () => {
    const v = await analyzeRequest({ request: tx(A.usdc, call.approve(A.permit2, 10n ** 30n)), origin, chainId: 1, from: A.user }, { code: { [A.usdc]: TOKEN_CODE, [A.permit2]: TOKEN_CODE }, now: NOW });
    expect(v.counterparty).toMatchObject({ role: 'spender', kind: 'known', name: expect.stringMatching(/Permit2/) });
  });

  it('a listed address comes before the known token it is reached through', async () => {
    const v = await analyzeRequest({ request: tx(A.usdc, call.transfer(LISTED_ADDRESS as `0x${string}`, 10n ** 6n)), origin, chainId: 1, from: A.user }, { code: { [A.usdc]: TOKEN_CODE }, site, now: NOW });
    expect(v.counterparty).toMatchObject({ address: getAddress(LISTED_ADDRESS), role: 'recipient', kind: 'listed' });
  });

  it('a called address with no code is not called a personal account; the signer is never the counterparty', async () => {
    const v = await analyzeRequest({ request: tx(A.unknownContract, '0x12345678', 10n ** 18n), origin, chainId: 1, from: A.user }, { code: { [A.unknownContract]: '0x' }, now: NOW });
    expect(v.counterparty).toMatchObject({ role: 'target contract', kind: 'no-code' });
    const self = await analyzeRequest({ request: tx(A.user, '0x', 10n ** 18n), origin, chainId: 1, from: A.user }, { code: { [A.user]: '0x' }, now: NOW });
    expect(self.counterparty).toBeUndefined();
  });

  it('a chain that could not be read: unchecked, not guessed', async () => {
    const v = await analyzeRequest({ request: tx(A.usdc, call.approve(A.attacker, 10n ** 30n)), origin, chainId: 1, from: A.user }, { now: NOW });
    expect(v.counterparty).toMatchObject({ address: getAddress(A.attacker), role: 'spender', kind: 'unchecked' });
  });
});
