// `npm run bench:passthrough`: pass-through overhead alone (the measurement is in
// measure-passthrough.ts, shared with `npm run bench`). Prints figures; asserts nothing about time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT, launchBrowser } from '../e2e/fixtures/browser';
import { startEnvironment } from '../e2e/demo/environment';
import { measurePassthrough, printPassthrough, type Variant } from './measure-passthrough';

const CALLS = Number(process.env.BENCH_CALLS ?? 300);

const env = await startEnvironment();
const variants = { without: await launchBrowser({ walletDir: env.walletDir, withFirewall: false }), with: await launchBrowser({ walletDir: env.walletDir }) };
const pages = {} as Record<Variant, Page>;
for (const [name, context] of Object.entries(variants) as [Variant, (typeof variants)[Variant]][]) {
  pages[name] = await context.newPage();
  await pages[name].goto(`${env.server.url}/dapp.html`);
  await pages[name].waitForFunction(() => window.ethereum !== undefined);
}

const result = await measurePassthrough(pages, env.contracts, { calls: CALLS });
printPassthrough(result);
const out = join(ROOT, 'e2e', '.artifacts', 'bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'passthrough.json'), JSON.stringify(result, null, 2));

await variants.without.close();
await variants.with.close();
await env.stop();
