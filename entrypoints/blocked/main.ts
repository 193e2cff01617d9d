// The full-page warning for a listed phishing site (opened by entrypoints/background/site-navigation.ts). "Go back" is the
// default; "Continue anyway" remembers the site and opens it. Only the extension can open this page (it is
// not web-accessible), so the query it reads was written by the background.
import { browser } from '#imports';
import '../../components/theme.css';
import './blocked.css';
import { normalizeHost } from '../../analysis/site/hostname';
import { hostToUnicode } from '../../analysis/site/punycode';
import { rememberException } from '../../common/site-exceptions';
import { localizeDocument, msg } from '../../components/strings';

const params = new URLSearchParams(location.search);
const url = params.get('url') ?? '';
const host = normalizeHost(url);
const safeUrl = host && /^https?:/i.test(url) ? url : null;
const backTo = params.get('back');
const safeBack = backTo && /^https?:/i.test(backTo) ? backTo : null;

localizeDocument(msg('blocked_title'));
document.querySelector<HTMLElement>('[data-testid="host"]')!.textContent = host ? hostToUnicode(host) : msg('blocked_unknownSite');
// The list names go in bold inside the sentence: it is cut where the message put them.
const names = params.get('lists')?.split('|').join(', ') || msg('blocked_aList');
const sentence = msg('blocked_onLists', names);
const at = sentence.indexOf(names);
const lists = document.createElement('strong');
lists.dataset.testid = 'lists';
lists.textContent = names;
// (A translation that left the names out still shows them, after its sentence.)
const parts = at < 0 ? [sentence, ' ', lists] : [sentence.slice(0, at), lists, sentence.slice(at + names.length)];
document.querySelector<HTMLElement>('[data-testid="on-lists"]')!.replaceChildren(...parts);

const back = document.getElementById('back') as HTMLButtonElement;
const proceed = document.getElementById('continue') as HTMLButtonElement;
back.focus();

back.addEventListener('click', async () => {
  if (safeBack) {
    location.replace(safeBack);
    return;
  }
  if (history.length > 1) {
    history.back();
    return;
  }
  // Opened in a fresh tab: there is nothing to go back to, so close it.
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
});

proceed.disabled = !safeUrl;
proceed.addEventListener('click', async () => {
  if (!host || !safeUrl) return;
  await rememberException(host);
  location.replace(safeUrl);
});
