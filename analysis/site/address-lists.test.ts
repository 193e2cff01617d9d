// The shipped address blocklists against what the sources say (../shared/data): only addresses a source
// labels scammer, drainer, phisher or exploiter, and never one the registry or a benign label names.
// `npm run lists:build` runs the same check before it writes; this test catches a registry that grew an
// address the committed lists still hold (rebuild the lists), and a build that lost a rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addressConflicts, ledgerContracts, registryAddresses } from './build/address-checks';
import { benignAddressLabels, etherscanLabelFiles, fortaAddressFiles, scamsnifferAddressFiles, type AddressSourceReading } from './build/sources';
import { LIST_FILES } from './compiled-lists';
import { readHashedSet, type HashedSet } from './hashed-set';
import { SITE_DATA_DIR } from './node-lists';

const shipped = new Map<string, HashedSet>(
  LIST_FILES.filter((f) => f.kind === 'addresses').map((f) => [f.file, readHashedSet(new Uint8Array(readFileSync(join(SITE_DATA_DIR, f.file))))]),
);
const readings: Record<string, AddressSourceReading[]> = {
  'scamsniffer-addresses.bin': scamsnifferAddressFiles(),
  'forta-addresses.bin': fortaAddressFiles(),
  'etherscan-labels-addresses.bin': etherscanLabelFiles(),
};

/** Addresses a source holds only in files that are not scam labels (touched contracts, freezes, sanctions, spam tokens). */
function onlyUnlabelled(file: string): string[] {
  const rs = readings[file]!;
  const labelled = new Set(rs.filter((r) => r.labelled).flatMap((r) => [...r.addresses]));
  return [...new Set(rs.filter((r) => !r.labelled).flatMap((r) => [...r.addresses]))].filter((a) => !labelled.has(a));
}

describe('address blocklists', () => {
  it('hold no address that the registry, a benign label or a dApp allowlist names', () => {
    const benign = [{ source: 'analysis/ethereum/registry', addresses: registryAddresses() }, ...benignAddressLabels(), { source: 'Ledger dApp contracts', addresses: ledgerContracts() }];
    expect(benign.every((b) => b.addresses.size > 0)).toBe(true);
    const conflicts = addressConflicts([...shipped].map(([name, set]) => ({ name, has: (a: string) => set.has(a) })), benign);
    expect(conflicts).toEqual([]);
  });

  it('hold none of the contracts a phishing page only touched (ScamSniffer combined.json and daily archive values)', () => {
    const touched = onlyUnlabelled('scamsniffer-addresses.bin');
    // The class is large (tokens, collections, routers); BAYC and ENS, the two, are in it.
    expect(touched.length).toBeGreaterThan(100);
    expect(touched).toEqual(expect.arrayContaining(['0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d', '0xc18360217d8f7ab5e7c516566761ea12ce7f9d72']));
    const set = shipped.get('scamsniffer-addresses.bin');
    if (!set) return; // a --no-gpl build ships no ScamSniffer file
    expect(touched.filter((a) => set.has(a))).toEqual([]);
  });

  it.each(['forta-addresses.bin', 'etherscan-labels-addresses.bin'])('%s holds no address that its source lists only without a scam label', (file) => {
    const unlabelled = onlyUnlabelled(file);
    expect(unlabelled.length).toBeGreaterThan(0);
    expect(unlabelled.filter((a) => shipped.get(file)!.has(a))).toEqual([]);
  });

  it('keep the labelled drainer and phishing addresses', () => {
    for (const [file, set] of shipped) {
      const labelled = new Set(readings[file]!.filter((r) => r.labelled).flatMap((r) => [...r.addresses]));
      const kept = [...labelled].filter((a) => set.has(a)).length;
      // Only the few that a benign label names are left out.
      expect(kept / labelled.size, file).toBeGreaterThan(0.99);
    }
  });
});
