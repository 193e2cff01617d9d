// Node side (tests, scan CLI, benchmarks): the compiled lists read from disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compiledListData } from './compiled-lists';
import { createSiteRisk, type SiteListData, type SiteRisk } from './site-risk';

export const SITE_DATA_DIR = join(import.meta.dirname, 'data');

export async function loadSiteRiskFromDisk(extras: Partial<SiteListData> = {}): Promise<SiteRisk> {
  return createSiteRisk(await compiledListData(async (file) => new Uint8Array(await readFile(join(SITE_DATA_DIR, file))), extras));
}
