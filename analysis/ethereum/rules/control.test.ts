// Each kind of control change measured both ways: the same call is only described when the power
// stays with the user (or goes to a known protocol, an address they have sent to, a contract they
// deployed), and warns or blocks when it goes to a stranger.
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, keccak256, pad, parseAbi, toHex, zeroAddress, type Address, type Hex } from 'viem';
import { createMemoryHistory } from '../context/history';
import { A, NOW, SOME_CODE, tx } from '../fixtures/build';
import { C, controlCall, multiSend, safeExec } from '../fixtures/control';
import { analyzeRequest } from '../index';

const EOA = '0x';
const ADMIN = pad('0x00', { size: 32 });
const MINTER = keccak256(toHex('MINTER_ROLE'));
const SIGN_MESSAGE_LIB = '0xd53cd0aB83D845Ac265BE939c57F53AD838012c9'; // Safe SignMessageLib 1.4.1 (decode/safe.ts)
const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';

interface Setup {
  code?: Record<string, string>;
  history?: string[];
}

async function judge(to: Address, data: Hex, { code = {}, history }: Setup = {}) {
  const v = await analyzeRequest({ request: tx(to, data), origin: { origin: 'https://app.example' }, chainId: 1, from: A.user }, { code: { [to]: SOME_CODE, ...code }, history: history ? createMemoryHistory(history) : undefined, now: NOW });
  const control = v.findings.filter((f) => f.id.startsWith('control.'));
  return { verdict: v.verdict, ids: control.map((f) => f.id), control, summary: v.summary };
}

const onSafe = (data: Hex) => safeExec({ to: C.safe, data });

describe('ownership (Ownable.transferOwnership)', () => {
  const data = controlCall('transferOwnership', A.friend);

  it('to your own other account you have sent to: described, allowed', async () => {
    const r = await judge(C.collection, data, { code: { [A.friend]: EOA }, history: [A.friend] });
    expect(r).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
    expect(r.summary).toContain('an address you have sent to before');
  });

  it('the same call to a personal account you never sent to: blocks', async () => {
    const r = await judge(C.collection, data, { code: { [A.friend]: EOA } });
    expect(r).toMatchObject({ verdict: 'block', ids: ['control.to-plain-account'] });
    expect(r.control[0]!.title).toMatch(/^Hands ownership of contract 0x\w+…\w+ to 0x7099…79C8, a personal account$/);
  });

  it('to a well-known protocol contract: described', async () => {
    expect(await judge(C.collection, controlCall('transferOwnership', A.permit2))).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
  });

  it('to an unrecognised contract: warns, and says a multisig of yours would be fine', async () => {
    const r = await judge(C.collection, controlCall('transferOwnership', A.unknownContract), { code: { [A.unknownContract]: SOME_CODE } });
    expect(r).toMatchObject({ verdict: 'warn', ids: ['control.to-unverified'] });
    expect(r.control[0]!.detail).toContain('your own multisig');
  });

  it('when the chain could not say what the new owner is: warns, never allows', async () => {
    const r = await judge(C.collection, data);
    expect(r).toMatchObject({ verdict: 'warn', ids: ['control.to-unverified'] });
    expect(r.control[0]!.detail).toContain('could not check');
  });

  it('to the zero address or by renouncing: warns that it is final', async () => {
    for (const d of [controlCall('transferOwnership', zeroAddress), controlCall('renounceOwnership')]) {
      const r = await judge(C.collection, d);
      expect(r).toMatchObject({ verdict: 'warn', ids: ['control.gives-up'] });
      expect(r.control[0]!.title).toContain('for good');
    }
  });

  it('says when the contract is two-step (Ownable2Step carries acceptOwnership)', async () => {
    const twoStep = `${SOME_CODE}6379ba509714`;
    const r = await judge(C.collection, data, { code: { [C.collection]: twoStep, [A.friend]: EOA } });
    expect(r.control[0]!.detail).toContain('two-step');
    const plain = await judge(C.collection, data, { code: { [A.friend]: EOA } });
    expect(plain.control[0]!.detail).not.toContain('two-step');
  });

  it('inside a contract’s own multicall and in wallet_sendCalls too; not when Multicall3 makes the call', async () => {
    const viaMulticall = encodeFunctionData({ abi: parseAbi(['function multicall(bytes[] data) payable returns (bytes[])']), functionName: 'multicall', args: [[data]] });
    expect(await judge(C.collection, viaMulticall, { code: { [A.friend]: EOA } })).toMatchObject({ verdict: 'block', ids: ['control.to-plain-account'] });
    const sendCalls = await analyzeRequest(
      { request: { method: 'wallet_sendCalls', params: [{ version: '2.0.0', chainId: '0x1', from: A.user, calls: [{ to: C.collection, data }] }] }, origin: { origin: 'https://app.example' }, chainId: 1, from: A.user },
      { code: { [C.collection]: SOME_CODE, [A.friend]: EOA }, now: NOW },
    );
    expect(sendCalls.findings.map((f) => f.id)).toContain('control.to-plain-account');
    const agg = encodeFunctionData({ abi: parseAbi(['function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable']), functionName: 'aggregate3', args: [[{ target: C.collection, allowFailure: false, callData: data }]] });
    expect((await judge(MULTICALL3, agg, { code: { [A.friend]: EOA } })).ids).toEqual([]);
  });
});

describe('proxies', () => {
  it('upgrade to a contract you deployed is described; to anyone else’s contract it warns', async () => {
    const data = controlCall('upgradeToAndCall', C.implementation, '0x');
    expect(await judge(C.proxy, data, { code: { [C.implementation]: SOME_CODE } })).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
    const other = await judge(C.proxy, controlCall('upgradeToAndCall', A.drainerContract, '0x'), { code: { [A.drainerContract]: SOME_CODE } });
    expect(other).toMatchObject({ verdict: 'warn', ids: ['control.upgrade'] });
    expect(other.control[0]!.detail).toContain('cannot tie the new code to you');
  });

  it('upgrade to an account without code warns that the contract would stop working', async () => {
    const r = await judge(C.proxy, controlCall('upgradeTo', A.friend), { code: { [A.friend]: EOA }, history: [A.friend] });
    expect(r).toMatchObject({ verdict: 'warn', ids: ['control.upgrade'] });
    expect(r.control[0]!.detail).toContain('stop working');
  });

  it('proxy admin to a stranger blocks; to an address you have sent to it is described', async () => {
    const data = controlCall('changeProxyAdmin', C.proxy, A.friend);
    expect(await judge(C.proxyAdmin, data, { code: { [A.friend]: EOA } })).toMatchObject({ verdict: 'block', ids: ['control.to-plain-account'] });
    expect(await judge(C.proxyAdmin, data, { code: { [A.friend]: EOA }, history: [A.friend] })).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
  });
});

describe('AccessControl', () => {
  it('the admin role to a stranger blocks; a lesser role to a stranger warns; a role for you is described', async () => {
    expect(await judge(C.collection, controlCall('grantRole', ADMIN, A.friend), { code: { [A.friend]: EOA } })).toMatchObject({ verdict: 'block', ids: ['control.to-plain-account'] });
    const minter = await judge(C.collection, controlCall('grantRole', MINTER, A.friend), { code: { [A.friend]: EOA } });
    expect(minter).toMatchObject({ verdict: 'warn', ids: ['control.to-unverified'] });
    expect(minter.control[0]!.title).toContain('role MINTER_ROLE');
    expect(await judge(C.collection, controlCall('grantRole', MINTER, A.user))).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
  });
});

describe('Safe', () => {
  it('a co-owner: stranger with threshold 1 blocks, with threshold 2 warns, one you have sent to is described', async () => {
    const code = { [A.friend]: EOA };
    expect(await judge(C.safe, onSafe(controlCall('addOwnerWithThreshold', A.friend, 1n)), { code })).toMatchObject({ verdict: 'block', ids: ['control.to-plain-account'] });
    expect(await judge(C.safe, onSafe(controlCall('addOwnerWithThreshold', A.friend, 2n)), { code })).toMatchObject({ verdict: 'warn', ids: ['control.to-unverified'] });
    expect(await judge(C.safe, onSafe(controlCall('addOwnerWithThreshold', A.friend, 1n)), { code, history: [A.friend] })).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
  });

  it('a module: a stranger’s account blocks, a contract you deployed is described', async () => {
    expect(await judge(C.safe, onSafe(controlCall('enableModule', A.friend)), { code: { [A.friend]: EOA } })).toMatchObject({ verdict: 'block', ids: ['control.to-plain-account'] });
    expect(await judge(C.safe, onSafe(controlCall('enableModule', C.implementation)), { code: { [C.implementation]: SOME_CODE } })).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
  });

  it('guards and fallback handlers: Safe’s own or none are described, an unknown contract warns', async () => {
    expect(await judge(C.safe, onSafe(controlCall('setFallbackHandler', C.fallbackHandler)))).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
    expect(await judge(C.safe, onSafe(controlCall('setGuard', zeroAddress)))).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
    for (const d of [controlCall('setFallbackHandler', A.unknownContract), controlCall('setGuard', A.unknownContract)])
      expect(await judge(C.safe, onSafe(d), { code: { [A.unknownContract]: SOME_CODE } })).toMatchObject({ verdict: 'warn', ids: ['control.to-unverified'] });
  });

  it('removing another owner or changing the threshold is described; removing yourself warns', async () => {
    const sentinel = '0x0000000000000000000000000000000000000001';
    expect(await judge(C.safe, onSafe(controlCall('removeOwner', sentinel, A.friend, 1n)))).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
    expect(await judge(C.safe, onSafe(controlCall('changeThreshold', 2n)))).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
    expect(await judge(C.safe, onSafe(controlCall('removeOwner', sentinel, A.user, 1n)))).toMatchObject({ verdict: 'warn', ids: ['control.gives-up'] });
  });

  it('delegatecall: Safe’s own libraries pass, an unknown contract warns', async () => {
    const signMessage = encodeFunctionData({ abi: parseAbi(['function signMessage(bytes _data)']), functionName: 'signMessage', args: ['0x1234'] });
    expect((await judge(C.safe, safeExec({ to: SIGN_MESSAGE_LIB, operation: 1, data: signMessage }))).ids).toEqual([]);
    const r = await judge(C.safe, safeExec({ to: A.unknownContract, operation: 1, data: signMessage }), { code: { [A.unknownContract]: SOME_CODE } });
    expect(r).toMatchObject({ verdict: 'warn', ids: ['control.to-unverified'] });
    expect(r.control[0]!.detail).toContain('runs that contract\'s code as the Safe itself');
  });

  it('a takeover inside a MultiSend batch blocks however many harmless calls surround it', async () => {
    const batch = multiSend([
      { to: C.safe, data: controlCall('changeThreshold', 2n) },
      { to: C.safe, data: controlCall('swapOwner', '0x0000000000000000000000000000000000000001', A.user, A.friend) },
      { to: C.safe, data: controlCall('changeThreshold', 1n) },
    ]);
    const r = await judge(C.safe, safeExec({ to: C.multiSendCallOnly, operation: 1, data: batch }), { code: { [A.friend]: EOA } });
    expect(r.verdict).toBe('block');
    expect(r.control.find((f) => f.id === 'control.to-plain-account')!.title).toContain('your seat as owner');
  });
});

describe('ENS', () => {
  it('a name to a stranger warns (as sending its NFT would not block); to an address you have sent to it is described', async () => {
    const data = controlCall('setOwner', `0x${'ab'.repeat(32)}`, A.friend);
    expect(await judge(C.ensRegistry, data, { code: { [A.friend]: EOA } })).toMatchObject({ verdict: 'warn', ids: ['control.to-unverified'] });
    expect(await judge(C.ensRegistry, data, { code: { [A.friend]: EOA }, history: [A.friend] })).toMatchObject({ verdict: 'allow', ids: ['control.summary'] });
  });
});
