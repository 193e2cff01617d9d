// Real dapps, wallets and explorers that phishing sites imitate most. These are the targets of the
// look-alike checks and the source of the brand words the domain model looks for. Hand-picked for this
// project (MIT); MetaMask's allowlist and fuzzy list are added at build time (analysis/site/data).

/** Registrable domains of sites users sign on. */
export const IMITATED_SITES: readonly string[] = [
  'uniswap.org', 'opensea.io', 'metamask.io', 'blur.io', 'aave.com', 'lido.fi', 'curve.fi', 'curve.finance',
  'pancakeswap.finance', 'sushi.com', 'arbitrum.io', 'arbitrum.foundation', 'optimism.io', 'zksync.io', 'starknet.io',
  'layerzero.network', 'eigenlayer.xyz', 'ethena.fi', 'blast.io', 'pendle.finance', 'jup.ag', 'phantom.app',
  'ledger.com', 'trezor.io', 'coinbase.com', 'binance.com', 'kraken.com', 'etherscan.io', 'safe.global',
  'rabby.io', 'trustwallet.com', 'walletconnect.com', 'reown.com', '1inch.io', 'ens.domains', 'dydx.exchange',
  'gmx.io', 'compound.finance', 'makerdao.com', 'sky.money', 'morpho.org', 'balancer.fi', 'yearn.fi',
  'convexfinance.com', 'rocketpool.net', 'eigenfoundation.org', 'scroll.io', 'linea.build', 'base.org',
  'polygon.technology', 'celestia.org', 'manta.network', 'zora.co', 'magiceden.io', 'rarible.com',
  'looksrare.org', 'x2y2.io', 'foundation.app', 'galxe.com', 'layer3.xyz', 'debank.com', 'zapper.xyz',
  'zerion.io', 'revoke.cash', 'stargate.finance', 'hop.exchange', 'across.to', 'orbiter.finance',
  'synapseprotocol.com', 'wormhole.com', 'portalbridge.com', 'friend.tech', 'pudgypenguins.com', 'azuki.com',
  'yuga.com', 'otherside.xyz', 'apecoin.com', 'chainlink.com', 'chain.link', 'worldcoin.org', 'world.org',
  'mantle.xyz', 'mode.network', 'taiko.xyz', 'zircuit.com', 'swell.network', 'renzoprotocol.com',
  'etherfi.io', 'ether.fi', 'puffer.fi', 'kelpdao.xyz', 'symbiotic.fi', 'karak.network', 'hyperliquid.xyz',
  'berachain.com', 'monad.xyz', 'movementnetwork.xyz', 'aerodrome.finance', 'velodrome.finance',
  'raydium.io', 'orca.so', 'solana.com', 'tensor.trade', 'pump.fun', 'coingecko.com', 'coinmarketcap.com',
  'bybit.com', 'okx.com', 'kucoin.com', 'gate.io', 'bitget.com', 'crypto.com', 'exodus.com', 'argent.xyz',
  'rainbow.me', 'frame.sh', 'gnosis.io', 'cow.fi', 'paraswap.io', 'matcha.xyz', '0x.org', 'kyberswap.com',
  'instadapp.io', 'frax.finance', 'ethereum.org', 'usual.money', 'spark.fi', 'fluid.instadapp.io',
];

/** Brand words too short or too common to count as brands on their own. */
const NOT_BRANDS = new Set(['friend', 'pump', 'circle', 'matcha', 'blockchain', 'orbiter', 'layer3', 'base', 'safe', 'mode', 'world', 'frame', 'cow', 'spark', 'chain', 'ether', 'sky', 'orca', 'hop', 'across', 'usual', 'foundation', 'crypto', 'gate', 'blast', 'scroll', 'manta', 'zora', 'sushi', 'curve', 'compound', 'balancer', 'rainbow', 'exodus', 'tensor', 'fluid', 'frax', 'linea', 'swell', 'karak', 'puffer', 'monad', 'celestia', 'mantle']);

/** Extra words that are brands without a site in the list above. */
const EXTRA_BRANDS: readonly string[] = ['uniswap', 'opensea', 'metamask', 'pancakeswap', 'sushiswap', 'arbitrum', 'optimism', 'zksync', 'starknet', 'layerzero', 'eigenlayer', 'ethena', 'pendle', 'jupiter', 'phantom', 'ledger', 'trezor', 'coinbase', 'binance', 'etherscan', 'walletconnect', 'trustwallet', 'rabby', 'lido', 'aave', 'blur', 'dydx', 'makerdao', 'morpho', 'yearn', 'convex', 'rocketpool', 'polygon', 'magiceden', 'rarible', 'looksrare', 'galxe', 'debank', 'zapper', 'zerion', 'stargate', 'wormhole', 'pudgypenguins', 'azuki', 'apecoin', 'chainlink', 'worldcoin', 'taiko', 'zircuit', 'renzo', 'etherfi', 'kelpdao', 'symbiotic', 'hyperliquid', 'berachain', 'aerodrome', 'velodrome', 'raydium', 'solana', 'coingecko', 'coinmarketcap', 'bybit', 'kucoin', 'bitget', 'argent', 'paraswap', 'kyberswap', 'instadapp', 'ethereum', 'gnosis', 'safeglobal', 'revoke', 'friendtech', 'otherside', 'bayc', 'boredape', 'moonbirds', 'cryptopunks', 'doodles', 'milady', 'nftfi', 'blockchain', 'myetherwallet', 'mycrypto', 'ens', 'pepe', 'shiba', 'tether', 'circle', 'usdc', 'airdrop', 'wallet'];

/** Generic crypto words: not brands, but common in phishing names (kept apart for the model). */
export const LURE_WORDS: readonly string[] = [
  'airdrop', 'claim', 'reward', 'rewards', 'bonus', 'giveaway', 'free', 'mint', 'drop', 'eligible', 'eligibility',
  'allocation', 'redeem', 'connect', 'wallet', 'walletconnect', 'sync', 'validate', 'verify', 'verification',
  'restore', 'rectify', 'migrate', 'migration', 'bridge', 'stake', 'staking', 'unstake', 'swap', 'dapp', 'defi',
  'nft', 'token', 'tokens', 'presale', 'whitelist', 'portal', 'support', 'secure', 'security', 'revoke', 'fix',
  'recovery', 'refund', 'compensation', 'snapshot', 'season', 'points', 'launch', 'official', 'event', 'quest', 'check', 'checker',
  'register', 'registration', 'node', 'nodes', 'auth', 'login', 'apply', 'distribution', 'unlock', 'v2', 'v3',
];

function secondLevel(domain: string): string {
  const labels = domain.split('.');
  return labels.length >= 2 ? labels[labels.length - 2]! : labels[0]!;
}

/** Brand words of at least four letters, from the imitated sites and the extra list. */
export const BRAND_WORDS: readonly string[] = [
  ...new Set([...IMITATED_SITES.map(secondLevel), ...EXTRA_BRANDS].filter((w) => w.length >= 4 && /^[a-z0-9]+$/.test(w) && !NOT_BRANDS.has(w) && !LURE_WORDS.includes(w))),
].sort();
