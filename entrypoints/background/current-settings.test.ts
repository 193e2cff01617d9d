import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingItems } from '../../common/settings';
import { currentSettings } from './current-settings';

describe('currentSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives a change from the next read on, however the setting was written', async () => {
    expect((await currentSettings()).protection).toBe(true);
    await settingItems.protection.setValue(false);
    expect((await currentSettings()).protection).toBe(false);
    await fakeBrowser.storage.local.set({ pausedSites: ['https://a.example'] });
    expect((await currentSettings()).pausedSites).toEqual(['https://a.example']);
  });

  it('keeps its copy through the background\'s own bookkeeping writes', async () => {
    const first = currentSettings();
    await fakeBrowser.storage.local.set({ history: [], counts: {}, 'historyDetails:x': {}, sentTo: [] });
    expect(currentSettings()).toBe(first);
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    expect(currentSettings()).not.toBe(first);
  });
});
