// Generates analysis/ethereum/registry/known-contracts.json from the Etherscan name tags collected by
// brianleect/etherscan-labels (MIT). Run: npx tsx analysis/ethereum/registry/generate-known-contracts.ts [labels-dir]
//
// Kept small on purpose (it ships inside the extension): protocol contracts and tokens of the
// categories people actually approve or call, without liquidity-pool pairs, and never anything
// labelled as malicious (those labels mark addresses to distrust, not names to show).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOYMENTS } from './deployments';

// ../shared sits beside the project root, on developers' machines and in CI alike.
const labelsDir = process.argv[2] ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'etherscan-labels');
const out = new URL('./known-contracts.json', import.meta.url);

/** Labels that mark an address as hostile or worthless: such entries never enter the registry (the registry test checks it). */
const DROP = new Set([
  'blocked', 'phish-hack', 'ofac-sanctions-lists', 'spam-token', 'heist', 'exploit', 'scam', 'take-action',
  'airdrop-hunter', 'sybil-delegate', 'mev-bot', 'website-down', 'tornado-cash', 'parity-bug',
  // Multichain stopped operating in 2023 after its keys were compromised; its routers are no name to trust.
  'multichain',
]);

/** Categories whose contracts users approve, sign for or call. */
const KEEP = new Set([
  'dex', 'defi', 'bridge', 'stablecoin', 'marketplace', 'opensea', 'looksrare', '1inch', 'paraswap', 'cow-protocol',
  '0x-protocol', 'aave', 'compound', 'lido', 'maker', 'curve-fi', 'ens', 'safe-formerly-gnosis-safe', 'layer-2',
  'router', 'yearn-finance', 'uniswap', 'sushiswap', 'balancer', 'superrare', 'rarible', 'arbitrum', 'optimism',
  'polygon-matic', 'dydx', 'gnosis-chain', 'hop-protocol', 'zapper-fi', 'convex-finance', 'frax-finance', 'liquity',
]);

/** Protocols whose labels are mostly pools: keep only their entry points. */
const ENTRY_POINTS_ONLY = new Set(['sushiswap', 'balancer', 'curve-fi', 'aave', 'yearn-finance', 'zapper-fi']);
const ENTRY_POINT = /Router|Vault$|Vault:|Exchange|BentoBox|Kashi|MasterChef|Relayer|Proxy|Registry|Pool V\d|Lending Pool|Zap|Controller|\([A-Z0-9]+\)$/;

/** Liquidity pools and pairs: thousands of entries nobody approves by hand. */
const POOL_NAME =
  /(: [^ ]+-[^ ]+( |$))|Pool \d+|Converter \d+|#\d+|Gauge|Feeder|Vault \d+|Minipool|Delegate| \d+\/\d+|Price Feed|Aggregator|Deployer|Burner|Debt|Interest Rate|Strategy|Oracle|Node|Merchant|Deposit Address|Noncirculating|SLP|test/i;

const published = new Set(DEPLOYMENTS.filter((d) => d.chainId === 1).map((d) => d.address.toLowerCase()));

type Entry = { name: string; labels: string[] };
const all = JSON.parse(readFileSync(join(labelsDir, 'data/etherscan/combined/combinedAllLabels.json'), 'utf8')) as Record<string, Entry>;

// The snapshot lists some addresses twice, in two letter cases, with different labels: an address is
// judged by all of its labels together, so a "blocked" tag on either copy keeps it out.
const labelsOf = new Map<string, Set<string>>();
for (const [address, { labels }] of Object.entries(all)) {
  const key = address.toLowerCase();
  labelsOf.set(key, new Set([...(labelsOf.get(key) ?? []), ...labels]));
}

const selected: Record<string, string> = {};
for (const [address, { name }] of Object.entries(all)) {
  const key = address.toLowerCase();
  const labels = [...labelsOf.get(key)!];
  if (!name || !/^0x[0-9a-fA-F]{40}$/.test(address)) continue;
  if (labels.some((l) => DROP.has(l))) continue;
  if (!labels.some((l) => KEEP.has(l))) continue;
  if (POOL_NAME.test(name)) continue;
  if (labels.some((l) => ENTRY_POINTS_ONLY.has(l)) && !ENTRY_POINT.test(name)) continue;
  if (/old|deprecated|hack|exploit|scam|fake|phish|drain|heist|attack/i.test(name)) continue;
  // The protocols' own deployment records (deployments.json) name these; a scraped tag would only shadow them.
  if (published.has(key)) continue;
  selected[key] ??= name.trim();
}

const sorted = Object.fromEntries(Object.entries(selected).sort(([a], [b]) => a.localeCompare(b)));
const json = {
  source: 'https://github.com/brianleect/etherscan-labels @ 923aba72c7e2d0682f7ae6194b6140bd90668dc9 (MIT, Copyright (c) 2022 Brian Lee Cheow Teng): Etherscan name tags, a third party, not the protocols',
  generatedBy: 'analysis/ethereum/registry/generate-known-contracts.ts',
  chains: { '1': sorted },
};
writeFileSync(out, `${JSON.stringify(json)}\n`);
console.log(`${Object.keys(sorted).length} contracts, ${JSON.stringify(json).length} bytes -> ${out.pathname}`);
