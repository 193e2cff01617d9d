// Validation and merge of the optional list updates (entrypoints/background/list-updates-sources.ts): strict about shape,
// size and host syntax; anything malformed is ignored and what was there before stays. The new hosts are
// hashed into the same hashed-set format the build uses (analysis/site/hashed-set.ts) and kept in
// storage.local as base64. Pure functions, no browser APIs: the background part is entrypoints/background/list-updates-worker.ts.
import { encodeHashedSet } from '../../analysis/site/hashed-set';
import { lookupNames, normalizeHost, suffixOf } from '../../analysis/site/hostname';
import type { CompiledList } from '../../analysis/site/site-risk';
import { MAX_DOWNLOAD_BYTES, MAX_ENTRIES, type UpdateFormat, type UpdateSource } from './list-updates-sources';

export interface StoredList {
  id: UpdateSource['id'];
  name: string;
  licence: string;
  url: string;
  /** When this list was downloaded (ms since the epoch). */
  fetchedAt: number;
  /** Hosts in the hashed set: new ones only, allow-listed and already shipped ones dropped. */
  entries: number;
  /** The hashed set, base64. */
  data: string;
}

export interface StoredListUpdate {
  /** When the last attempt was made, and when the next may be. */
  checkedAt: number;
  nextCheckAt: number;
  lists: StoredList[];
}

export interface ParsedList {
  blocked: string[];
  /** Hosts the source itself says are real sites (MetaMask's whitelist). */
  allowed: string[];
}

const HOST_RE = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** A list entry as the lookup key the build would make of it, or null if it is not a plain host name. */
export function validHost(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 253) return null;
  // A host, not a URL, pattern or path: no scheme, port, path, user, wildcard, space or escape.
  if (/[\s/:@?#\\*%[\]<>"'`]/.test(raw)) return null;
  const host = normalizeHost(raw);
  if (host === null) return null;
  if (IPV4_RE.test(host)) return host;
  if (!HOST_RE.test(host)) return null;
  // A TLD, a country second level or a hosting platform itself would never be a phishing site.
  if (suffixOf(host) === host || suffixOf(`x.${host}`) === host) return null;
  return host;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function stringArray(v: unknown): unknown[] | null {
  return Array.isArray(v) && v.length <= MAX_ENTRIES ? (v as unknown[]) : null;
}

/** Parses a downloaded file; null if it is not the expected shape (the whole file is then ignored). */
export function parseListFile(format: UpdateFormat, text: string): ParsedList | null {
  if (text.length > MAX_DOWNLOAD_BYTES) return null;
  const data = parseJson(text);
  if (format === 'domain-array') {
    const list = stringArray(data);
    return list ? { blocked: list.map(validHost).filter((h): h is string => h !== null), allowed: [] } : null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  const blacklist = stringArray(d.blacklist);
  const whitelist = stringArray(d.whitelist);
  if (!blacklist || !whitelist) return null;
  return { blocked: blacklist.map(validHost).filter((h): h is string => h !== null), allowed: whitelist.map(validHost).filter((h): h is string => h !== null) };
}

/** A test for "an update must not block this host": the host, a parent or a subdomain of it is allow-listed. */
export function allowGuard(allowlist: readonly string[]): (host: string) => boolean {
  const allow = new Set<string>();
  const parents = new Set<string>();
  for (const raw of allowlist) {
    const host = normalizeHost(raw);
    if (!host) continue;
    allow.add(host);
    for (const name of lookupNames(host).slice(1)) parents.add(name);
  }
  return (host) => parents.has(host) || lookupNames(host).some((n) => allow.has(n));
}

export interface MergeOptions {
  /** The shipped allowlist; the MetaMask download's whitelist is added to it. */
  allowlist: readonly string[];
  /** Hosts the shipped lists already cover; not stored again. */
  known?: (host: string) => boolean;
  now: number;
}

/** The stored form of one source's download: new hosts only, deduplicated, never an allow-listed one. */
export function mergeDownloads(downloads: readonly { source: UpdateSource; parsed: ParsedList }[], options: MergeOptions): StoredList[] {
  const guard = allowGuard([...options.allowlist, ...downloads.flatMap((d) => d.parsed.allowed)]);
  return downloads.map(({ source, parsed }) => {
    const hosts = [...new Set(parsed.blocked)].filter((h) => !guard(h) && !options.known?.(h));
    return { id: source.id, name: source.name, licence: source.licence, url: source.url, fetchedAt: options.now, entries: hosts.length, data: toBase64(encodeHashedSet(hosts)) };
  });
}

/** The stored lists as extra domain lists for createSiteRisk; a list that does not decode is left out. */
export function storedDomainLists(stored: unknown): CompiledList[] {
  if (!isStoredListUpdate(stored)) return [];
  return stored.lists.flatMap((l) => {
    try {
      return [{ source: { id: l.id, name: l.name, licence: l.licence, url: l.url }, bytes: fromBase64(l.data) }];
    } catch {
      return [];
    }
  });
}

export function isStoredListUpdate(v: unknown): v is StoredListUpdate {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<StoredListUpdate>;
  return (
    typeof s.checkedAt === 'number' &&
    typeof s.nextCheckAt === 'number' &&
    Array.isArray(s.lists) &&
    s.lists.every((l) => typeof l === 'object' && l !== null && typeof l.id === 'string' && typeof l.name === 'string' && typeof l.data === 'string' && typeof l.fetchedAt === 'number')
  );
}

/**
 * Reads a response body as UTF-8 text, giving up (null) past `maxBytes` — announced or actual — or on
 * bytes that are not UTF-8.
 */
export async function readCapped(response: Response, maxBytes = MAX_DOWNLOAD_BYTES): Promise<string | null> {
  const announced = Number(response.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > maxBytes) return null;
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
