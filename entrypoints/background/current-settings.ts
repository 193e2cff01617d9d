// The user's settings as the background reads them for every request: from memory (storage-copy.ts),
// dropped on any change to a setting.
import { readSettings, type Settings } from '../../common/settings';
import { storageCopy } from './storage-copy';

/** Keys the background itself writes on every request: no setting among them, so they keep the copy. */
const BOOKKEEPING = /^(history|counts|historyDetails:.*|sentTo)$/;

// Any other key of local storage may be a setting (WXT also keeps `<key>$` metadata beside each): when in doubt the copy goes.
const settings = storageCopy(readSettings, (changes) => (Object.keys(changes).some((key) => !BOOKKEEPING.test(key)) ? 'drop' : undefined));

export function currentSettings(): Promise<Settings> {
  return settings.get();
}
