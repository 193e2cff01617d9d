// Pure parts of the simulation: reading logs, netting, signatures, the rules on a result.
import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, encodeEventTopics, getAddress, parseAbi, type Address, type Hex } from 'viem';
import { decodeRequest } from '../decode';
import { A, MAX } from '../fixtures/build';
import { malicious } from '../fixtures/requests';
import { normalizeRequest } from '../normalize/request';
import { checkSimulation } from '../rules/simulation';
import { netChanges } from './changes';
import { readLogs, type RawLog } from './logs';
import { signatureChanges } from './signature';
import type { SimulationResult } from './types';

const EVENTS = parseAbi([
  'event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value)',
  'event TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values)',
  'event ApprovalForAll(address indexed owner, address indexed operator, bool approved)',
  'event Approval(address indexed owner, address indexed spender, uint256 value)',
]);
const TOKEN = getAddress('0x00000000000000000000000000000000000a11ce');
const ME = getAddress(A.user);
const THEM = getAddress(A.attacker);

const log = (eventName: (typeof EVENTS)[number]['name'], args: Record<string, unknown>, data: Hex): RawLog => ({
  address: TOKEN,
  topics: encodeEventTopics({ abi: EVENTS, eventName, args } as never) as Hex[],
  data,
});

describe('readLogs', () => {
  it('reads ERC-1155 single and batch transfers and ApprovalForAll', () => {
    const { movements, approvals } = readLogs(
      [
        log('TransferSingle', { operator: THEM, from: ME, to: THEM }, encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [7n, 3n])),
        log('TransferBatch', { operator: THEM, from: ME, to: THEM }, encodeAbiParameters([{ type: 'uint256[]' }, { type: 'uint256[]' }], [[1n, 2n], [10n, 20n]])),
        log('ApprovalForAll', { owner: ME, operator: THEM }, encodeAbiParameters([{ type: 'bool' }], [true])),
        log('Approval', { owner: ME, spender: THEM }, encodeAbiParameters([{ type: 'uint256' }], [MAX])),
        { address: TOKEN, topics: ['0xdeadbeef' as Hex], data: '0x' },
      ],
      2,
    );
    expect(movements.map((m) => [m.asset.kind, m.asset.tokenId, m.amount, m.from, m.to, m.call])).toEqual([
      ['erc1155', '7', '3', ME, THEM, 2],
      ['erc1155', '1', '10', ME, THEM, 2],
      ['erc1155', '2', '20', ME, THEM, 2],
    ]);
    expect(approvals).toMatchObject([
      { owner: ME, spender: THEM, scope: 'all', unlimited: true, revokes: false },
      { owner: ME, spender: THEM, scope: 'amount', unlimited: true, amount: MAX.toString() },
    ]);
  });

  it('nets out what only passes through', () => {
    const asset = { kind: 'erc20' as const, token: TOKEN };
    const router = getAddress(A.universalRouter);
    const changes = netChanges(
      [
        { asset, from: ME, to: router, amount: '5', call: 0 },
        { asset, from: router, to: THEM, amount: '5', call: 0 },
      ],
      ME,
    );
    expect(changes.map((c) => [c.party, c.amount])).toEqual([
      [ME, '-5'],
      [THEM, '5'],
    ]);
  });
});

describe('signatureChanges', () => {
  const actionsOf = (name: string) => {
    const f = malicious.find((m) => m.name === name)!;
    const { request } = normalizeRequest(f.input.request);
    return decodeRequest(request!, f.input.from as Address | undefined);
  };

  it('a permit: the signer may lose up to an unlimited amount, the spender may take it, when submitted (USDC named from the registry, no chain read)', async () => {
    const r = (await signatureChanges(actionsOf('EIP-2612 USDC permit to a personal account'), ME, undefined, 1))!;
    expect(r).toMatchObject({ outcome: 'success', when: 'on-submit', via: 'signature' });
    expect(r.changes.map((c) => [c.party, c.display])).toEqual([
      [ME, '-up to an unlimited amount of USDC'],
      [THEM, '+up to an unlimited amount of USDC'],
    ]);
    expect(r.approvals).toMatchObject([{ owner: ME, spender: THEM, unlimited: true }]);
  });

  it('a Seaport order: the NFT goes for 1 wei and the NFT also goes to the attacker', async () => {
    const r = (await signatureChanges(actionsOf('Seaport: BAYC "listed" for 1 wei to the attacker'), ME, undefined, 1))!;
    expect(r.changes.find((c) => c.party === ME && BigInt(c.amount) < 0n)!.display).toMatch(/^-up to .*#1234$/);
    expect(r.changes.some((c) => c.party.toLowerCase() === THEM.toLowerCase() && c.asset.kind === 'erc721')).toBe(true);
    const findings = checkSimulation({ simulation: r, actions: actionsOf('Seaport: BAYC "listed" for 1 wei to the attacker') });
    expect(findings.map((f) => f.id)).toContain('simulation.loss-for-nothing');
    expect(findings[0]!.title).toMatch(/Signing this/);
  });
});

describe('simulation rules', () => {
  const base: SimulationResult = { outcome: 'success', when: 'now', via: 'eth_simulateV1', signer: ME, targets: [TOKEN], changes: [], movements: [], approvals: [], parties: {}, notes: [] };

  it('flags an approval the call data does not show, not one it does', () => {
    const approval = { owner: ME, token: TOKEN, spender: THEM, scope: 'all' as const, unlimited: true, revokes: false, call: 0 };
    const hidden = checkSimulation({ simulation: { ...base, approvals: [approval] }, actions: [] });
    expect(hidden.map((f) => f.id)).toEqual(['simulation.hidden-approval']);
    const shown = checkSimulation({
      simulation: { ...base, approvals: [approval] },
      actions: [{ kind: 'approval', standard: 'setApprovalForAll', token: TOKEN, spender: THEM, unlimited: true, revokes: false, signature: false, where: 'call' }],
    });
    expect(shown).toEqual([]);
  });

  it('does not flag a plain send the user asked for, nor a payment kept by the called contract', () => {
    const eth = { kind: 'native' as const };
    const send = checkSimulation({
      simulation: { ...base, targets: [THEM], changes: [{ party: ME, asset: eth, amount: '-1', display: '-1 wei' }, { party: THEM, asset: eth, amount: '1', display: '+1 wei' }], parties: { [THEM]: 'eoa' } },
      actions: [{ kind: 'transfer', asset: 'native', to: THEM, amount: 1n, where: 'call' }],
    });
    expect(send).toEqual([]);
    const deposit = checkSimulation({ simulation: { ...base, changes: [{ party: ME, asset: eth, amount: '-5', display: '-5 wei' }, { party: TOKEN, asset: eth, amount: '5', display: '+5 wei' }], parties: { [TOKEN]: 'contract' } }, actions: [] });
    expect(deposit).toEqual([]);
  });

  it('counts dust as nothing', () => {
    const eth = { kind: 'native' as const };
    const tst = { kind: 'erc20' as const, token: TOKEN, symbol: 'TST', decimals: 18 };
    const r = checkSimulation({
      simulation: {
        ...base,
        targets: [getAddress(A.drainerContract)],
        changes: [
          { party: ME, asset: tst, amount: '-5000000000000000000', display: '-5 TST' },
          { party: ME, asset: eth, amount: '1000', display: '+0.000000000000001 ETH' },
          { party: THEM, asset: tst, amount: '5000000000000000000', display: '+5 TST' },
        ],
        parties: { [THEM]: 'eoa' },
      },
      actions: [],
    });
    expect(r.map((f) => f.id)).toEqual(['simulation.loss-for-nothing', 'simulation.assets-to-stranger']);
    expect(r[0]!.detail).toContain('only 0.000000000000001 ETH');
  });
});
