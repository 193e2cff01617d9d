// npm run eval [-- --only sites|requests|addresses|tokens] [--full] [--json FILE]
// --full judges every host of every row except the wiring checks (hosts on a shipped list), which stay at 300.
// Precision and recall of the firewall on real public data we did not write: sites (../shared/data),
// addresses (../shared/data) and requests (MetaMask's test dapp, npm @metamask/test-dapp, clicked in
// Chromium on a local anvil chain), and the token red flags read from bytecode (CRPWarner's and
// SADPonzi's tokens, eval/token-flags.ts). Offline: only loopback. Prints Markdown tables, then each false-alarm
// class of issue 16 as its own row, then the sources and their licences.
import { writeFileSync } from 'node:fs';
import { evaluateAddresses, type AddressRow } from './addresses';
import { loadProductParts } from './deps';
import { evaluateTestDapp, type FlowResult, type NodeMode } from './requests';
import { evaluateSites, type SiteRow } from './sites';
import { sharedDataPresent, SHARED_DATA, SOURCES } from './sources';
import { evaluateTokenFlags, TOKEN_SOURCES } from './token-flags';
import { TEST_DAPP, TEST_DAPP_LEFT_OUT, type FlowClass } from '../e2e/fixtures/test-dapp';

type Part = 'sites' | 'requests' | 'addresses' | 'tokens';

interface Options {
  only?: Part;
  cap: number;
  json?: string;
}

/** Per population and source; a full run (--full) takes about two minutes more. */
const DEFAULT_CAP = 1000;

function parseArgs(argv: string[]): Options {
  const opts: Options = { cap: DEFAULT_CAP };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--full') opts.cap = Infinity;
    else if (a === '--only') opts.only = argv[++i] as Part;
    else if (a === '--json') opts.json = argv[++i];
    else throw new Error(`unknown argument ${a} (use --only sites|requests|addresses|tokens, --full, --json FILE)`);
  }
  if (opts.only && !['sites', 'requests', 'addresses', 'tokens'].includes(opts.only)) throw new Error(`--only takes sites, requests, addresses or tokens, not ${opts.only}`);
  return opts;
}

const pct = (k: number, n: number) => (n === 0 ? '–' : `${((100 * k) / n).toFixed(1)} %`);
const table = (head: string[], rows: (string | number)[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const out: string[] = [];
const say = (s = '') => {
  out.push(s);
  process.stdout.write(`${s}\n`);
};

function siteTable(rows: SiteRow[]): void {
  say('## Sites: does the window open? (false alarms on legitimate sites, recall on phishing)');
  say();
  say(
    table(
      ['population', 'source', 'judged / hosts', 'window opens', 'rate', 'list', 'look-alike', 'brand', 'model', 'other'],
      rows.map((r) => [r.population, r.source.id, `${r.n} / ${r.total}`, r.opened, `${pct(r.opened, r.n)} ${r.malicious ? 'recall' : 'false alarms'}`, r.byCause['site.listed'] ?? 0, r.byCause['site.lookalike'] ?? 0, r.byCause['site.brand-misuse'] ?? 0, r.byCause['site.model'] ?? 0, r.byCause.other ?? 0]),
    ),
  );
  say();
  for (const r of rows.filter((r) => r.examples.length)) say(`- ${r.population}, ${r.source.id}: ${r.malicious ? 'missed' : 'opened on'} e.g. ${r.examples.join('; ')}`);
  say();
}

function addressTable(rows: AddressRow[]): void {
  say('## Addresses: on a shipped blocklist ("known scam address", block) and known to the protocol registry');
  say();
  say(table(['population', 'source', 'addresses', 'on a blocklist', 'rate', 'unknown to the registry'], rows.map((r) => [r.population, r.source.id, r.n, r.listed, `${pct(r.listed, r.n)} ${r.malicious ? 'recall' : 'false alarms'}`, r.unknown === undefined ? '–' : `${r.unknown} (${pct(r.unknown, r.n)})`])));
  say();
  for (const r of rows.filter((r) => r.examples.length)) say(`- ${r.population}: ${r.malicious ? 'not listed' : 'listed'} e.g. ${r.examples.join('; ')}`);
  say();
}

const opened = (f: FlowResult, mode: NodeMode) => f.requests.some((q) => q.verdicts[mode].verdict !== 'allow');
/** The contract model's band for a flow: its highest over the flow's requests (node answers), whether or not it warned. */
const MODEL_BANDS = ['low', 'elevated', 'high'] as const;
function modelBand(f: FlowResult): (typeof MODEL_BANDS)[number] | undefined {
  const bands = f.requests.flatMap((q) => q.verdicts.node.findings.filter((x) => x.id === 'model.score' || x.id === 'model.flagged').map((x) => MODEL_BANDS.indexOf(x.evidence?.level as never)));
  return bands.length ? MODEL_BANDS[Math.max(...bands)] : undefined;
}
const alarms = (f: FlowResult, mode: NodeMode) => [...new Set(f.requests.flatMap((q) => q.verdicts[mode].findings.filter((x) => x.severity !== 'info').map((x) => x.id)))];

function requestTables(flows: FlowResult[]): void {
  say(`## Requests: ${TEST_DAPP.name}@${TEST_DAPP.version} (${TEST_DAPP.licence}), every flow clicked in Chromium, chain id 1 on anvil`);
  say();
  const classes: FlowClass[] = ['benign', 'disputed', 'malicious', 'listed', 'negative'];
  const summary = classes.flatMap((c) => {
    const run = flows.filter((f) => f.flow.class === c && f.clicked && f.requests.length > 0);
    return (['node', 'no-node'] as NodeMode[]).map((m) => [c, m === 'node' ? 'answers (anvil; the wallet\'s own connection, read when no node answers, gives the same)' : 'nothing answers, not even the wallet', run.length, run.filter((f) => opened(f, m)).length, `${pct(run.filter((f) => opened(f, m)).length, run.length)} ${c === 'benign' ? 'false alarms' : c === 'malicious' ? 'recall' : 'warned'}`]);
  });
  say(table(['class', "the chain's node", 'flows', 'window opens', 'rate'], summary));
  say();
  say(
    table(
      ['flow', 'class', 'built in (dist/main.js)', 'requests', 'node answers', 'node does not answer'],
      flows.map((f) => [`${f.flow.label} (#${f.flow.button})`, f.flow.class, f.flow.module, f.clicked ? f.requests.map((q) => q.method).join(', ') || 'none sent' : 'not run', f.clicked ? (opened(f, 'node') ? `opens: ${alarms(f, 'node').join(', ')}` : 'passes') : '–', f.clicked ? (opened(f, 'no-node') ? `opens: ${alarms(f, 'no-node').join(', ')}` : 'passes') : '–']),
    ),
  );
  say();
  say(`Left out of the test dapp: ${TEST_DAPP_LEFT_OUT.join('; ')}.`);
  say();
}

/** Issue 16's false-alarm classes, one row each, from the figures above. */
function classTable(sites: SiteRow[] | undefined, addresses: AddressRow[] | undefined, flows: FlowResult[] | undefined): void {
  say('## False-alarm classes (issue 16), one row each');
  say();
  const rows: string[][] = [];
  if (sites) {
    const unlisted = sites.filter((r) => r.population === 'legitimate crypto, on no shipped list');
    const n = unlisted.reduce((s, r) => s + r.n, 0);
    const k = unlisted.reduce((s, r) => s + r.opened, 0);
    const model = unlisted.reduce((s, r) => s + (r.byCause['site.model'] ?? 0), 0);
    const brand = unlisted.reduce((s, r) => s + (r.byCause['site.brand-misuse'] ?? 0), 0);
    const list = unlisted.reduce((s, r) => s + (r.byCause['site.listed'] ?? 0), 0);
    rows.push(['legitimate sites called phishing', 'legitimate crypto sites on no shipped list the domain model never trained on (all sources above, sampled)', `${k} / ${n} (${pct(k, n)})`, `domain model ${model}, brand in name ${brand}, on a phishing list ${list}`]);
    // SEAL's portfolios are its members' own domains, defensive look-alike registrations and preview
    // deployments included: exact-match use only, so no shipped list or model may know them.
    const dapps = unlisted.filter((r) => r.source.id !== SOURCES.seal.id);
    const dn = dapps.reduce((s, r) => s + r.n, 0);
    const dk = dapps.reduce((s, r) => s + r.opened, 0);
    rows.push(['legitimate sites called phishing', '… the same without SEAL\'s brand portfolios (dApp front-ends, protocols, chains, tokens)', `${dk} / ${dn} (${pct(dk, dn)})`, `domain model ${dapps.reduce((s, r) => s + (r.byCause['site.model'] ?? 0), 0)}, on a phishing list ${dapps.reduce((s, r) => s + (r.byCause['site.listed'] ?? 0), 0)}`]);
    const top = sites.find((r) => r.population === 'generic top sites');
    if (top) rows.push(['legitimate sites called phishing', 'Moz top 500 general sites', `${top.opened} / ${top.n} (${pct(top.opened, top.n)})`, top.examples.slice(0, 3).join('; ')]);
  }
  if (addresses) {
    for (const r of addresses.filter((a) => !a.malicious)) rows.push(['most-used contracts called "known scam address"', r.population, `${r.listed} / ${r.n} (${pct(r.listed, r.n)})`, r.examples.slice(0, 2).join('; ')]);
  }
  if (flows) {
    const benign = flows.filter((f) => f.flow.class === 'benign' && f.requests.length > 0);
    const listedAddr = benign.filter((f) => alarms(f, 'node').includes('site.listed-address'));
    rows.push(['most-used contracts called "known scam address"', 'benign test-dapp flows blocked by site.listed-address', `${listedAddr.length} / ${benign.length}`, listedAddr.map((f) => f.flow.button).join(', ')]);
    const modelOnly = benign.filter((f) => {
      const a = alarms(f, 'node');
      return a.length === 1 && a[0] === 'model.flagged';
    });
    const model = benign.filter((f) => alarms(f, 'node').includes('model.flagged'));
    rows.push(['ordinary contracts scored as drainers', 'benign test-dapp flows: model.flagged the only alarm / among the alarms (node answers)', `${modelOnly.length} / ${benign.length}; ${model.length} / ${benign.length}`, modelOnly.map((f) => f.flow.button).join(', ')]);
    // The model's own answer on contracts MetaMask compiled and deployed for its test dapp: ordinary
    // tokens and NFTs, and the dapp's malicious section, whether or not the answer became a warning.
    for (const cls of ['benign', 'malicious'] as const) {
      const scored = flows.filter((f) => f.flow.class === cls && modelBand(f));
      const band = (b: string) => scored.filter((f) => modelBand(f) === b);
      rows.push([`the contract model's own band (${cls} flows)`, `${cls} test-dapp flows that called a contract: rated high / elevated / low (node answers)`, `${band('high').length} / ${band('elevated').length} / ${band('low').length} of ${scored.length}`, band('high').map((f) => f.flow.button).join(', ')]);
    }
    const offline = benign.filter((f) => opened(f, 'no-node') && !opened(f, 'node'));
    rows.push(["a node that does not answer makes everything a warning", 'benign test-dapp flows that open only when the node does not answer', `${offline.length} / ${benign.length} (opens with no node: ${benign.filter((f) => opened(f, 'no-node')).length})`, offline.map((f) => f.flow.button).join(', ')]);
    const bypass = flows.filter((f) => f.flow.module.endsWith('bypasses.js') && f.requests.length > 0);
    rows.push(['requests the wallet may read differently', 'test-dapp "warning bypass" encodings (odd-length hex, no 0x, padded chain id, integer address) that open the window (node answers / not)', `${bypass.filter((f) => opened(f, 'node')).length} / ${bypass.length}; ${bypass.filter((f) => opened(f, 'no-node')).length} / ${bypass.length}`, bypass.filter((f) => !opened(f, 'node')).map((f) => `passes: ${f.flow.button}`).join(', ')]);
  }
  if (addresses) {
    const ledger = addresses.find((a) => a.unknown !== undefined);
    if (ledger) rows.push(['known protocols not known', ledger.population, `${ledger.unknown} / ${ledger.n} unknown (${pct(ledger.unknown!, ledger.n)})`, 'the registry names none of these contracts']);
  }
  say(table(['class', 'population', 'opens / total', 'notes'], rows));
  say();
}

function sourceTable(parts: Part[]): void {
  say('## Sources and licences');
  say();
  const rows: string[][] = [];
  if (parts.includes('requests')) rows.push([`${TEST_DAPP.name}@${TEST_DAPP.version}`, `npm package, ${TEST_DAPP.file} (modules named per flow above)`, TEST_DAPP.licence]);
  for (const s of Object.values(SOURCES)) rows.push([s.id, `../shared/data/${s.id} (${s.origin})`, s.licence]);
  if (parts.includes('tokens')) for (const s of TOKEN_SOURCES) rows.push([s.id, `../shared/data/${s.id} (${s.origin})`, s.licence]);
  say(table(['source', 'where', 'licence'], rows));
  say();
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const parts: Part[] = opts.only ? [opts.only] : ['sites', 'addresses', 'requests', 'tokens'];
  const needsShared = parts.some((p) => p !== 'requests');
  if (needsShared && !sharedDataPresent()) {
    process.stderr.write(`eval: ${SHARED_DATA} is missing, so the site and address figures cannot be computed; run with --only requests\n`);
    process.exit(66);
  }
  const started = performance.now();
  const product = await loadProductParts();
  say(`# Evaluation (${new Date().toISOString().slice(0, 10)}; sample cap ${opts.cap === Infinity ? 'none' : `${opts.cap} per row`})`);
  say();
  // The browser run waits on Chromium and anvil most of the time; the site rows keep the CPU busy meanwhile.
  const flowsP = parts.includes('requests') ? evaluateTestDapp(product) : Promise.resolve(undefined);
  const sitesP = parts.includes('sites') ? evaluateSites(product.site, { cap: opts.cap }) : Promise.resolve(undefined);
  const [sites, flows] = await Promise.all([sitesP, flowsP]);
  const addresses = parts.includes('addresses') ? evaluateAddresses(product.site) : undefined;
  if (sites) {
    siteTable(sites.rows);
    for (const c of sites.checks) say(`- ${c}`);
    say();
  }
  if (addresses) addressTable(addresses);
  if (flows) requestTables(flows);
  const tokens = parts.includes('tokens') ? evaluateTokenFlags() : undefined;
  if (tokens) for (const line of tokens.markdown) say(line);
  if (parts.some((p) => p !== 'tokens')) classTable(sites?.rows, addresses, flows);
  sourceTable(parts);
  say(`Took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify({ sites: sites?.rows, addresses, flows, tokens: tokens?.markdown, markdown: out.join('\n') }, null, 1)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
