// Handing over control on a real chain: OpenZeppelin's published ProxyAdmin (Ownable) and
// TransparentUpgradeableProxy, an Ownable2Step contract compiled from OpenZeppelin's sources with npm
// solc, and a Safe 1.5.0 made by Safe's own proxy factory, all owned by the signer on anvil. The
// firewall reads them through its real chain reader; the calls it allows are then sent, to prove they
// are the calls these contracts take. Nothing here is mocked.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import solc from 'solc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, encodeFunctionData, http, parseEventLogs, zeroAddress, type Abi, type Address, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { CHAIN_ID, DEV_ACCOUNT, startAnvil, type Anvil } from '../../../e2e/fixtures/anvil';
import { createRpcChainReader } from '../context/chain-reader';
import { createMemoryHistory } from '../context/history';
import { controlCall, multiSend, safeExec } from '../fixtures/control';
import { analyzeRequest } from '../index';

const require = createRequire(import.meta.url);
interface Artifact {
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
}
const artifact = (pkg: string, path: string) => JSON.parse(readFileSync(require.resolve(`${pkg}/${path}`), 'utf8')) as Artifact;
const OZ = (name: string) => artifact('@openzeppelin/contracts', `build/contracts/${name}.json`);
const SAFE = (path: string) => artifact('@safe-global/safe-smart-account', `build/artifacts/contracts/${path}.json`);

/** anvil's second dev account: the user's other account, which the user has sent coins to before. */
const OTHER_ACCOUNT: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
/** anvil's third dev account: someone else, who deploys a contract of their own. */
const SOMEONE_ELSE: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
/** Safe MultiSendCallOnly 1.5.0's canonical address (safe-global/safe-deployments, see decode/safe.ts). */
const MULTI_SEND_CALL_ONLY: Address = '0xA83c336B20401Af773B6219BA5027174338D1836';

const SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
contract TwoStepCollection is Ownable2Step {
  constructor() Ownable(msg.sender) {}
}
contract Implementation {
  uint256 public value;
  function set(uint256 v) external { value = v; }
}`;

function compile(): Record<string, { abi: Abi; bytecode: Hex }> {
  const ozRoot = dirname(require.resolve('@openzeppelin/contracts/package.json'));
  const findImports = (path: string) =>
    path.startsWith('@openzeppelin/contracts/') ? { contents: readFileSync(join(ozRoot, path.slice('@openzeppelin/contracts/'.length)), 'utf8') } : { error: `not found: ${path}` };
  const input = { language: 'Solidity', sources: { 'Control.sol': { content: SOURCE } }, settings: { outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } } };
  const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (out.errors ?? []).filter((e: { severity: string }) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e: { formattedMessage: string }) => e.formattedMessage).join('\n'));
  const c = out.contracts['Control.sol'] as Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>;
  return Object.fromEntries(Object.entries(c).map(([name, x]) => [name, { abi: x.abi, bytecode: `0x${x.evm.bytecode.object}` as Hex }]));
}

let anvil: Anvil;
const chain = () => ({ ...foundry, rpcUrls: { default: { http: [anvil.url] } } });
const client = () => createPublicClient({ chain: chain(), transport: http(anvil.url) });

async function deploy(c: { abi: Abi; bytecode: Hex }, args: unknown[] = [], from: Address = DEV_ACCOUNT) {
  const wallet = createWalletClient({ chain: chain(), transport: http(anvil.url), account: from });
  const receipt = await client().waitForTransactionReceipt({ hash: await wallet.deployContract({ abi: c.abi, bytecode: c.bytecode, args } as never) });
  expect(receipt.status).toBe('success');
  return { address: receipt.contractAddress!, receipt };
}

async function send(to: Address, data: Hex) {
  const wallet = createWalletClient({ chain: chain(), transport: http(anvil.url), account: DEV_ACCOUNT });
  const receipt = await client().waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to, data }) });
  expect(receipt.status).toBe('success');
  return receipt;
}

/** What the firewall says about the signer sending `data` to `to`, reading the chain through its chain reader. */
async function judge(to: Address, data: Hex, history: Address[] = []) {
  const v = await analyzeRequest(
    { request: { method: 'eth_sendTransaction', params: [{ from: DEV_ACCOUNT, to, data }] }, origin: { origin: 'https://app.example' }, chainId: CHAIN_ID, from: DEV_ACCOUNT },
    { chain: createRpcChainReader(anvil.url), history: createMemoryHistory(history) },
  );
  return { verdict: v.verdict, summary: v.summary, control: v.findings.filter((f) => f.id.startsWith('control.')) };
}

const read = <T>(address: Address, abi: Abi, functionName: string, args: unknown[] = []) => client().readContract({ address, abi, functionName, args }) as Promise<T>;

let compiled: ReturnType<typeof compile>;
let proxyAdmin: Address;
let twoStep: Address;

beforeAll(async () => {
  compiled = compile();
  anvil = await startAnvil();
  proxyAdmin = (await deploy(OZ('ProxyAdmin'), [DEV_ACCOUNT])).address;
  twoStep = (await deploy(compiled.TwoStepCollection!)).address;
}, 120_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('Ownable.transferOwnership of a contract the signer owns', () => {
  it('to a fresh stranger blocks and says the account never sent a transaction', async () => {
    const stranger = privateKeyToAccount(generatePrivateKey()).address;
    const r = await judge(proxyAdmin, controlCall('transferOwnership', stranger));
    expect(r.verdict).toBe('block');
    expect(r.control.map((f) => f.id)).toEqual(['control.to-plain-account']);
    expect(r.control[0]!.title).toContain('a personal account that has never sent a transaction');
    expect(r.control[0]!.detail).not.toContain('two-step');
  });

  it('to an account that has sent transactions but that the user never sent to still blocks', async () => {
    await createWalletClient({ chain: chain(), transport: http(anvil.url), account: SOMEONE_ELSE }).sendTransaction({ to: SOMEONE_ELSE, value: 1n });
    const r = await judge(proxyAdmin, controlCall('transferOwnership', SOMEONE_ELSE));
    expect(r.verdict).toBe('block');
    expect(r.control[0]!.title).toMatch(/a personal account$/);
  });

  it('to the user’s own other account (sent to before) is allowed with a description, and really transfers', async () => {
    const data = controlCall('transferOwnership', OTHER_ACCOUNT);
    const r = await judge(proxyAdmin, data, [OTHER_ACCOUNT]);
    expect(r.verdict).toBe('allow');
    expect(r.summary).toContain('Hands ownership of contract');
    expect(r.summary).toContain('an address you have sent to before');
    await send(proxyAdmin, data);
    expect(await read<Address>(proxyAdmin, OZ('ProxyAdmin').abi, 'owner')).toBe(OTHER_ACCOUNT);
  });

  it('on an Ownable2Step contract says the change waits for the new owner to accept', async () => {
    const r = await judge(twoStep, controlCall('transferOwnership', privateKeyToAccount(generatePrivateKey()).address));
    expect(r.verdict).toBe('block');
    expect(r.control[0]!.detail).toContain('two-step');
  });
});

describe('proxy upgrades through OpenZeppelin’s ProxyAdmin', () => {
  let proxy: Address;
  let admin: Address;

  beforeAll(async () => {
    const v1 = (await deploy(compiled.Implementation!)).address;
    // OpenZeppelin 5.x proxies refuse to be left uninitialised: the constructor calls the implementation once.
    const init = encodeFunctionData({ abi: compiled.Implementation!.abi, functionName: 'set', args: [1n] });
    const created = await deploy(OZ('TransparentUpgradeableProxy'), [v1, DEV_ACCOUNT, init]);
    proxy = created.address;
    // The v5 proxy deploys its own ProxyAdmin, owned by `initialOwner`, and announces it.
    const [changed] = parseEventLogs({ abi: OZ('TransparentUpgradeableProxy').abi, eventName: 'AdminChanged', logs: created.receipt.logs }) as unknown as [{ args: { newAdmin: Address } }];
    admin = changed.args.newAdmin;
  }, 60_000);

  it('to an implementation the signer deployed is allowed, and really upgrades', async () => {
    const v2 = (await deploy(compiled.Implementation!)).address;
    const data = controlCall('upgradeAndCall', proxy, v2, '0x');
    const r = await judge(admin, data);
    expect(r.verdict).toBe('allow');
    expect(r.summary).toContain('a contract you deployed');
    const receipt = await send(admin, data);
    expect(parseEventLogs({ abi: OZ('TransparentUpgradeableProxy').abi, eventName: 'Upgraded', logs: receipt.logs }).length).toBe(1);
  });

  it('to an implementation someone else deployed warns', async () => {
    const theirs = (await deploy(compiled.Implementation!, [], SOMEONE_ELSE)).address;
    const r = await judge(admin, controlCall('upgradeAndCall', proxy, theirs, '0x'));
    expect(r.verdict).toBe('warn');
    expect(r.control.map((f) => f.id)).toEqual(['control.upgrade']);
  });
});

describe('a Safe 1.5.0 owned by the signer', () => {
  let safe: Address;
  const safeAbi = SAFE('Safe.sol/Safe').abi;

  beforeAll(async () => {
    const singleton = (await deploy(SAFE('Safe.sol/Safe'))).address;
    const factoryArtifact = SAFE('proxies/SafeProxyFactory.sol/SafeProxyFactory');
    const factory = (await deploy(factoryArtifact)).address;
    const setup = encodeFunctionData({ abi: safeAbi, functionName: 'setup', args: [[DEV_ACCOUNT], 1n, zeroAddress, '0x', zeroAddress, zeroAddress, 0n, zeroAddress] });
    const receipt = await send(factory, encodeFunctionData({ abi: factoryArtifact.abi, functionName: 'createProxyWithNonce', args: [singleton, setup, 1n] }));
    const [created] = parseEventLogs({ abi: factoryArtifact.abi, eventName: 'ProxyCreation', logs: receipt.logs }) as unknown as [{ args: { proxy: Address } }];
    safe = created.args.proxy;
    // Safe's library at its canonical address, as on every chain Safe deployed to.
    await client().request({ method: 'anvil_setCode' as never, params: [MULTI_SEND_CALL_ONLY, SAFE('libraries/MultiSendCallOnly.sol/MultiSendCallOnly').deployedBytecode] as never });
  }, 60_000);

  it('adding a fresh stranger as owner with threshold 1 blocks', async () => {
    const stranger = privateKeyToAccount(generatePrivateKey()).address;
    const r = await judge(safe, safeExec({ to: safe, data: controlCall('addOwnerWithThreshold', stranger, 1n) }));
    expect(r.verdict).toBe('block');
    expect(r.control[0]!.title).toContain('a seat as owner');
  });

  it('a MultiSend batch adding the user’s other account and raising the threshold is allowed, and really runs', async () => {
    const data = safeExec({
      to: MULTI_SEND_CALL_ONLY,
      operation: 1,
      data: multiSend([
        { to: safe, data: controlCall('addOwnerWithThreshold', OTHER_ACCOUNT, 1n) },
        { to: safe, data: controlCall('changeThreshold', 2n) },
      ]),
    });
    const r = await judge(safe, data, [OTHER_ACCOUNT]);
    expect(r.verdict).toBe('allow');
    // Both calls' summaries, said once by the verdict (issue 19: one rule over several calls is one line).
    expect(r.control.map((f) => f.id)).toEqual(['control.summary']);
    expect(r.control[0]!.count).toBe(2);
    await send(safe, data);
    expect(await read<bigint>(safe, safeAbi, 'getThreshold')).toBe(2n);
    expect(await read<Address[]>(safe, safeAbi, 'getOwners')).toContain(OTHER_ACCOUNT);
  });
});
