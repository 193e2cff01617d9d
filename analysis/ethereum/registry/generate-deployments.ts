// Generates analysis/ethereum/registry/deployments.json: the contracts people sign for, per chain, taken from each
// protocol's own published deployment records (npm packages at pinned versions, GitHub repositories at pinned
// commits). Every entry names the record it came from; nothing here is typed by hand except where a record
// is cited below by repository, commit and path.
//
// Run: npx tsx analysis/ethereum/registry/generate-deployments.ts --mirrors <dir> [--packages <dir>]
//   --mirrors   a folder holding git clones named <owner>+<repo> (a bare clone in <owner>+<repo>/repo works too)
//               of the repositories in REPOS; each must contain the pinned commit.
//   --packages  a folder where the npm packages in PACKAGES are installed (npm install --ignore-scripts);
//               without it they are installed into a temporary folder first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAddress, isAddress, type Address } from 'viem';
import * as viemChains from 'viem/chains';
import { knownChains } from './chains';

const PACKAGES = {
  '@uniswap/sdk-core': '7.19.4',
  '@uniswap/universal-router-sdk': '5.13.0',
  '@uniswap/uniswapx-sdk': '3.1.0',
  '@cowprotocol/contracts': '1.8.0',
  '@cowprotocol/sdk-config': '2.4.0',
  '@0x/contract-addresses': '8.13.0',
  '@opensea/seaport-js': '4.3.0',
  '@looksrare/sdk-v2': '0.6.0',
  '@bgd-labs/aave-address-book': '4.44.22',
  '@safe-global/safe-deployments': '1.37.63',
  '@metamask/delegation-deployments': '2.0.0',
  '@1inch/limit-order-protocol-utils': '3.2.0',
  '@circle-fin/bridge-kit': '1.15.1',
  '@eth-optimism/tokenlist': '10.0.1770',
  '@lidofinance/lido-ethereum-sdk': '4.9.0',
  '@lifi/data-types': '7.1.0',
} as const;

const REPOS = {
  'Uniswap/universal-router': 'fb25ff09c71dcfc13665e6c65788db737f29e0d4',
  'Uniswap/calibur': '69d5eb61498ffac7740530310b270459f2ae2a20',
  '1inch/limit-order-protocol': '4ae43ed637a14eb637d732cdeb51b317a730619a',
  '0xProject/0x-settler': 'f6b73031e5d8925675faf69186fd1d8c0b4f4888',
  'ProjectOpenSea/seaport': 'bb1bb3f43ae0f2e7006fff82110414c2a345e23a',
  'ensdomains/ens-contracts': '5421b5689e695531dc9739f0ad861839bdd231cb',
  'lidofinance/core': '372b02e197df61fdf1a443de18acb514804b828d',
  'compound-finance/comet': 'd5a30b0aaeff7755f1431e87f818990902237b03',
  'curvefi/curve-router-ng': '1014d3691bd9df935dc06fc5988484b0614d1fd5',
  'balancer/balancer-deployments': '6826feb824e5b279a2b06b7b0d7923f7e82eef0e',
  'lifinance/contracts': 'ef00558fde6c02d4b285979e3f2b0b75ff1e573e',
  '0xPolygon/polygon-token-list': '16ea75a448e174abdb157fff2432a5693c5926e4',
} as const;

type Kind = 'token' | 'wrapped-native' | '7702-delegate';
interface Entry {
  chainId: number;
  address: Address;
  name: string;
  protocol: string;
  /** Absent for a plain contract. */
  kind?: Kind;
  decimals?: number;
  /** Key in `sources` of the record the decimals come from, when the entry's own record gives none. */
  decimalsFrom?: string;
  source: string;
}

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const mirrors = args.get('mirrors');
if (!mirrors) throw new Error('--mirrors <dir> is required (git clones of the repositories listed in REPOS)');

const packagesDir = args.get('packages') ?? installPackages();
const requireFrom = createRequire(join(packagesDir, 'package.json'));

/** A pinned package's exports (or those of one of its files), after checking that the installed copy is the pinned version. */
function load(name: keyof typeof PACKAGES, file?: string): unknown {
  packageFile(name, 'package.json');
  return requireFrom(file ? join(packagesDir, 'node_modules', name, file) : name);
}

function installPackages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'registry-packages-'));
  writeFileSync(join(dir, 'package.json'), '{"private":true}');
  const specs = Object.entries(PACKAGES).map(([name, version]) => `${name}@${version}`);
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--silent', ...specs], { cwd: dir, stdio: 'inherit' });
  return dir;
}

function packageFile(name: keyof typeof PACKAGES, file: string): string {
  const root = join(packagesDir, 'node_modules', name);
  const installed = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  if (installed !== PACKAGES[name]) throw new Error(`${name} is ${installed} in ${packagesDir}, expected ${PACKAGES[name]}`);
  return readFileSync(join(root, file), 'utf8');
}

function gitDir(repo: keyof typeof REPOS): string {
  const base = join(mirrors!, repo.replace('/', '+'));
  return existsSync(join(base, 'repo')) ? join(base, 'repo') : base;
}

function repoFile(repo: keyof typeof REPOS, path: string): string {
  return execFileSync('git', ['--git-dir', gitDir(repo), 'show', `${REPOS[repo]}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function repoFiles(repo: keyof typeof REPOS, under: string): string[] {
  return execFileSync('git', ['--git-dir', gitDir(repo), 'ls-tree', '-r', '--name-only', REPOS[repo], under], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

const sources: Record<string, string> = {};
const entries: Entry[] = [];
const supported = new Set(knownChains.keys());

function npmSource(name: keyof typeof PACKAGES, file: string, what: string): string {
  const id = `npm:${name}/${file}`;
  sources[id] = `npm ${name}@${PACKAGES[name]}, ${file}: ${what}`;
  return id;
}

function repoSource(repo: keyof typeof REPOS, path: string, what: string): string {
  const id = `github:${repo}/${path}`;
  sources[id] = `https://github.com/${repo} @ ${REPOS[repo]}, ${path}: ${what}`;
  return id;
}

function add(chainId: number, address: string | undefined, name: string, protocol: string, source: string, extra: { kind?: Kind; decimals?: number } = {}): void {
  if (!supported.has(chainId) || !address || !isAddress(address, { strict: false }) || BigInt(address) === 0n) return;
  entries.push({ chainId, address: getAddress(address), name, protocol, ...(extra.kind ? { kind: extra.kind } : {}), ...(extra.decimals !== undefined ? { decimals: extra.decimals } : {}), source });
}

/** The network names the repositories use for their per-chain files. */
const NETWORK: Record<string, number> = {
  mainnet: 1, ethereum: 1, sepolia: 11155111, holesky: 17000, optimism: 10, optimistic: 10, arbitrum: 42161, 'arbitrum-nova': 42170,
  base: 8453, polygon: 137, matic: 137, bsc: 56, avalanche: 43114, avax: 43114, fantom: 250, gnosis: 100, xdai: 100, zksync: 324,
  linea: 59144, scroll: 534352, blast: 81457, mantle: 5000, celo: 42220, zora: 7777777, mode: 34443, zkevm: 1101, cronos: 25,
  unichain: 130, berachain: 80094, sonic: 146,
};
const network = (name: string) => NETWORK[name.toLowerCase()];

// ---- Uniswap ----
function uniswap(): void {
  for (const file of repoFiles('Uniswap/universal-router', 'deploy-addresses')) {
    const chainId = network(file.replace(/^.*\/|\.json$/g, ''));
    if (chainId === undefined || !file.endsWith('.json')) continue;
    const src = repoSource('Uniswap/universal-router', file, 'UniversalRouter* entries');
    for (const [key, address] of Object.entries(JSON.parse(repoFile('Uniswap/universal-router', file)) as Record<string, string>)) {
      const m = /^UniversalRouterV(\d+)(?:_(\d+))?(?:_(\d+))?(_No.*)?/.exec(key);
      if (!m) continue; // UnsupportedProtocol is a helper the router calls, not an entry point
      const version = [m[1], m[2] ?? '0', m[3]].filter(Boolean).join('.');
      add(chainId, address, `Uniswap Universal Router ${version}${m[4] ? ' without some pool versions' : ''}`, 'Uniswap', src);
    }
  }
  const ur = load('@uniswap/universal-router-sdk') as { UniversalRouterVersion: Record<string, string>; UNIVERSAL_ROUTER_ADDRESS: (v: string, c: number) => string };
  const urSrc = npmSource('@uniswap/universal-router-sdk', 'dist/cjs/src/utils/constants.js', 'UNIVERSAL_ROUTER_ADDRESS(version, chainId)');
  for (const chainId of supported)
    for (const version of Object.values(ur.UniversalRouterVersion)) {
      let address: string | undefined;
      try {
        address = ur.UNIVERSAL_ROUTER_ADDRESS(version, chainId);
      } catch {
        continue; // the SDK throws for chains and versions without a deployment
      }
      add(chainId, address, `Uniswap Universal Router ${version}`, 'Uniswap', urSrc);
    }

  const core = load('@uniswap/sdk-core') as {
    CHAIN_TO_ADDRESSES_MAP: Record<number, Record<string, string | undefined>>;
    V2_ROUTER_ADDRESSES: Record<number, string>;
    SWAP_ROUTER_02_ADDRESSES: (chainId: number) => string;
    WETH9: Record<number, { address: string; symbol?: string; name?: string; decimals: number }>;
  };
  const coreSrc = npmSource('@uniswap/sdk-core', 'dist/cjs/src/addresses.js', 'CHAIN_TO_ADDRESSES_MAP, V2_ROUTER_ADDRESSES, SWAP_ROUTER_02_ADDRESSES(chainId)');
  const NAMES: Record<string, string> = {
    nonfungiblePositionManagerAddress: 'Uniswap V3 Positions NFT',
    v4PositionManagerAddress: 'Uniswap V4 Positions NFT',
    v4PoolManagerAddress: 'Uniswap V4 PoolManager',
  };
  for (const [chainId, book] of Object.entries(core.CHAIN_TO_ADDRESSES_MAP))
    for (const [key, name] of Object.entries(NAMES)) add(Number(chainId), book[key], name, 'Uniswap', coreSrc);
  // SWAP_ROUTER_02_ADDRESSES falls back to the original deployment's address where the map names none.
  for (const chainId of supported) add(chainId, core.SWAP_ROUTER_02_ADDRESSES(chainId), 'Uniswap SwapRouter02', 'Uniswap', coreSrc);
  for (const [chainId, address] of Object.entries(core.V2_ROUTER_ADDRESSES)) add(Number(chainId), address, 'Uniswap V2 Router 2', 'Uniswap', coreSrc);
  const wethSrc = npmSource('@uniswap/sdk-core', 'dist/cjs/src/entities/weth9.js', 'WETH9 (the wrapped native token per chain)');
  for (const [chainId, t] of Object.entries(core.WETH9)) add(Number(chainId), t.address, `${t.name ?? 'Wrapped Ether'} (${t.symbol ?? 'WETH'})`, 'Tokens', wethSrc, { kind: 'wrapped-native', decimals: t.decimals });

  const x = load('@uniswap/uniswapx-sdk') as { REACTOR_ADDRESS_MAPPING: Record<number, Record<string, string>>; PERMIT2_MAPPING: Record<number, string> };
  const xSrc = npmSource('@uniswap/uniswapx-sdk', 'dist/cjs/src/constants.js', 'REACTOR_ADDRESS_MAPPING, PERMIT2_MAPPING');
  const REACTOR: Record<string, string> = { Dutch: 'Exclusive Dutch Order Reactor', Dutch_V2: 'V2 Dutch Order Reactor', Dutch_V3: 'V3 Dutch Order Reactor', Priority: 'Priority Order Reactor', Relay: 'Relay Order Reactor', Limit: 'Limit Order Reactor', V4: 'V4 Order Reactor', Hybrid: 'Hybrid Order Reactor' };
  for (const [chainId, reactors] of Object.entries(x.REACTOR_ADDRESS_MAPPING))
    for (const [type, address] of Object.entries(reactors)) add(Number(chainId), address, `UniswapX ${REACTOR[type] ?? `${type} Reactor`}`, 'Uniswap', xSrc);
  for (const [chainId, address] of Object.entries(x.PERMIT2_MAPPING)) add(Number(chainId), address, 'Uniswap Permit2', 'Uniswap', xSrc);

  const calibur = repoSource('Uniswap/calibur', 'README.md', 'Deployment Addresses table');
  for (const [, net, address] of repoFile('Uniswap/calibur', 'README.md').matchAll(/^\|\s*([A-Za-z ]+?)\s*\|\s*(0x[0-9a-fA-F]{40})\s*\|/gm)) {
    const chainId = ({ Mainnet: 1, Unichain: 130, Base: 8453, Optimism: 10, BNB: 56, 'Arbitrum One': 42161, Sepolia: 11155111 } as Record<string, number>)[net!];
    if (chainId !== undefined) add(chainId, address, 'Uniswap Calibur', 'Uniswap', calibur, { kind: '7702-delegate' });
  }
}

// ---- CoW Protocol ----
function cow(): void {
  const networks = JSON.parse(packageFile('@cowprotocol/contracts', 'networks.json')) as Record<string, Record<string, { address: string }>>;
  const src = npmSource('@cowprotocol/contracts', 'networks.json', 'GPv2Settlement, GPv2VaultRelayer');
  for (const [contract, name] of [['GPv2Settlement', 'CoW Protocol GPv2Settlement'], ['GPv2VaultRelayer', 'CoW Protocol GPv2VaultRelayer']] as const)
    for (const [chainId, d] of Object.entries(networks[contract] ?? {})) add(Number(chainId), d.address, name, 'CoW Protocol', src);
  const config = load('@cowprotocol/sdk-config') as { ETH_FLOW_ADDRESSES: Record<number, string>; BARN_ETH_FLOW_ADDRESSES: Record<number, string> };
  const cfg = npmSource('@cowprotocol/sdk-config', 'dist/index.js', 'ETH_FLOW_ADDRESSES, BARN_ETH_FLOW_ADDRESSES');
  for (const [chainId, address] of Object.entries(config.ETH_FLOW_ADDRESSES)) add(Number(chainId), address, 'CoW Protocol EthFlow', 'CoW Protocol', cfg);
  for (const [chainId, address] of Object.entries(config.BARN_ETH_FLOW_ADDRESSES)) add(Number(chainId), address, 'CoW Protocol EthFlow, staging', 'CoW Protocol', cfg);
}

// ---- 1inch ----
function oneInch(): void {
  const lop = load('@1inch/limit-order-protocol-utils') as { limitOrderProtocolAddresses: Record<number, string>; PROTOCOL_NAME: string; PROTOCOL_VERSION: string };
  if (lop.PROTOCOL_NAME !== '1inch Aggregation Router' || lop.PROTOCOL_VERSION !== '5') throw new Error('limit-order-protocol-utils no longer describes Aggregation Router v5');
  const v5 = npmSource('@1inch/limit-order-protocol-utils', 'limit-order-protocol.const.js', 'limitOrderProtocolAddresses (PROTOCOL_NAME 1inch Aggregation Router, version 5)');
  for (const [chainId, address] of Object.entries(lop.limitOrderProtocolAddresses)) add(Number(chainId), address, '1inch Aggregation Router v5', '1inch', v5);
  // "1inch Router v6 and 1inch Limit Order protocol v4 share a single address on each network" (README table).
  const readme = repoFile('1inch/limit-order-protocol', 'README.md');
  const v6 = repoSource('1inch/limit-order-protocol', 'README.md', 'Deployments (Limit Orders Protocol v4 = 1inch Router v6)');
  const NET: Record<string, number> = { 'Ethereum mainnet': 1, 'BSC mainnet': 56, 'Polygon mainnet': 137, 'Optimism mainnet': 10, 'Arbitrum One': 42161, 'Gnosis Chain': 100, Avalanche: 43114, Fantom: 250, Base: 8453, Linea: 59144, Sonic: 146, Unichain: 130, Cronos: 25, 'zkSync Era': 324 };
  for (const [, net, address] of readme.matchAll(/^\|\s*([^|]+?)\s*\|\s*\[`(0x[0-9a-fA-F]{40})`\]/gm)) {
    const chainId = NET[net!];
    if (chainId !== undefined) add(chainId, address, '1inch Aggregation Router v6', '1inch', v6);
  }
}

// ---- 0x ----
function zeroEx(): void {
  const book = JSON.parse(packageFile('@0x/contract-addresses', 'addresses.json')) as Record<string, { exchangeProxy: string }>;
  const src = npmSource('@0x/contract-addresses', 'addresses.json', 'exchangeProxy');
  for (const [chainId, a] of Object.entries(book)) add(Number(chainId), a.exchangeProxy, '0x Exchange Proxy', '0x', src);
  // AllowanceHolder's address depends on the chain's hardfork (README "AllowanceHolder addresses").
  const readme = repoFile('0xProject/0x-settler', 'README.md');
  const cancun = /`(0x[0-9a-fA-F]{40})` on chains supporting the Cancun/.exec(readme)?.[1];
  const shanghai = /`(0x[0-9a-fA-F]{40})` on chains supporting the Shanghai/.exec(readme)?.[1];
  if (!cancun || !shanghai) throw new Error('0x-settler README no longer states the AllowanceHolder addresses');
  const config = JSON.parse(repoFile('0xProject/0x-settler', 'chain_config.json')) as Record<string, { chainId: number; hardfork: { cancun: boolean; shanghai: boolean; eraVm?: boolean } }>;
  const src2 = repoSource('0xProject/0x-settler', 'chain_config.json', "each chain's hardfork, which selects the AllowanceHolder address that README.md (AllowanceHolder addresses) gives for it");
  for (const c of Object.values(config)) if (!c.hardfork.eraVm) add(c.chainId, c.hardfork.cancun ? cancun : shanghai, '0x AllowanceHolder', '0x', src2);
}

// ---- OpenSea / Seaport ----
function seaport(): void {
  const readme = repoFile('ProjectOpenSea/seaport', 'README.md');
  const table = readme.slice(readme.indexOf('### Deployments By EVM Chain'));
  const headers = [...table.slice(0, table.indexOf('</tr>')).matchAll(/<th>([^<]+)<\/th>/g)].map((m) => m[1]!);
  const src = repoSource('ProjectOpenSea/seaport', 'README.md', 'Deployments By EVM Chain');
  const NET: Record<string, number> = { Ethereum: 1, Sepolia: 11155111, Polygon: 137, Optimism: 10, Arbitrum: 42161, 'Arbitrum Nova': 42170, Base: 8453, 'Avalanche C-Chain': 43114, 'Gnosis Chain': 100, BSC: 56, Fantom: 250, Celo: 42220, Zora: 7777777 };
  // The conduit is created by the ConduitController from OpenSea's conduit key, so it exists where the controller does.
  const conduit = /OPENSEA_CONDUIT_ADDRESS =\s*"(0x[0-9a-fA-F]{40})"/.exec(packageFile('@opensea/seaport-js', 'src/constants.ts'))?.[1];
  if (!conduit) throw new Error('seaport-js no longer exports OPENSEA_CONDUIT_ADDRESS');
  const conduitSrc = npmSource('@opensea/seaport-js', 'src/constants.ts', 'OPENSEA_CONDUIT_ADDRESS, placed on the chains whose Seaport README row lists the ConduitController');
  for (const row of table.split('<tr><td>').slice(1)) {
    const cells = row.split(/<\/td><td>/);
    const chainId = NET[cells[0]!.replace(/<\/td>.*$/s, '').trim()];
    if (chainId === undefined) continue;
    cells.slice(1).forEach((cell, i) => {
      const header = headers[i + 1];
      const address = /0x[0-9a-fA-F]{40}/.exec(cell)?.[0];
      if (!header || !address) return;
      if (header.startsWith('Seaport ')) add(chainId, address, header, 'OpenSea', src);
      if (header === 'ConduitController') {
        add(chainId, address, 'Seaport ConduitController', 'OpenSea', src);
        add(chainId, conduit, 'OpenSea Conduit', 'OpenSea', conduitSrc);
      }
    });
  }
}

// ---- LooksRare ----
function looksRare(): void {
  const lr = load('@looksrare/sdk-v2') as { addressesByNetwork: Record<number, Record<string, string>> };
  const src = npmSource('@looksrare/sdk-v2', 'dist/index.cjs.js', 'addressesByNetwork');
  for (const [chainId, book] of Object.entries(lr.addressesByNetwork)) {
    add(Number(chainId), book.EXCHANGE_V2, 'LooksRare Exchange V2', 'LooksRare', src);
    add(Number(chainId), book.TRANSFER_MANAGER_V2, 'LooksRare Transfer Manager V2', 'LooksRare', src);
  }
}

// ---- Aave ----
function aave(): void {
  const book = load('@bgd-labs/aave-address-book') as Record<string, Record<string, unknown>>;
  const src = npmSource('@bgd-labs/aave-address-book', 'dist/AaveAddressBook.js', 'AaveV3<market>.POOL, WETH_GATEWAY and the swap/repay adapters');
  const ROLES: Record<string, string> = { POOL: 'Pool', WETH_GATEWAY: 'WETH Gateway', REPAY_WITH_COLLATERAL_ADAPTER: 'Repay With Collateral Adapter', SWAP_COLLATERAL_ADAPTER: 'Collateral Swap Adapter', DEBT_SWAP_ADAPTER: 'Debt Swap Adapter', WITHDRAW_SWAP_ADAPTER: 'Withdraw Swap Adapter' };
  const markets = Object.entries(book).filter(([market, m]) => /^AaveV3[A-Z]/.test(market) && typeof m.CHAIN_ID === 'number');
  for (const [market, m] of markets) {
    // Several markets can share a chain (Ethereum core, Lido, EtherFi…): the chain's shortest market name is
    // its core market, and the others are named by what their name adds to it.
    const core = markets.filter(([, o]) => o.CHAIN_ID === m.CHAIN_ID).map(([k]) => k).sort((a, b) => a.length - b.length)[0]!;
    const sub = market === core ? '' : `, ${market.slice(core.length).replace(/([a-z])([A-Z])/g, '$1 $2')} market`;
    for (const [key, role] of Object.entries(ROLES)) add(m.CHAIN_ID as number, typeof m[key] === 'string' ? m[key] : undefined, `Aave V3 ${role}${sub}`, 'Aave', src);
  }
}

// ---- Lido ----
function lido(): void {
  for (const [file, chainId] of [['deployed-mainnet.json', 1], ['deployed-sepolia.json', 11155111]] as const) {
    const d = JSON.parse(repoFile('lidofinance/core', file)) as Record<string, { proxy?: { address: string }; address?: string }>;
    const src = repoSource('lidofinance/core', file, 'app:lido (stETH), wstETH, withdrawalQueueERC721');
    add(chainId, d['app:lido']?.proxy?.address, 'Lido Staked Ether (stETH)', 'Lido', src, { kind: 'token' });
    add(chainId, d.wstETH?.address, 'Lido Wrapped Staked Ether (wstETH)', 'Lido', src, { kind: 'token' });
    add(chainId, d.withdrawalQueueERC721?.proxy?.address, 'Lido Withdrawal Queue', 'Lido', src);
  }
  // On L2s Lido's SDK names its bridged tokens (mainnet's it reads from Lido's locator on chain, so the
  // deployment files above stay the record there).
  const file = 'dist/cjs/common/constants.js';
  const sdk = load('@lidofinance/lido-ethereum-sdk', file) as { LIDO_L2_CONTRACT_ADDRESSES: Record<number, { wsteth?: string; steth?: string }> };
  const l2 = npmSource('@lidofinance/lido-ethereum-sdk', file, 'LIDO_L2_CONTRACT_ADDRESSES (wsteth, steth per L2)');
  for (const [chainId, c] of Object.entries(sdk.LIDO_L2_CONTRACT_ADDRESSES)) {
    add(Number(chainId), c.steth, 'Lido Staked Ether (stETH)', 'Lido', l2, { kind: 'token' });
    add(Number(chainId), c.wsteth, 'Lido Wrapped Staked Ether (wstETH)', 'Lido', l2, { kind: 'token' });
  }
}

// ---- Compound III ----
function compound(): void {
  for (const file of repoFiles('compound-finance/comet', 'deployments').filter((f) => f.endsWith('/roots.json'))) {
    const [, net, market] = file.split('/');
    const chainId = network(net!);
    if (chainId === undefined) continue;
    const roots = JSON.parse(repoFile('compound-finance/comet', file)) as Record<string, string>;
    const src = repoSource('compound-finance/comet', file, 'comet, bulker');
    add(chainId, roots.comet, `Compound III ${market!.toUpperCase()} market`, 'Compound', src);
    add(chainId, roots.bulker, 'Compound III Bulker', 'Compound', src);
  }
}

// ---- Curve ----
function curve(): void {
  const src = repoSource('curvefi/curve-router-ng', 'README.md', 'router addresses per chain');
  const NET: Record<string, number> = { Ethereum: 1, Optimism: 10, 'Gnosis (xDai)': 100, Polygon: 137, Fantom: 250, Arbitrum: 42161, Avalanche: 43114, Base: 8453, BSC: 56, Mantle: 5000, ZkSync: 324 };
  for (const [, net, address] of repoFile('curvefi/curve-router-ng', 'README.md').matchAll(/([A-Za-z][A-Za-z ()]*?): \[(0x[0-9a-fA-F]{40})\]/g)) {
    const chainId = NET[net!.replace(/^- /, '').trim()];
    if (chainId !== undefined) add(chainId, address, 'Curve Router NG', 'Curve', src);
  }
}

// ---- Balancer ----
function balancer(): void {
  const TASKS: Array<[string, string, string]> = [
    ['v2/tasks/20210418-vault', 'Vault', 'Balancer V2 Vault'],
    ['v3/tasks/20241204-v3-vault', 'Vault', 'Balancer V3 Vault'],
    ['v3/tasks/20250307-v3-router-v2', 'Router', 'Balancer V3 Router'],
    ['v3/tasks/20241205-v3-batch-router', 'BatchRouter', 'Balancer V3 Batch Router'],
    ['v3/tasks/20251010-v3-composite-liquidity-router-v3', 'CompositeLiquidityRouter', 'Balancer V3 Composite Liquidity Router'],
  ];
  for (const [task, key, name] of TASKS)
    for (const file of repoFiles('balancer/balancer-deployments', `${task}/output`)) {
      const chainId = network(file.replace(/^.*\/|\.json$/g, ''));
      if (chainId === undefined) continue;
      const out = JSON.parse(repoFile('balancer/balancer-deployments', file)) as Record<string, string>;
      if (!out[key]) throw new Error(`${file} has no ${key}`);
      add(chainId, out[key], name, 'Balancer', repoSource('balancer/balancer-deployments', file, key));
    }
}

// ---- ENS ----
function ens(): void {
  const CONTRACTS: Record<string, string> = {
    ENSRegistry: 'ENS Registry',
    ETHRegistrarController: 'ENS ETH Registrar Controller',
    NameWrapper: 'ENS Name Wrapper',
    BaseRegistrarImplementation: 'ENS Base Registrar',
    PublicResolver: 'ENS Public Resolver',
    ReverseRegistrar: 'ENS Reverse Registrar',
    StaticBulkRenewal: 'ENS Bulk Renewal',
    UniversalResolver: 'ENS Universal Resolver',
  };
  for (const [net, chainId] of [['mainnet', 1], ['sepolia', 11155111]] as const)
    for (const [contract, name] of Object.entries(CONTRACTS)) {
      const path = `deployments/${net}/${contract}.json`;
      const d = JSON.parse(repoFile('ensdomains/ens-contracts', path)) as { address: string };
      add(chainId, d.address, name, 'ENS', repoSource('ensdomains/ens-contracts', path, 'address'));
    }
}

// ---- Safe ----
function safe(): void {
  const CONTRACTS: Record<string, string> = {
    gnosis_safe: 'Safe singleton', gnosis_safe_l2: 'Safe L2 singleton', safe: 'Safe singleton', safe_l2: 'Safe L2 singleton',
    proxy_factory: 'Safe Proxy Factory', safe_proxy_factory: 'Safe Proxy Factory', multi_send: 'Safe MultiSend', multi_send_call_only: 'Safe MultiSendCallOnly',
  };
  for (const version of ['v1.3.0', 'v1.4.1', 'v1.5.0'])
    for (const [file, role] of Object.entries(CONTRACTS)) {
      const path = `src/assets/${version}/${file}.json`;
      let text: string;
      try {
        text = packageFile('@safe-global/safe-deployments', path);
      } catch {
        continue; // not every version ships every contract
      }
      const d = JSON.parse(text) as { deployments: Record<string, { address: string }>; networkAddresses: Record<string, string | string[]> };
      const src = npmSource('@safe-global/safe-deployments', path, 'networkAddresses → deployments');
      for (const [chainId, types] of Object.entries(d.networkAddresses))
        for (const type of [types].flat()) add(Number(chainId), d.deployments[type]?.address, `${role} ${version.slice(1)}`, 'Safe', src);
    }
}

// ---- Wallet delegates (EIP-7702) ----
function delegates(): void {
  const mm = load('@metamask/delegation-deployments') as { DELEGATOR_CONTRACTS: Record<string, Record<string, Record<string, string>>> };
  const src = npmSource('@metamask/delegation-deployments', 'dist/index.cjs', 'DELEGATOR_CONTRACTS[version][chainId].EIP7702StatelessDeleGatorImpl');
  for (const book of Object.values(mm.DELEGATOR_CONTRACTS))
    for (const [chainId, c] of Object.entries(book)) add(Number(chainId), c.EIP7702StatelessDeleGatorImpl, 'MetaMask EIP-7702 Stateless DeleGator', 'MetaMask', src, { kind: '7702-delegate' });
  // The Ethereum Foundation's account-abstraction team publishes Simple7702Account through ethereum.org's
  // 7702 page ("Known implementations"), which links the contract's source; the address is the same on every chain.
  const address = '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9';
  sources['github:ethereum/ethereum-org-website/public/content/roadmap/pectra/7702/index.md'] =
    'https://github.com/ethereum/ethereum-org-website @ 58477e0df4e06f2231e25f9a0d97ba2d3a152a90, public/content/roadmap/pectra/7702/index.md: Known implementations (Ethereum Foundation AA team, eth-infinitism Simple7702Account)';
  for (const chainId of supported) add(chainId, address, 'eth-infinitism Simple7702Account', 'eth-infinitism', 'github:ethereum/ethereum-org-website/public/content/roadmap/pectra/7702/index.md', { kind: '7702-delegate' });
}

// ---- LI.FI ----
function lifi(): void {
  for (const file of repoFiles('lifinance/contracts', 'deployments').filter((f) => /^deployments\/[a-z-]+\.json$/.test(f))) {
    const chainId = network(file.replace(/^.*\/|\.json$/g, ''));
    if (chainId === undefined) continue;
    const d = JSON.parse(repoFile('lifinance/contracts', file)) as Record<string, string>;
    add(chainId, d.LiFiDiamond, 'LI.FI Diamond', 'LI.FI', repoSource('lifinance/contracts', file, 'LiFiDiamond'));
  }
}

// ---- Multicall3 (viem's chain definitions) ----
function multicall(): void {
  const version = (JSON.parse(readFileSync(new URL('../../../node_modules/viem/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const id = `npm:viem@${version}/chains`;
  sources[id] = `npm viem@${version}, viem/chains: contracts.multicall3 of each chain definition`;
  for (const chain of Object.values(viemChains) as Array<{ id?: number; contracts?: { multicall3?: { address: string } } }>)
    if (chain.id !== undefined) add(chain.id, chain.contracts?.multicall3?.address, 'Multicall3', 'Multicall3', id);
}

// ---- Major tokens ----
// Several records, each under a licence that lets the bundle ship them (MIT or Apache-2.0); the first to list
// a (chain, address) names it, and every record that lists it again must give the same decimals.
// Symbols are compared after folding case, Tether's '₮' and the '.e' of bridged copies (USDC.e, WETH.e).
const TOKEN_SYMBOLS = new Set(['WETH', 'ETH', 'USDC', 'USDBC', 'USDT', 'USDT0', 'DAI', 'WBTC', 'UNI', 'LINK', 'ENS', 'WSTETH']);
const majorToken = (symbol: string) => TOKEN_SYMBOLS.has(symbol.toUpperCase().replace(/₮/g, 'T').replace(/\.E$/, ''));
function token(chainId: number, t: { address: string; name: string; symbol: string; decimals: number }, source: string): void {
  if (majorToken(t.symbol)) add(chainId, t.address, `${t.name} (${t.symbol})`, 'Tokens', source, { kind: 'token', decimals: t.decimals });
}

function tokens(): void {
  const lifi = load('@lifi/data-types') as {
    basicCoins: Array<{ key: string; name: string; chains: Record<string, { address: string; decimals: number; name?: string; symbol?: string }> }>;
    wrappedTokens: Record<string, { address: string; symbol: string; name: string; decimals: number }>;
  };
  const lifiSrc = npmSource('@lifi/data-types', 'src/_cjs/coins/coins.js', 'wrappedTokens (the wrapped native coin per chain); basicCoins[].chains (address, decimals, name, symbol)');
  // Wrapped native coins beyond Uniswap's WETH9 map: LI.FI's wrapped gas token per chain, where the record's
  // symbol is W + the chain's coin (on Celo it names CELO itself, the coin's own token, not a wrapper).
  for (const [chainId, t] of Object.entries(lifi.wrappedTokens)) {
    const coin = knownChains.get(Number(chainId))?.symbol;
    if (coin && t.symbol.toUpperCase() === `W${coin.toUpperCase()}`) add(Number(chainId), t.address, `${t.name} (${t.symbol})`, 'Tokens', lifiSrc, { kind: 'wrapped-native', decimals: t.decimals });
  }

  // USDC from its issuer: Circle's Bridge Kit token registry, keyed by Circle's chain names. The chain
  // definitions the kit exports give most of their ids; the two chains it exports no definition for are named here.
  const kit = load('@circle-fin/bridge-kit') as { createTokenRegistry: () => { entries: () => Iterable<{ symbol: string; decimals: number; chainDecimals?: Record<string, number>; locators: Record<string, string> }> } };
  const chainIds: Record<string, number> = { Celo: 42220, ZKSync_Era: 324 };
  for (const def of Object.values(load('@circle-fin/bridge-kit', 'chains.cjs') as Record<string, { type?: string; chain?: string; chainId?: number }>))
    if (def?.type === 'evm' && def.chain && def.chainId !== undefined) chainIds[def.chain] = def.chainId;
  const usdc = [...kit.createTokenRegistry().entries()].find((e) => e.symbol === 'USDC');
  if (!usdc) throw new Error('Bridge Kit no longer has a USDC entry in its token registry');
  const circle = npmSource('@circle-fin/bridge-kit', 'index.cjs', 'createTokenRegistry() USDC entry (decimals, locators per chain)');
  // The registry gives no token name; "USD Coin" is the description Circle's kit gives USDC (SWAP_TOKEN_REGISTRY).
  for (const [chain, address] of Object.entries(usdc.locators))
    if (chainIds[chain] !== undefined) token(chainIds[chain], { address, name: 'USD Coin', symbol: 'USDC', decimals: usdc.chainDecimals?.[chain] ?? usdc.decimals }, circle);

  // The Superchain token list (Optimism's, for Ethereum and the OP Stack chains).
  const superchain = load('@eth-optimism/tokenlist') as { default: { tokens: Array<{ chainId: number; address: string; name: string; symbol: string; decimals: number }> } };
  const op = npmSource('@eth-optimism/tokenlist', 'dist/index.js', 'tokens[] (chainId, address, name, symbol, decimals)');
  for (const t of superchain.default.tokens) token(t.chainId, t, op);

  // Aave's token list: the underlying assets of every Aave market, on each market's chain.
  const aave = JSON.parse(packageFile('@bgd-labs/aave-address-book', 'tokenlist.json')) as { tokens: Array<{ chainId: number; address: string; name: string; symbol: string; decimals: number; tags?: string[] }> };
  const aaveSrc = npmSource('@bgd-labs/aave-address-book', 'tokenlist.json', 'tokens[] tagged "underlying" (chainId, address, name, symbol, decimals)');
  for (const t of aave.tokens) if (t.tags?.includes('underlying')) token(t.chainId, t, aaveSrc);

  // Polygon's record of the tokens mapped to its PoS bridge: each Ethereum token with its copy on Polygon PoS.
  // Only copies of Ethereum tokens a record above already names (or of ether itself) are taken.
  const mapped = JSON.parse(repoFile('0xPolygon/polygon-token-list', 'src/tokens/mappedTokens.json')) as Array<{
    chainId: number; name: string; symbol: string; decimals: number; originTokenAddress: string;
    wrappedTokens?: Array<{ wrappedTokenAddress: string; tags?: string[]; name?: string; symbol?: string }>;
  }>;
  const polygon = repoSource('0xPolygon/polygon-token-list', 'src/tokens/mappedTokens.json', 'wrappedTokens[] tagged "pos" (the Polygon PoS copy) of each Ethereum token');
  const onEthereum = new Set(entries.filter((e) => e.chainId === 1 && e.kind).map((e) => e.address.toLowerCase()));
  for (const t of mapped) {
    if (t.chainId !== 1 || !(onEthereum.has(t.originTokenAddress.toLowerCase()) || /^0xe{40}$/i.test(t.originTokenAddress))) continue;
    for (const w of t.wrappedTokens ?? [])
      if (w.tags?.includes('pos')) token(137, { address: w.wrappedTokenAddress, name: w.name ?? t.name, symbol: w.symbol ?? t.symbol, decimals: t.decimals }, polygon);
  }

  // Last, LI.FI's default coins, for the chains the lists above leave out. Not on Fantom: most bridged tokens there
  // were Multichain's, whose Fantom bridge was drained in July 2023, and the record does not say whose bridge each
  // entry is (tier 2 leaves Multichain's contracts out for the same reason).
  for (const coin of lifi.basicCoins)
    for (const [chainId, t] of Object.entries(coin.chains))
      if (Number(chainId) !== 250) token(Number(chainId), { address: t.address, name: t.name ?? coin.name, symbol: t.symbol ?? coin.key, decimals: t.decimals }, lifiSrc);
}

uniswap();
cow();
oneInch();
zeroEx();
seaport();
looksRare();
aave();
lido();
compound();
curve();
balancer();
ens();
safe();
delegates();
lifi();
multicall();
tokens();

// One entry per (chain, address): the first source wins among records of the same protocol; a token list
// repeating a protocol's own record (WETH, stETH) gives way to it; two protocols claiming one address is an error.
const kept = new Map<string, Entry>();
const protocolOf = new Map<string, string>();
/** The kept entry, with the decimals another record gives when its own gives none; records that disagree are an error. */
function withDecimals(entry: Entry, other: Entry): Entry {
  if (other.decimals === undefined) return entry;
  if (entry.decimals === undefined) return { ...entry, decimals: other.decimals, ...(other.source !== entry.source ? { decimalsFrom: other.source } : {}) };
  if (entry.decimals !== other.decimals) throw new Error(`${entry.address} on chain ${entry.chainId}: ${entry.source} gives ${entry.decimals} decimals, ${other.source} gives ${other.decimals}`);
  return entry;
}
for (const e of entries) {
  const key = `${e.chainId}:${e.address.toLowerCase()}`;
  const owner = protocolOf.get(e.address.toLowerCase());
  const prev = kept.get(key);
  if (owner && owner !== e.protocol) {
    if (e.protocol === 'Tokens') {
      if (prev) kept.set(key, withDecimals(prev, e));
      continue;
    }
    const prior = [...kept.values()].find((k) => k.address === e.address && k.protocol === 'Tokens');
    if (!prior) throw new Error(`${e.address} is listed under both ${owner} and ${e.protocol}`);
    for (const [k, v] of kept) if (v.address === e.address) kept.delete(k);
    protocolOf.set(e.address.toLowerCase(), e.protocol);
    kept.set(key, prev ? withDecimals(e, prev) : e);
    continue;
  }
  protocolOf.set(e.address.toLowerCase(), e.protocol);
  if (!prev) {
    kept.set(key, e);
    continue;
  }
  const next = withDecimals(prev, e);
  if ((!prev.kind && e.kind) || (prev.kind === 'token' && e.kind === 'wrapped-native')) kept.set(key, { ...next, kind: e.kind });
  else kept.set(key, next);
}

const contracts = [...kept.values()].sort((a, b) => a.chainId - b.chainId || a.protocol.localeCompare(b.protocol) || a.name.localeCompare(b.name) || a.address.localeCompare(b.address));
// Grouped by the record they come from, so each source is named once above its entries.
const bySource = new Map<string, Entry[]>();
for (const c of contracts) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
const groups = [...bySource.keys()].sort().map((id) => {
  const rows = bySource.get(id)!.map(({ source: _source, ...rest }) => `        ${JSON.stringify(rest)}`);
  return `    ${JSON.stringify(id)}: {\n      "from": ${JSON.stringify(sources[id])},\n      "contracts": [\n${rows.join(',\n')}\n      ]\n    }`;
});
const json = `{\n  "generatedBy": "analysis/ethereum/registry/generate-deployments.ts",\n  "sources": {\n${groups.join(',\n')}\n  }\n}\n`;
writeFileSync(new URL('./deployments.json', import.meta.url), json);
const perChain = new Map<number, number>();
for (const c of contracts) perChain.set(c.chainId, (perChain.get(c.chainId) ?? 0) + 1);
console.log(`${contracts.length} entries from ${bySource.size} sources:`, Object.fromEntries(perChain));
