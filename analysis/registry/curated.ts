// Hand-picked entries the Etherscan snapshot (mid-2023) lacks or only knows on mainnet: newer
// deployments (Seaport 1.5/1.6, Universal Router v2), and contracts deployed at the same address on
// every chain through deterministic deployers. Each was checked against the protocol's own docs.

/** Same address on every chain where it exists (CREATE2 / keyless deployers). */
export const EVERY_CHAIN: Record<string, string> = {
  '0x000000000022d473030f116ddee9f6b43ac78ba3': 'Uniswap Permit2',
  '0x00000000006c3852cbef3e08e8df289169ede581': 'Seaport 1.1',
  '0x00000000000001ad428e4906ae43d8f9852d0dd6': 'Seaport 1.4',
  '0x00000000000000adc04c56bf30ac9d3c0aaf14dc': 'Seaport 1.5',
  '0x0000000000000068f116a894984e2db1123eb395': 'Seaport 1.6',
  '0x1e0049783f008a0085193e00003d00cd54003c71': 'OpenSea Conduit',
  '0xca11bde05977b3631167028862be2a173976ca11': 'Multicall3',
  '0x1111111254eeb25477b68fb85ed929f73a960582': '1inch Aggregation Router v5',
  '0x111111125421ca6dc452d289314280a0f8842a65': '1inch Aggregation Router v6',
  '0x9008d19f58aabd9ed0d60971565aa8510560ab41': 'CoW Protocol Settlement',
  '0xc92e8bdf79f0507f65a392b0ab4667716bfe0110': 'CoW Protocol Vault Relayer',
  '0xdef1c0ded9bec7f1a1670819833240f027b25eff': '0x Exchange Proxy',
  '0x0000000000001ff3684f28c67538d4d072c22734': '0x AllowanceHolder',
  '0x1231deb6f5749ef6ce6943a275a1d3e7486f4eae': 'LI.FI Diamond',
  '0x6131b5fae19ea4f9d964eac0408e4408b66337b5': 'KyberSwap Meta Aggregation Router v2',
  '0xe592427a0aece92de3edee1f18e0157c05861564': 'Uniswap V3 Router',
  '0x68b3465833fb72a70ecdf485e0e4c7bd8665fc45': 'Uniswap V3 Router 2',
  '0x3fc91a3afd70395cd496c647d5a6cc9d4b2b7fad': 'Uniswap Universal Router',
  '0xc36442b4a4522e871399cd717abdd847ab11fe88': 'Uniswap V3 Positions NFT',
  '0x4200000000000000000000000000000000000006': 'Wrapped Ether (OP Stack predeploy)',
};

export const PER_CHAIN: Record<number, Record<string, string>> = {
  1: {
    '0x66a9893cc07d91d95644aedd05d03f95e1dba8af': 'Uniswap Universal Router (v4)',
    '0xef1c6e67703c7bd7107eed8303fbe6ec2554bf6b': 'Uniswap Universal Router (2022)',
    '0x7a250d5630b4cf539739df2c5dacb4c659f2488d': 'Uniswap V2 Router 2',
    '0xd9e1ce17f2641f24ae83637ab66a2cca9c378b9f': 'SushiSwap Router',
    '0x6000da47483062a0d734ba3dc7576ce6a0b645c4': 'UniswapX Exclusive Dutch Order Reactor',
    '0x00000011f84b9aa48e5f8aa8b9897600006289be': 'UniswapX V2 Dutch Order Reactor',
    '0x000000000000ad05ccc4f10045630fb830b95127': 'Blur Exchange',
    '0x00000000000111abe46ff893f3b2fdf1f759a8a8': 'Blur Execution Delegate',
    '0x0000000000a39bb272e79075ade125fd351887ac': 'Blur Pool',
    '0x29469395eaf6f95920e59f858042f0e28d98a20b': 'Blur Blend',
    '0x0000000000e655fae4d56241588680f86e3b2377': 'LooksRare Exchange V2',
    '0x000000000060c4ca14cfc4325359062ace33fe3d': 'LooksRare Transfer Manager V2',
    '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2': 'Wrapped Ether (WETH)',
    '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48': 'USD Coin (USDC)',
    '0xdac17f958d2ee523a2206206994597c13d831ec7': 'Tether USD (USDT)',
    '0x6b175474e89094c44da98b954eedeac495271d0f': 'Dai Stablecoin (DAI)',
    '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599': 'Wrapped BTC (WBTC)',
    '0xae7ab96520de3a18e5e111b5eaab095312d7fe84': 'Lido Staked Ether (stETH)',
    '0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0': 'Wrapped liquid staked Ether (wstETH)',
    '0x1f9840a85d5af5bf1d1762f925bdaddc4201f984': 'Uniswap (UNI)',
    '0x514910771af9ca656af840dff83e8264ecf986ca': 'Chainlink Token (LINK)',
    '0x00000000000c2e074ec69a0dfb2997ba6c7d2e1e': 'ENS Registry',
    '0x253553366da8546fc250f225fe3d25d0c782303b': 'ENS ETH Registrar Controller',
    '0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2': 'Aave V3 Pool',
  },
  8453: { '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913': 'USD Coin (USDC)' },
  42161: {
    '0xaf88d065e77c8cc2239327c5edb3a432268e5831': 'USD Coin (USDC)',
    '0x82af49447d8a07e3bd95bd0d56f35241523fbab1': 'Wrapped Ether (WETH)',
  },
  10: { '0x0b2c639c533813f4aa9d7837caf62653d097ff85': 'USD Coin (USDC)' },
  137: {
    '0x3c499c542cef5e3811e1192ce70d8cc03d5c3359': 'USD Coin (USDC)',
    '0x0d500b1d8e8ef31e21c99d1db9a6444d3adf1270': 'Wrapped Matic (WMATIC)',
  },
};

/**
 * EIP-7702 delegates published by wallet teams. Recognised, not endorsed: delegating is still shown,
 * but an account handed to a contract nobody knows is the drainer case.
 */
export const KNOWN_7702_DELEGATES: Record<string, string> = {
  '0x63c0c19a282a1b52b07dd5a65b58948a07dae32b': 'MetaMask EIP-7702 Stateless DeleGator',
  '0x4cd241e8d1510e30b2076397afc7508ae59c66c9': 'eth-infinitism Simple7702Account',
  '0x000000009b1d0af20d8c6d0a44e162d11f9b8f00': 'Uniswap Calibur',
};

/** Tokens whose amounts are counted in the native coin's units when judging "dust" in orders. */
export const WRAPPED_NATIVE = new Set([
  '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2',
  '0x4200000000000000000000000000000000000006',
  '0x82af49447d8a07e3bd95bd0d56f35241523fbab1',
  '0x0000000000a39bb272e79075ade125fd351887ac',
]);

/** Decimals of major tokens, to judge amounts when no RPC answers. */
export const KNOWN_DECIMALS: Record<string, number> = {
  '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48': 6,
  '0xdac17f958d2ee523a2206206994597c13d831ec7': 6,
  '0x6b175474e89094c44da98b954eedeac495271d0f': 18,
  '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599': 8,
  '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913': 6,
  '0xaf88d065e77c8cc2239327c5edb3a432268e5831': 6,
  '0x0b2c639c533813f4aa9d7837caf62653d097ff85': 6,
  '0x3c499c542cef5e3811e1192ce70d8cc03d5c3359': 6,
};
