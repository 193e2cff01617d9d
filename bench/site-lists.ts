// Figures for the compiled site lists: entries, bytes, load time, lookup time and the measured rate of
// false matches of the hashed sets on names that are not in them.
//   npx tsx bench/site-lists.ts
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LIST_FILES } from '../analysis/site/compiled-lists';
import { readHashedSet } from '../analysis/site/hashed-set';
import { loadSiteRiskFromDisk, SITE_DATA_DIR } from '../analysis/site/node-lists';

const time = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

let total = 0;
console.log('file                             entries      bytes  bytes/entry');
for (const f of LIST_FILES) {
  total += f.bytes;
  console.log(`${f.file.padEnd(32)} ${String(f.entries).padStart(7)} ${String(f.bytes).padStart(10)}  ${(f.bytes / Math.max(f.entries, 1)).toFixed(2)}`);
}
const allowBytes = (await readFile(join(SITE_DATA_DIR, 'allowlist.json'))).byteLength;
console.log(`allowlist.json ${allowBytes} bytes; all lists together ${total + allowBytes} bytes`);

const t0 = performance.now();
const site = await loadSiteRiskFromDisk();
console.log(`load (read + index) ${(performance.now() - t0).toFixed(1)} ms`);

// False matches: a million names that cannot be on any list (the .invalid TLD is reserved).
const domainSets = await Promise.all(LIST_FILES.filter((f) => f.kind === 'domains').map(async (f) => [f.file, readHashedSet(new Uint8Array(await readFile(join(SITE_DATA_DIR, f.file))))] as const));
const N = 1_000_000;
for (const [file, set] of domainSets) {
  let hits = 0;
  const ms = time(() => {
    for (let i = 0; i < N; i++) if (set.has(`probe-${i}-${(i * 2654435761) >>> 0}.invalid`)) hits++;
  });
  console.log(`${file}: ${hits} false matches in ${N} lookups (${(hits / N).toExponential(1)}; expected ≈ ${((4 / 2 ** 24)).toExponential(1)}); ${((ms * 1000) / N).toFixed(3)} µs per lookup`);
}

const hosts = ['app.uniswap.org', 'claim.allolive.world', 'ueswap.cloud', 'uniswap.claim-rewards.xyz', 'example.com', 'a.b.c.some-new-site.xyz'];
const R = 20_000;
let n = 0;
const listMs = time(() => {
  for (let r = 0; r < R; r++) for (const h of hosts) n += site.listedDomain(h).length;
});
console.log(`listedDomain (host + parents, all lists): ${((listMs * 1000) / (R * hosts.length)).toFixed(2)} µs per host`);
const lookMs = time(() => {
  for (let r = 0; r < R / 10; r++) for (const h of hosts) n += site.lookalikes(h).length;
});
console.log(`lookalikes (edit distance, homoglyphs, brand words): ${((lookMs * 1000) / ((R / 10) * hosts.length)).toFixed(1)} µs per host`);
let addressHits = 0;
const addrMs = time(() => {
  for (let r = 0; r < R; r++) addressHits += site.listedAddress(`0x${(r * 2654435761).toString(16).padStart(40, '0')}`).length;
});
console.log(`listedAddress: ${((addrMs * 1000) / R).toFixed(2)} µs per address (${addressHits} false matches in ${R} random addresses)`);
console.log(`(${n} list and look-alike hits on the sample hosts, printed so the loops are not optimised away)`);
