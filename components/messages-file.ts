// browser.i18n.getMessage for Node (unit tests and scripts), over the real English messages file: WXT's
// fakeBrowser does not implement i18n. It follows the browsers' rules: $name$ is a named placeholder
// (case-insensitive), whose content $1…$9 is the nth substitution, and $$ is a dollar sign.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type MessagesFile = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }>;

export const MESSAGES_PATH = fileURLToPath(new URL('../public/_locales/en/messages.json', import.meta.url));

export function readMessages(path = MESSAGES_PATH): MessagesFile {
  return JSON.parse(readFileSync(path, 'utf8')) as MessagesFile;
}

const substitute = (text: string, subs: readonly string[]) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

export function getMessageFrom(messages: MessagesFile, key: string, substitutions?: string | readonly string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (all, name?: string, n?: string) => {
    if (all === '$$') return '$';
    if (name !== undefined) return substitute(placeholders[name.toLowerCase()] ?? '', subs);
    return subs[Number(n) - 1] ?? '';
  });
}
