// The extension's messages in unit tests: fakeBrowser has no i18n, so getMessage reads the real
// public/_locales/en/messages.json (components/messages-file.ts).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, readMessages } from './components/messages-file';

const messages = readMessages();
fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => getMessageFrom(messages, key, substitutions)) as typeof fakeBrowser.i18n.getMessage;
