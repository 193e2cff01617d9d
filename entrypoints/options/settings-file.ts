// Export and import of settings as a small JSON file. Import accepts only a well-formed file and
// says what is wrong otherwise: a settings file may come from anywhere.
import type { Settings } from '../../common/settings';
import { strings } from '../../components/strings';

const e = strings.options.fileErrors;

export const SETTINGS_FILE_VERSION = 1;
const MAX_FILE_CHARS = 256 * 1024;
const SEVERITIES = ['info', 'warn', 'danger'];

export function exportSettings(settings: Settings): string {
  return JSON.stringify({ version: SETTINGS_FILE_VERSION, ...settings }, null, 2);
}

function isOrigin(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v;
  } catch {
    return false;
  }
}

function isRpcUrl(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 2048) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

export function parseSettingsFile(text: string): ImportResult {
  if (text.length > MAX_FILE_CHARS) return { ok: false, error: e.tooLarge };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: e.notJson };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: e.noSettings };
  const d = data as Record<string, unknown>;
  if (d.version !== SETTINGS_FILE_VERSION) return { ok: false, error: e.version(String(JSON.stringify(d.version))) };
  const known = new Set(['version', 'rpcUrls', 'protection', 'pausedSites', 'trustedSites', 'sensitivity', 'listUpdates', 'historyDays']);
  const unknown = Object.keys(d).filter((k) => !known.has(k));
  if (unknown.length) return { ok: false, error: e.unknownSetting(unknown[0]!) };
  const rpc = d.rpcUrls;
  if (typeof rpc !== 'object' || rpc === null || Array.isArray(rpc)) return { ok: false, error: e.rpcUrls };
  for (const [chain, url] of Object.entries(rpc)) {
    if (!/^[1-9][0-9]{0,15}$/.test(chain)) return { ok: false, error: e.chainId(chain.slice(0, 30)) };
    if (!isRpcUrl(url)) return { ok: false, error: e.rpcUrl(chain) };
  }
  if (typeof d.protection !== 'boolean') return { ok: false, error: e.boolean('protection') };
  // Absent from files exported before the switch existed: then off, its default.
  if (d.listUpdates !== undefined && typeof d.listUpdates !== 'boolean') return { ok: false, error: e.boolean('listUpdates') };
  for (const key of ['pausedSites', 'trustedSites'] as const) {
    const list = d[key];
    if (!Array.isArray(list) || list.length > 10_000 || !list.every(isOrigin)) return { ok: false, error: e.sites(key) };
  }
  if (typeof d.sensitivity !== 'string' || !SEVERITIES.includes(d.sensitivity)) return { ok: false, error: e.sensitivity };
  if (!Number.isInteger(d.historyDays) || (d.historyDays as number) < 1 || (d.historyDays as number) > 3650) {
    return { ok: false, error: e.historyDays };
  }
  return {
    ok: true,
    settings: {
      rpcUrls: rpc as Record<string, string>,
      protection: d.protection,
      pausedSites: d.pausedSites as string[],
      trustedSites: d.trustedSites as string[],
      sensitivity: d.sensitivity as Settings['sensitivity'],
      listUpdates: d.listUpdates ?? false,
      historyDays: d.historyDays as number,
    },
  };
}
