import { describe, expect, it } from 'vitest';
import type { Settings } from '../../common/settings';
import { exportSettings, parseSettingsFile } from './settings-file';

const settings: Settings = {
  rpcUrls: { '1': 'https://eth.example.org', '31337': 'http://127.0.0.1:8545' },
  protection: true,
  pausedSites: ['https://app.example.org'],
  trustedSites: [],
  sensitivity: 'warn',
  listUpdates: true,
  historyDays: 30,
};

describe('settings file', () => {
  it('round-trips what it exports', () => {
    expect(parseSettingsFile(exportSettings(settings))).toEqual({ ok: true, settings });
  });

  const broken: [string, unknown][] = [
    ['not JSON', '{'],
    ['an array', []],
    ['another version', { ...settings, version: 2 }],
    ['an unknown key', { ...settings, version: 1, evil: 1 }],
    ['a script URL', { ...settings, version: 1, rpcUrls: { '1': 'javascript:alert(1)' } }],
    ['a chain id that is not a number', { ...settings, version: 1, rpcUrls: { abc: 'https://x.org' } }],
    ['a path instead of an origin', { ...settings, version: 1, trustedSites: ['https://x.org/path'] }],
    ['a number for a boolean', { ...settings, version: 1, protection: 1 }],
    ['an unknown sensitivity', { ...settings, version: 1, sensitivity: 'none' }],
    ['a string for listUpdates', { ...settings, version: 1, listUpdates: 'yes' }],
    ['negative days', { ...settings, version: 1, historyDays: -1 }],
  ];
  for (const [what, value] of broken) {
    it(`rejects ${what} with a reason`, () => {
      const result = parseSettingsFile(typeof value === 'string' ? value : JSON.stringify(value));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
    });
  }

  it('reads a file from before the list-updates switch as off', () => {
    const { listUpdates: _, ...older } = settings;
    expect(parseSettingsFile(JSON.stringify({ version: 1, ...older }))).toEqual({ ok: true, settings: { ...settings, listUpdates: false } });
  });

  it('rejects a file too large to be settings', () => {
    expect(parseSettingsFile(' '.repeat(300_000)).ok).toBe(false);
  });
});
