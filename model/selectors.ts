// Function selectors the features look for, written out as numbers so that the service worker does no
// hashing at start-up. `selectors.test.ts` recomputes each one from its signature with viem.

export interface KnownSelector {
  selector: number;
  signature: string;
}

const s = (selector: number, signature: string): KnownSelector => ({ selector, signature });

/** Selector sets of the standards a contract can implement; a feature is the share present. */
export const STANDARDS = {
  erc20: [
    s(0xa9059cbb, 'transfer(address,uint256)'),
    s(0x095ea7b3, 'approve(address,uint256)'),
    s(0x23b872dd, 'transferFrom(address,address,uint256)'),
    s(0x70a08231, 'balanceOf(address)'),
    s(0x18160ddd, 'totalSupply()'),
    s(0xdd62ed3e, 'allowance(address,address)'),
  ],
  erc2612: [
    s(0xd505accf, 'permit(address,address,uint256,uint256,uint8,bytes32,bytes32)'),
    s(0x7ecebe00, 'nonces(address)'),
    s(0x3644e515, 'DOMAIN_SEPARATOR()'),
  ],
  erc721: [
    s(0x6352211e, 'ownerOf(uint256)'),
    s(0x42842e0e, 'safeTransferFrom(address,address,uint256)'),
    s(0xb88d4fde, 'safeTransferFrom(address,address,uint256,bytes)'),
    s(0xa22cb465, 'setApprovalForAll(address,bool)'),
    s(0x081812fc, 'getApproved(uint256)'),
    s(0xe985e9c5, 'isApprovedForAll(address,address)'),
  ],
  erc1155: [
    s(0xf242432a, 'safeTransferFrom(address,address,uint256,uint256,bytes)'),
    s(0x2eb2c2d6, 'safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)'),
    s(0x4e1273f4, 'balanceOfBatch(address[],uint256[])'),
    s(0xa22cb465, 'setApprovalForAll(address,bool)'),
    s(0xe985e9c5, 'isApprovedForAll(address,address)'),
  ],
  erc165: [s(0x01ffc9a7, 'supportsInterface(bytes4)')],
  ownable: [
    s(0x8da5cb5b, 'owner()'),
    s(0xf2fde38b, 'transferOwnership(address)'),
    s(0x715018a6, 'renounceOwnership()'),
  ],
  upgradeable: [
    s(0x3659cfe6, 'upgradeTo(address)'),
    s(0x4f1ef286, 'upgradeToAndCall(address,bytes)'),
    s(0x5c60da1b, 'implementation()'),
  ],
  erc1271: [s(0x1626ba7e, 'isValidSignature(bytes32,bytes)')],
  erc4337Account: [
    s(0x3a871cdd, 'validateUserOp((address,uint256,bytes,bytes,uint256,uint256,uint256,uint256,uint256,bytes,bytes),bytes32,uint256)'),
    s(0x19822f7c, 'validateUserOp((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes),bytes32,uint256)'),
    s(0xb61d27f6, 'execute(address,uint256,bytes)'),
    s(0x47e1da2a, 'executeBatch(address[],uint256[],bytes[])'),
  ],
} as const satisfies Record<string, readonly KnownSelector[]>;

export type StandardName = keyof typeof STANDARDS;

/** Multicall entry points; legitimate routers have them, and so do drainer contracts. */
export const MULTICALL_SELECTORS = [
  s(0xac9650d8, 'multicall(bytes[])'),
  s(0x5ae401dc, 'multicall(uint256,bytes[])'),
  s(0x252dba42, 'aggregate((address,bytes)[])'),
  s(0x82ad56cb, 'aggregate3((address,bool,bytes)[])'),
  s(0xbce38bd7, 'tryAggregate(bool,(address,bytes)[])'),
  s(0x9cad7b18, 'Multicall()'),
];

/**
 * Argument-less payable functions that "airdrop"/"wallet" phishing pages ask victims to call with
 * value (PTXPhish's payable-function category, ScamSniffer's reports): the value goes to the scammer.
 */
export const SCAM_BAIT_SELECTORS = [
  s(0x3158952e, 'Claim()'),
  s(0x4e71d92d, 'claim()'),
  s(0x79372f9a, 'ClaimReward()'),
  s(0x12798972, 'ClaimRewards()'),
  s(0x372500ab, 'claimRewards()'),
  s(0xb88a802f, 'claimReward()'),
  s(0xb9a9d3d0, 'ClaimAirdrop()'),
  s(0x5b88349d, 'claimAirdrop()'),
  s(0x5fba79f5, 'SecurityUpdate()'),
  s(0xaf347b61, 'securityUpdate()'),
  s(0xa16f15c3, 'Connect()'),
  s(0x948cb719, 'connect()'),
  s(0xb9d2d32c, 'Execute()'),
  s(0x3884d635, 'airdrop()'),
  s(0x3f6b6f2e, 'Airdrop()'),
  s(0x143087ee, 'Verify()'),
  s(0x34c73884, 'Mint()'),
  s(0x9c9316c5, 'NetworkMerge()'),
  s(0xa3907d71, 'enable()'),
];

/** Owner-side cash-out functions: ordinary in NFT mints, central in drainers. */
export const WITHDRAW_SELECTORS = [
  s(0x3ccfd60b, 'withdraw()'),
  s(0x853828b6, 'withdrawAll()'),
  s(0x01681a62, 'sweep(address)'),
];

/** Selectors that move or approve tokens when a wallet user calls them. */
export const CALL_SELECTORS = {
  transfer: s(0xa9059cbb, 'transfer(address,uint256)'),
  approve: s(0x095ea7b3, 'approve(address,uint256)'),
  increaseAllowance: s(0x39509351, 'increaseAllowance(address,uint256)'),
  transferFrom: s(0x23b872dd, 'transferFrom(address,address,uint256)'),
  safeTransferFrom721: s(0x42842e0e, 'safeTransferFrom(address,address,uint256)'),
  safeTransferFrom721Data: s(0xb88d4fde, 'safeTransferFrom(address,address,uint256,bytes)'),
  safeTransferFrom1155: s(0xf242432a, 'safeTransferFrom(address,address,uint256,uint256,bytes)'),
  safeBatchTransferFrom1155: s(0x2eb2c2d6, 'safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)'),
  setApprovalForAll: s(0xa22cb465, 'setApprovalForAll(address,bool)'),
  permit: s(0xd505accf, 'permit(address,address,uint256,uint256,uint8,bytes32,bytes32)'),
  permit2Approve: s(0x87517c45, 'approve(address,address,uint160,uint48)'),
  permit2PermitSingle: s(0x2b67b570, 'permit(address,((address,uint160,uint48,uint48),address,uint256),bytes)'),
  permit2PermitTransferFrom: s(0x30f28b7a, 'permitTransferFrom(((address,uint256),uint256,uint256),(address,uint256),address,bytes)'),
  wethDeposit: s(0xd0e30db0, 'deposit()'),
  mint: s(0xa0712d68, 'mint(uint256)'),
  mintTo: s(0x40c10f19, 'mint(address,uint256)'),
  merkleClaim: s(0x2e7ba6ef, 'claim(uint256,address,uint256,bytes32[])'),
  seaportFulfillBasic: s(
    0xfb0f3ee1,
    'fulfillBasicOrder((address,uint256,uint256,address,address,address,uint256,uint256,uint8,uint256,uint256,bytes32,uint256,bytes32,bytes32,uint256,(uint256,address)[],bytes))',
  ),
} as const;

export const SWAP_SELECTORS = [
  s(0x38ed1739, 'swapExactTokensForTokens(uint256,uint256,address[],address,uint256)'),
  s(0x7ff36ab5, 'swapExactETHForTokens(uint256,address[],address,uint256)'),
  s(0x18cbafe5, 'swapExactTokensForETH(uint256,uint256,address[],address,uint256)'),
  s(0x414bf389, 'exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))'),
  s(0xc04b8d59, 'exactInput((bytes,address,uint256,uint256,uint256))'),
  s(0x3593564c, 'execute(bytes,bytes[],uint256)'),
  s(0x24856bc3, 'execute(bytes,bytes[])'),
];

/**
 * Mainnet addresses that drainers and sweepers hard-code (tokens worth stealing, Permit2, Seaport).
 * Legitimate protocol code mostly takes them as immutables instead, which are not visible as PUSH20.
 */
export const WELL_KNOWN_ADDRESSES: readonly string[] = [
  'c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', // WETH
  'dac17f958d2ee523a2206206994597c13d831ec7', // USDT
  'a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', // USDC
  '6b175474e89094c44da98b954eedeac495271d0f', // DAI
  '2260fac5e5542a773aa44fbcfedf7c193bc2c599', // WBTC
  '000000000022d473030f116ddee9f6b43ac78ba3', // Permit2
  '00000000000000adc04c56bf30ac9d3c0aaf14dc', // Seaport 1.5
  '0000000000000068f116a894984e2db1123eb395', // Seaport 1.6
  '7a250d5630b4cf539739df2c5dacb4c659f2488d', // Uniswap V2 Router02
  '68b3465833fb72a70ecdf485e0e4c7bd8665fc45', // Uniswap SwapRouter02
];
