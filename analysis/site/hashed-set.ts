// A compact, read-only set of strings for lists of hundreds of thousands of domains or addresses.
// Each key becomes a 40-bit hash: its top bits pick a bucket, 24 more bits are stored (3 bytes) and kept
// sorted within the bucket. About 3.1 bytes per key; a lookup is one hash and a short scan.
// It is a filter, not an exact set: an absent key is reported present with probability ≈ 2⁻²² (bucket
// sizes average 4), measured in bench/site-lists.ts. Keys themselves are not recoverable.

const MAGIC = 0x53485854; // 'TXHS' little-endian
const HEADER_BYTES = 12;
const FINGERPRINT_BYTES = 3;

function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units with a seed, finished with an avalanche step. */
export function hash32(key: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h ^ key.length);
}

function keyParts(key: string, bucketBits: number): { bucket: number; fingerprint: number } {
  return { bucket: hash32(key, 0x9e3779b9) >>> (32 - bucketBits), fingerprint: hash32(key, 0x7f4a7c15) >>> 8 };
}

/** Bucket count that keeps about four keys per bucket. */
function bucketBitsFor(n: number): number {
  return Math.min(22, Math.max(6, Math.ceil(Math.log2(Math.max(n, 1) / 4))));
}

export function encodeHashedSet(keys: Iterable<string>): Uint8Array {
  const unique = [...new Set(keys)];
  const bucketBits = bucketBitsFor(unique.length);
  const buckets: number[][] = Array.from({ length: 1 << bucketBits }, () => []);
  for (const key of unique) {
    const { bucket, fingerprint } = keyParts(key, bucketBits);
    buckets[bucket]!.push(fingerprint);
  }
  const fingerprints: number[] = [];
  const counts = new Uint8Array(1 << bucketBits);
  buckets.forEach((b, i) => {
    const sorted = [...new Set(b)].sort((x, y) => x - y);
    if (sorted.length > 255) throw new Error(`bucket ${i} holds ${sorted.length} keys; raise the bucket count`);
    counts[i] = sorted.length;
    fingerprints.push(...sorted);
  });
  const out = new Uint8Array(HEADER_BYTES + counts.length + fingerprints.length * FINGERPRINT_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint8(4, 1);
  view.setUint8(5, bucketBits);
  view.setUint32(8, fingerprints.length, true);
  out.set(counts, HEADER_BYTES);
  let p = HEADER_BYTES + counts.length;
  for (const f of fingerprints) {
    out[p++] = f >>> 16;
    out[p++] = (f >>> 8) & 0xff;
    out[p++] = f & 0xff;
  }
  return out;
}

export interface HashedSet {
  readonly size: number;
  readonly bytes: number;
  has(key: string): boolean;
}

export function readHashedSet(bytes: Uint8Array): HashedSet {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES || view.getUint32(0, true) !== MAGIC || view.getUint8(4) !== 1) throw new Error('not a hashed-set file');
  const bucketBits = view.getUint8(5);
  const size = view.getUint32(8, true);
  const bucketCount = 1 << bucketBits;
  const dataStart = HEADER_BYTES + bucketCount;
  if (bytes.byteLength !== dataStart + size * FINGERPRINT_BYTES) throw new Error('hashed-set file has the wrong length');
  // Start index of each bucket, from the stored counts.
  const starts = new Uint32Array(bucketCount + 1);
  for (let i = 0; i < bucketCount; i++) starts[i + 1] = starts[i]! + bytes[HEADER_BYTES + i]!;
  if (starts[bucketCount] !== size) throw new Error('hashed-set bucket counts do not add up');
  const fingerprintAt = (i: number) => {
    const p = dataStart + i * FINGERPRINT_BYTES;
    return (bytes[p]! << 16) | (bytes[p + 1]! << 8) | bytes[p + 2]!;
  };
  return {
    size,
    bytes: bytes.byteLength,
    has(key) {
      const { bucket, fingerprint } = keyParts(key, bucketBits);
      for (let i = starts[bucket]!, end = starts[bucket + 1]!; i < end; i++) {
        const f = fingerprintAt(i);
        if (f === fingerprint) return true;
        if (f > fingerprint) return false;
      }
      return false;
    },
  };
}
