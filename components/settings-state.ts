// Settings, history and counts for the popup and the options page, kept in step with storage so a
// change made anywhere (another page, the background) shows at once.
import { create } from 'zustand';
import { countsItem, historyItem, type Counts, type HistoryEntry } from '../common/decision-history';
import { readSettings, settingItems, type SettingName, type Settings } from '../common/settings';

interface SettingsState {
  settings: Settings | undefined;
  history: HistoryEntry[];
  counts: Counts | undefined;
  start(): () => void;
  set<K extends SettingName>(name: K, value: Settings[K]): Promise<void>;
}

const refresh = async (set: (partial: Partial<SettingsState>) => void) => {
  const [settings, history, counts] = await Promise.all([readSettings(), historyItem.getValue(), countsItem.getValue()]);
  set({ settings, history, counts });
};

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: undefined,
  history: [],
  counts: undefined,
  start() {
    void refresh(set);
    const unwatch = [...Object.values(settingItems), historyItem, countsItem].map((item) => (item as { watch(cb: () => void): () => void }).watch(() => void refresh(set)));
    return () => unwatch.forEach((u) => u());
  },
  async set(name, value) {
    // Shown at once, so a switch flips under the click rather than after the write; the storage watch
    // brings back what was really stored.
    set((state) => ({ settings: state.settings && { ...state.settings, [name]: value } }));
    try {
      await (settingItems[name] as { setValue(v: unknown): Promise<void> }).setValue(value);
    } catch (error) {
      // Not stored: show what is.
      await refresh(set);
      throw error;
    }
  },
}));

/** Adds or removes one entry of a list setting. */
export function toggled(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}
