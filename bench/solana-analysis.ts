// How long the Solana analysis takes per decision, for an allowed transaction (a SOL transfer to a
// friend) and a warned one (an SPL Approve to a delegate plus a durable nonce), both built with
// @solana/kit. Prints ms per decision; no thresholds. Run: npx tsx bench/solana-analysis.ts
import { getTransferSolInstruction } from '@solana-program/system';
import { getApproveInstruction } from '@solana-program/token';
import { performance } from 'node:perf_hooks';
import { analyzeSolanaRequest } from '../analysis/solana';
import { buildTransaction, keys } from '../analysis/solana/fixtures/build';

const RUNS = 2_000;

async function timeOf(name: string, transaction: Uint8Array, signer: string, expected: string): Promise<void> {
  const input = { request: { method: 'solana:signTransaction', params: { account: { address: signer }, transaction } }, origin: { origin: 'https://app.example.com' }, signer };
  const first = await analyzeSolanaRequest(input);
  if (first.verdict !== expected) throw new Error(`${name}: expected ${expected}, got ${first.verdict}`);
  for (let i = 0; i < 200; i++) await analyzeSolanaRequest(input);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await analyzeSolanaRequest(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(`${name.padEnd(34)} ${first.verdict.padEnd(6)} mean ${mean.toFixed(3)} ms  median ${at(0.5).toFixed(3)} ms  p95 ${at(0.95).toFixed(3)} ms  (${RUNS} runs, ${transaction.length} bytes)`);
}

const [me, friend, thief, nonceAccount, tokenAccount] = await keys(5);
const allowed = buildTransaction(me!, [getTransferSolInstruction({ source: me!, destination: friend!.address, amount: 1_000_000_000n })]);
const warned = buildTransaction(me!, [getApproveInstruction({ source: tokenAccount!.address, delegate: thief!.address, owner: me!, amount: 2n ** 64n - 1n })], {
  nonce: { nonceAccountAddress: nonceAccount!.address, nonceAuthority: me!, nonce: 'EkSnNWid2cvwEVnVx9aBqawnmiCNiDgp3gUdkDPTKN1N' },
});
console.log(`Solana analysis, ms per decision (node ${process.version})`);
await timeOf('SOL transfer to a friend (v0)', allowed, me!.address, 'allow');
await timeOf('Approve + durable nonce (v0)', warned, me!.address, 'warn');
