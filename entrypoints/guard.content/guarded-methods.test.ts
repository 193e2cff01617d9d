import { describe, expect, it } from 'vitest';
import { classifyRequest } from './guarded-methods';

describe('guarded by default', () => {
  it('holds every method that sends, signs or asks the wallet to act, in any letter case', () => {
    for (const method of ['eth_sendTransaction', 'eth_sendTransactionSync', 'ETH_SENDTRANSACTION', 'eth_signTypedData_v4', 'Eth_Sign', 'personal_sign', 'personal_sendTransaction', 'wallet_grantPermissions', 'wallet_sendPreparedCalls', 'wallet_connect', 'wallet_invokeSnap', 'eth_sendRawTransaction']) {
      expect(classifyRequest(method, []).guarded, method).toBe(true);
    }
  });
  it('passes reads and the few wallet methods that give nothing away', () => {
    for (const method of ['eth_call', 'eth_chainId', 'eth_getBalance', 'eth_accounts', 'eth_requestAccounts', 'wallet_getCapabilities', 'wallet_watchAsset', 'personal_ecRecover', 'net_version']) {
      expect(classifyRequest(method, []).guarded, method).toBe(false);
    }
  });
  it('holds an EIP-7702 authorization list under any method name', () => {
    expect(classifyRequest('eth_estimateGas', [{ authorizationList: [] }]).guarded).toBe(true);
  });
  it('passes wallet_requestPermissions only when it asks to connect, and hands on the copy it judged', () => {
    const connect = classifyRequest('wallet_requestPermissions', [{ eth_accounts: {} }]);
    expect(connect).toEqual({ guarded: false, params: [{ eth_accounts: {} }] });
    expect(classifyRequest('wallet_requestPermissions', [{ eth_accounts: {}, wallet_snap: {} }]).guarded).toBe(true);
    expect(classifyRequest('wallet_requestPermissions', []).guarded).toBe(true);
    // A getter that answers "eth_accounts" once and something else later is read once, into the copy.
    let reads = 0;
    const shifty = [Object.defineProperty({}, 'eth_accounts', { enumerable: true, get: () => (reads++ === 0 ? {} : { evil: true }) })];
    const judged = classifyRequest('wallet_requestPermissions', shifty);
    expect(judged.params).toEqual([{ eth_accounts: {} }]);
  });
  it('ignores names the page adds to Object.prototype', () => {
    (Object.prototype as Record<string, unknown>).eth_sendTransaction = true;
    try {
      expect(classifyRequest('eth_sendTransaction', []).guarded).toBe(true);
      expect(classifyRequest('wallet_evil', []).guarded).toBe(true);
    } finally {
      delete (Object.prototype as Record<string, unknown>).eth_sendTransaction;
    }
  });
});
