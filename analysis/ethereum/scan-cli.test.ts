// The scan CLI as researchers run it: JSON lines in, one JSON line out per input line, exit 2 when
// any line was invalid.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { A, MAX, call } from './fixtures/build';

function scan(stdin: string, args: string[] = []) {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/scan.ts', ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, lines: r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), stderr: r.stderr };
}

describe('scan CLI', { timeout: 60_000 }, () => {
  it('prints one verdict per line in order and exits 2 after an invalid line', () => {
    const good = { origin: 'https://evil.example', chainId: 1, from: A.user, method: 'eth_sendTransaction', params: [{ to: A.usdc, data: call.approve(A.attacker, MAX) }], code: { [A.attacker.toUpperCase().replace('0X', '0x')]: '0x' } };
    const { status, lines } = scan([JSON.stringify(good), '{not json', JSON.stringify({ method: 'personal_sign', params: ['hello', A.user] }), JSON.stringify({ params: [] })].join('\n'));
    expect(status).toBe(2);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ verdict: 'block', score: null });
    expect(Object.keys(lines[0]!)).toEqual(['verdict', 'score', 'summary', 'findings', 'ms']);
    expect(Object.keys((lines[0]!.findings as object[])[0]!)).toEqual(['id', 'severity', 'title', 'detail']);
    expect(lines[1]).toEqual({ error: 'not valid JSON', line: 2 });
    expect(lines[2]).toMatchObject({ verdict: 'allow' });
    expect(lines[3]).toMatchObject({ line: 4 });
  });

  it('exits 0 when every line is valid', () => {
    const { status, lines } = scan(`${JSON.stringify({ method: 'eth_sign', params: [A.user, `0x${'11'.repeat(32)}`] })}\n`);
    expect(status).toBe(0);
    expect(lines[0]).toMatchObject({ verdict: 'block' });
  });
});
