// analyzeRequest never throws, and never allows a guarded request it could not read: hostile and
// broken inputs (wrong types, truncated calldata, huge or deep typed data, throwing dependencies).
import { describe, expect, it } from 'vitest';
import { A, MAX, NOW, call, tx } from './fixtures/build';
import { benign, malicious } from './fixtures/requests';
import { analyzeRequest, type AnalysisInput } from './index';
import type { ChainReader } from './context/chain-reader';

const GUARDED = ['eth_sendTransaction', 'eth_signTransaction', 'wallet_sendCalls', 'eth_sign', 'personal_sign', 'eth_signTypedData', 'eth_signTypedData_v1', 'eth_signTypedData_v3', 'eth_signTypedData_v4', 'wallet_addEthereumChain', 'wallet_switchEthereumChain'];
const JUNK: unknown[] = [undefined, null, 0, -1, 1.5, '', 'x', '0x', '0xzz', [], [null], [{}], [[]], { a: 1 }, [1, 2, 3], ['0x12', { nested: { deeper: [1] } }], `0x${'f'.repeat(100_001)}`];

const input = (request: unknown, extra: Partial<AnalysisInput> = {}): AnalysisInput => ({ request: request as AnalysisInput['request'], origin: { origin: 'https://x.example' }, chainId: 1, from: A.user, ...extra });

describe('hostile input', () => {
  it('every guarded method with junk params resolves, and an unreadable request is never allowed', async () => {
    for (const method of GUARDED) {
      for (const params of JUNK) {
        const v = await analyzeRequest(input({ method, params }));
        expect(['allow', 'warn', 'block']).toContain(v.verdict);
        if (v.findings.some((f) => f.id === 'input.unreadable')) expect(v.verdict).not.toBe('allow');
      }
    }
  });

  it('survives junk request objects and junk context', async () => {
    for (const request of [undefined, null, 'eth_sign', 7, { params: [] }, { method: '' }, { method: {} }]) {
      const v = await analyzeRequest(input(request, { chainId: 'one' as never, from: 12 as never }));
      expect(v.verdict).not.toBe('allow');
    }
    const v = await analyzeRequest(undefined as never);
    expect(v.verdict).not.toBe('allow');
  });

  it('handles truncated calldata of every fixture', async () => {
    for (const f of [...benign, ...malicious]) {
      const p = (f.input.request.params as Array<Record<string, unknown>> | undefined)?.[0];
      if (typeof p?.data !== 'string') continue;
      for (const cut of [10, 11, 74, p.data.length - 2]) {
        const v = await analyzeRequest({ ...f.input, request: { ...f.input.request, params: [{ ...p, data: p.data.slice(0, cut) }] } }, { code: f.code, now: NOW });
        expect(['allow', 'warn', 'block']).toContain(v.verdict);
      }
    }
  });

  it('follows nesting only so deep', async () => {
    let data = call.approve(A.attacker, MAX);
    for (let i = 0; i < 20; i++) data = call.v3Multicall(0n, [data]);
    const v = await analyzeRequest(input(tx(A.swapRouter02, data)), { now: NOW });
    expect(['allow', 'warn', 'block']).toContain(v.verdict);
  });

  it('turns a throwing chain reader into findings, not an exception', async () => {
    const broken: ChainReader = {
      getCode: () => Promise.reject(new Error('boom')),
      getTransactionCount: () => {
        throw new Error('sync boom');
      },
      getTokenInfo: () => Promise.reject(new Error('boom')),
      balanceOf: () => Promise.reject(new Error('boom')),
      getChainId: () => Promise.resolve(1),
    };
    const v = await analyzeRequest(input(tx(A.usdc, call.approve(A.drainerContract, MAX))), { chain: broken, now: NOW, timeoutMs: 200 });
    expect(v.verdict).toBe('warn');
    expect(v.findings.map((f) => f.id)).toContain('context.unavailable');
  });

  it('turns a throwing model seam into a finding', async () => {
    const v = await analyzeRequest(input(tx(A.drainerContract, call.mint(1n), 1n)), {
      code: { [A.drainerContract]: '0x6080' },
      now: NOW,
      scoreContract: () => Promise.reject(new Error('model missing')),
    });
    expect(v.score).toBeNull();
    expect(v.findings.map((f) => f.id)).toContain('model.unavailable');
  });

  it('passes the model score through the seam', async () => {
    const v = await analyzeRequest(input(tx(A.drainerContract, call.mint(1n), 1n)), {
      code: { [A.drainerContract]: '0x6080' },
      now: NOW,
      scoreContract: async ({ bytecode }) => ({ score: bytecode === '0x6080' ? 0.25 : 1, reasons: ['small contract'] }),
    });
    expect(v.score).toBe(0.25);
  });
});
