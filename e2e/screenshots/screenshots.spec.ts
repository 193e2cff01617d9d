// docs/screenshots/<name>-light.png and <name>-dark.png from the built extension (`npm run screenshots`):
// each entry opens a page of the extension as a person meets it, and the picture is what shows in one
// screen of it at the entry's size, in the light and the dark theme (the pages follow the system's).
// More pages (the popup, the settings page) are more entries in SHOTS.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { KNOWN_DAPP_HOST, ROOT } from '../fixtures/browser';
import { COMMON_WARNINGS, type CommonWarning } from '../fixtures/common-warnings';
import type { Firewall } from '../fixtures/test';
import { openPopup, POPUP_SIZE } from '../fixtures/popup';
import { CONFIRM_WINDOW, expect, test, WARNING_OPTIONS, type WarningWindow } from '../fixtures/warning-window';

test.use(WARNING_OPTIONS);

const OUT = join(ROOT, 'docs', 'screenshots');

/** The fixtures an entry may use to open its page. */
interface ShotFixtures {
  context: BrowserContext;
  firewall: Firewall;
  /** The test server's two origins: localhost and 127.0.0.1. */
  server: { url: string; otherOrigin: string };
  openDapp(path?: string): Promise<Page>;
  openWarning(warning: CommonWarning): Promise<WarningWindow>;
}

interface Shot {
  /** The file names' stem: docs/screenshots/<name>-light.png and -dark.png. */
  name: string;
  /** The page's viewport, and so the picture's size: `open` gives the page at this size (test.use sets it for every page). */
  size: { width: number; height: number };
  /** Opens the page, ready to picture; `close` ends what opening it started (a held request is rejected). */
  open(fixtures: ShotFixtures): Promise<{ page: Page; close(): Promise<void> }>;
}

const SHOTS: readonly Shot[] = [
  // The confirm window for each common warning.
  ...COMMON_WARNINGS.map((warning): Shot => ({
    name: warning.name,
    size: CONFIRM_WINDOW,
    async open({ openWarning }) {
      const { dialog, reject } = await openWarning(warning);
      return { page: dialog, close: reject };
    },
  })),
  // The popup on a site a list names (the user's own blocked sites, merged like a list: a test origin is on no shipped list).
  popupOn('popup-listed-site', async ({ context, firewall, server }) => {
    await firewall.setStorage({ userBlockedSites: ['127.0.0.1'] });
    const page = await context.newPage();
    await page.goto(new URL('/dapp.html', server.otherOrigin).href).catch(() => {});
    return page;
  }),
  popupOn('popup-known-dapp', async ({ context, server }) => {
    const page = await context.newPage();
    await page.goto(`http://${KNOWN_DAPP_HOST}:${new URL(server.url).port}/dapp.html`);
    return page;
  }),
  popupOn('popup-unknown-site', ({ openDapp }) => openDapp()),
  {
    name: 'blocked-page',
    size: { width: 800, height: 600 },
    async open({ context, firewall, server }) {
      await firewall.setStorage({ userBlockedSites: ['127.0.0.1'] });
      const page = await context.newPage();
      await page.setViewportSize({ width: 800, height: 600 });
      await page.goto(new URL('/dapp.html', server.otherOrigin).href).catch(() => {});
      await page.getByRole('button', { name: 'Continue anyway' }).waitFor();
      return { page, close: () => page.close() };
    },
  },
  {
    name: 'settings',
    size: { width: 800, height: 900 },
    async open({ context, firewall }) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 800, height: 900 });
      await page.goto(`chrome-extension://${firewall.extensionId}/options.html`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      return { page, close: () => page.close() };
    },
  },
];

/** The toolbar popup over the page `visit` opens, as a click on the toolbar shows it. */
function popupOn(name: string, visit: (f: ShotFixtures) => Promise<Page>): Shot {
  return {
    name,
    size: POPUP_SIZE,
    async open(f) {
      const site = await visit(f);
      await site.bringToFront();
      const popup = await openPopup(f.context, f.firewall);
      await popup.setViewportSize(POPUP_SIZE);
      return { page: popup, close: () => popup.close() };
    },
  };
}

mkdirSync(OUT, { recursive: true });

for (const shot of SHOTS) {
  test(shot.name, async ({ context, firewall, openDapp, openWarning, server }) => {
    const { page, close } = await shot.open({ context, firewall, openDapp, openWarning, server });
    expect(page.viewportSize()).toEqual(shot.size);
    const backgrounds: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForFunction((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, colorScheme === 'dark');
      // The fonts loaded and two frames drawn with the new theme before the picture.
      await page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      });
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await page.screenshot({ path: join(OUT, `${shot.name}-${colorScheme}.png`), animations: 'disabled', caret: 'hide', scale: 'css' });
    }
    // The theme really changed between the two pictures.
    expect(backgrounds[0]).not.toBe(backgrounds[1]);
    await close();
  });
}
