// Where the optional list updates come from (options page switch `listUpdates`, off by default).
// Both are raw files on GitHub, which answers any origin with `Access-Control-Allow-Origin: *`, so the
// service worker fetches them without a host permission. Nothing is sent but a plain GET of these URLs.

export type UpdateFormat = 'metamask-config' | 'domain-array';

export interface UpdateSource {
  /** Names the source in findings and on the warning page; never one of the shipped list ids. */
  id: 'metamask-update' | 'scamsniffer-update';
  name: string;
  licence: string;
  url: string;
  format: UpdateFormat;
}

export const LIST_UPDATE_SOURCES: readonly UpdateSource[] = [
  {
    id: 'metamask-update',
    name: "MetaMask's eth-phishing-detect list (daily update)",
    licence: 'DBAD-1.1 (Don\'t Be A Dick Public License)',
    url: 'https://raw.githubusercontent.com/MetaMask/eth-phishing-detect/main/src/config.json',
    format: 'metamask-config',
  },
  {
    id: 'scamsniffer-update',
    name: 'ScamSniffer scam database (daily update)',
    licence: 'GPL-3.0',
    url: 'https://raw.githubusercontent.com/scamsniffer/scam-database/main/blacklist/domains.json',
    format: 'domain-array',
  },
];

/** storage.local key of the downloaded lists: `StoredListUpdate` (entrypoints/background/list-updates.ts). */
export const LIST_UPDATE_KEY = 'listUpdate';

/**
 * TEST ONLY: storage.local key holding `{ [source id]: url }` to point the updates at a local server (the
 * e2e tests do). Only the extension's own code can write storage.local — no web page can — and nothing
 * in the extension's pages sets it. Values that are not http(s) URLs are ignored.
 */
export const LIST_UPDATE_URLS_OVERRIDE_KEY = 'listUpdateSourceUrls';

/** At most one download of each source a day; after a failure, another try an hour later. */
export const UPDATE_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const RETRY_INTERVAL_MS = 60 * 60 * 1000;

/** Larger files are ignored: a generous cap over both files, against a runaway or hostile response. */
export const MAX_DOWNLOAD_BYTES = 40 * 1024 * 1024;
/** More entries than this in one file and the file is ignored. */
export const MAX_ENTRIES = 2_000_000;
/** A download that takes longer is abandoned. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;
