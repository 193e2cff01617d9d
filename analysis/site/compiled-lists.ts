// Turns the files in analysis/site/data into SiteListData, given a way to read a file's bytes: the
// background fetches them from the extension package, Node reads them from disk.
import allowlistJson from './data/allowlist.json';
import manifest from './data/manifest.json';
import type { CompiledList, ListSource, SiteListData } from './site-risk';

export interface ListFile {
  file: string;
  kind: 'domains' | 'addresses';
  source: ListSource;
  entries: number;
  bytes: number;
}

export const LIST_FILES: readonly ListFile[] = manifest.lists as ListFile[];

export const ALLOWLIST: { source: ListSource; whitelist: readonly string[]; fuzzylist: readonly string[] } = allowlistJson;

export async function compiledListData(read: (file: string) => Promise<Uint8Array>, extras: Partial<SiteListData> = {}): Promise<SiteListData> {
  const loaded = await Promise.all(LIST_FILES.map(async (f): Promise<[ListFile, CompiledList]> => [f, { source: f.source, bytes: await read(f.file) }]));
  return {
    domainLists: loaded.filter(([f]) => f.kind === 'domains').map(([, l]) => l),
    addressLists: loaded.filter(([f]) => f.kind === 'addresses').map(([, l]) => l),
    allowlist: ALLOWLIST.whitelist,
    allowlistSource: ALLOWLIST.source,
    imitated: ALLOWLIST.fuzzylist,
    ...extras,
  };
}
