// Decoding of control changes, including inside the wrappers that hide them: a Safe transaction, a
// MultiSend batch it delegatecalls, a contract's own multicall, and Multicall3 (which acts as itself).
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, encodePacked, getAddress, parseAbi, zeroAddress, type Address, type Hex } from 'viem';
import { A as RAW } from '../fixtures/build';
import { C, controlCall, multiSend, safeExec } from '../fixtures/control';
import type { Action, ControlAction } from './actions';
import { decodeCall, decodeSafeTransaction, MAX_NESTED_CALLS } from './calldata';
import { decodeMultiSend } from './safe';

/** Decoded addresses come checksummed. */
const A = { ...RAW, attacker: getAddress(RAW.attacker), drainerContract: getAddress(RAW.drainerContract) };
const controls = (actions: Action[]) => actions.filter((a): a is ControlAction => a.kind === 'control');
const decode = (to: Address, data: Hex) => decodeCall({ to, value: 0n, data }, A.user, 'transaction');

describe('control changes', () => {
  it('reads Ownable, proxy, ProxyAdmin and AccessControl calls with who receives what', () => {
    expect(controls(decode(C.collection, controlCall('transferOwnership', A.attacker)))).toMatchObject([{ power: 'ownership', subject: C.collection, grantee: A.attacker, by: A.user }]);
    expect(controls(decode(C.collection, controlCall('renounceOwnership')))).toMatchObject([{ power: 'renounce-ownership', subject: C.collection }]);
    expect(controls(decode(C.collection, controlCall('acceptOwnership')))).toMatchObject([{ power: 'accept-ownership', grantee: A.user }]);
    expect(controls(decode(C.proxy, controlCall('upgradeToAndCall', C.implementation, '0x1234')))).toMatchObject([{ power: 'upgrade', subject: C.proxy, grantee: C.implementation, initData: '0x1234' }]);
    expect(controls(decode(C.proxyAdmin, controlCall('changeProxyAdmin', C.proxy, A.attacker)))).toMatchObject([{ power: 'proxy-admin', subject: C.proxy, grantee: A.attacker }]);
    expect(controls(decode(C.proxyAdmin, controlCall('upgrade', C.proxy, C.implementation)))).toMatchObject([{ power: 'upgrade', subject: C.proxy, grantee: C.implementation }]);
    expect(controls(decode(C.collection, controlCall('grantRole', `0x${'00'.repeat(32)}`, A.attacker)))).toMatchObject([{ power: 'role', role: `0x${'00'.repeat(32)}`, grantee: A.attacker }]);
  });

  it('follows a Safe transaction: the Safe is the account that gives control', () => {
    const [change] = controls(decode(C.safe, safeExec({ to: C.safe, data: controlCall('addOwnerWithThreshold', A.attacker, 1n) })));
    expect(change).toMatchObject({ power: 'safe-add-owner', subject: C.safe, grantee: A.attacker, threshold: 1n, by: C.safe, where: 'transaction › Safe transaction 1' });
  });

  it('reads a signed SafeTx the same way as the execTransaction that would carry it', () => {
    const inner = { to: C.multiSendCallOnly, value: 0n, operation: 1, data: multiSend([{ to: C.safe, data: controlCall('addOwnerWithThreshold', A.attacker, 1n) }]) };
    const signed = controls(decodeSafeTransaction(C.safe, inner, A.user, 'typed data'));
    const sent = controls(decode(C.safe, safeExec({ ...inner, operation: 1 })));
    const strip = (xs: ControlAction[]) => xs.map(({ where: _w, signature: _s, ...rest }) => rest);
    expect(signed).toHaveLength(1);
    expect(strip(signed)).toEqual(strip(sent));
    expect(controls(decodeSafeTransaction(C.safe, { ...inner, to: A.drainerContract }, A.user, 'typed data'))).toMatchObject([{ power: 'safe-delegatecall', subject: C.safe, grantee: A.drainerContract, by: C.safe }]);
  });

  it('unpacks a MultiSend batch the Safe delegatecalls from Safe’s own library, with `to` zero meaning the Safe', () => {
    const batch = multiSend([
      { to: zeroAddress, data: controlCall('swapOwner', '0x0000000000000000000000000000000000000001', A.user, A.attacker) },
      { to: C.safe, data: controlCall('enableModule', A.attacker) },
    ]);
    const actions = decode(C.safe, safeExec({ to: C.multiSendCallOnly, operation: 1, data: batch }));
    expect(controls(actions)).toMatchObject([
      { power: 'safe-swap-owner', subject: C.safe, removed: A.user, grantee: A.attacker, where: 'transaction › Safe transaction 1 › MultiSend call 1' },
      { power: 'safe-module', subject: C.safe, grantee: A.attacker },
    ]);
    expect(actions.find((a) => a.kind === 'call' && a.depth === 1)).toMatchObject({ delegatecall: true, to: C.multiSendCallOnly });
  });

  it('does not unpack a MultiSend that is merely called, or delegatecalled at an address Safe never deployed', () => {
    const batch = multiSend([{ to: C.safe, data: controlCall('enableModule', A.attacker) }]);
    expect(controls(decode(C.safe, safeExec({ to: C.multiSendCallOnly, operation: 0, data: batch })))).toEqual([]);
    expect(controls(decode(C.safe, safeExec({ to: A.drainerContract, operation: 1, data: batch })))).toMatchObject([{ power: 'safe-delegatecall', subject: C.safe, grantee: A.drainerContract }]);
  });

  it('reports a MultiSend batch that does not read to its end, and a delegatecall inside the batch', () => {
    const data = controlCall('changeThreshold', 1n);
    const entry = encodePacked(['uint8', 'address', 'uint256', 'uint256', 'bytes'], [0, C.safe, 0n, BigInt((data.length - 2) / 2), data]);
    const truncated = controlCall('multiSend', entry.slice(0, -4));
    expect(controls(decode(C.safe, safeExec({ to: C.multiSendCallOnly, operation: 1, data: truncated })))).toMatchObject([{ power: 'safe-delegatecall', unreadable: true }]);
    const inner = multiSend([{ to: A.drainerContract, operation: 1, data: '0x12345678' }]);
    expect(controls(decode(C.safe, safeExec({ to: C.multiSendCallOnly, operation: 1, data: inner })))).toMatchObject([{ power: 'safe-delegatecall', subject: C.safe, grantee: A.drainerContract }]);
  });

  it('follows a contract’s own multicall, but not Multicall3, which acts as itself', () => {
    const self = encodeFunctionData({ abi: parseAbi(['function multicall(bytes[] data) payable returns (bytes[])']), functionName: 'multicall', args: [[controlCall('transferOwnership', A.attacker)]] });
    expect(controls(decode(C.collection, self))).toMatchObject([{ power: 'ownership', subject: C.collection, grantee: A.attacker, by: A.user }]);
    const agg = encodeFunctionData({ abi: parseAbi(['function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable']), functionName: 'aggregate3', args: [[{ target: C.collection, allowFailure: false, callData: controlCall('transferOwnership', A.attacker) }]] });
    expect(controls(decode('0xcA11bde05977b3631167028862bE2a173976CA11', agg))).toEqual([]);
  });

  it('reads ENS registry and registrar changes', () => {
    const node = `0x${'ab'.repeat(32)}` as Hex;
    expect(controls(decode(C.ensRegistry, controlCall('setOwner', node, A.attacker)))).toMatchObject([{ power: 'ownership', name: node, grantee: A.attacker }]);
    const reclaim = encodeFunctionData({ abi: parseAbi(['function reclaim(uint256 id, address owner)']), functionName: 'reclaim', args: [5n, A.attacker] });
    expect(controls(decode(C.ensRegistry, reclaim))).toMatchObject([{ power: 'ens-manager', name: `0x${'00'.repeat(31)}05`, grantee: A.attacker }]);
  });
});

describe('MultiSend packing', () => {
  const one = (data: Hex, operation = 0) => encodePacked(['uint8', 'address', 'uint256', 'uint256', 'bytes'], [operation, A.friend, 7n, BigInt((data.length - 2) / 2), data]);

  it('splits entries exactly', () => {
    const packed = `0x${one('0xabcd').slice(2)}${one('0x', 1).slice(2)}` as Hex;
    expect(decodeMultiSend(packed, 10)).toEqual({ complete: true, transactions: [{ operation: 0, to: A.friend, value: 7n, data: '0xabcd' }, { operation: 1, to: A.friend, value: 7n, data: '0x' }] });
  });

  it('says so when the bytes stop short, overrun, carry an unknown operation or too many entries', () => {
    expect(decodeMultiSend(one('0xabcd').slice(0, -2) as Hex, 10).complete).toBe(false);
    expect(decodeMultiSend(`${one('0xabcd')}00` as Hex, 10).complete).toBe(false);
    expect(decodeMultiSend(one('0x', 2), 10)).toEqual({ complete: false, transactions: [] });
    expect(decodeMultiSend(`0x${one('0x').slice(2).repeat(MAX_NESTED_CALLS + 1)}` as Hex, MAX_NESTED_CALLS).complete).toBe(false);
  });
});
