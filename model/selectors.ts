// Function selectors the bytecode features look for in a contract's dispatcher. Most are written out as
// numbers so that the service worker does no hashing at start-up; the scam-typical ones are derived from
// the decoder's one list (a few dozen hashes). `features.test.ts` recomputes each one from
// its signature with viem. What a call calls is read by the analysis' decoder instead (calldata.ts).
import { toFunctionSelector } from 'viem';
import { SCAM_TYPICAL_FUNCTIONS } from '../analysis/ethereum/decode/scam-typical.ts';

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
  // Multicall() is a drainer's name for its payable function; the model counts it among the multicalls.
  ...trainedAs('multicall'),
];

/**
 * Argument-less payable functions that "airdrop"/"wallet" phishing pages ask victims to call with
 * value: the names of the decoder's one list (analysis/ethereum/decode/scam-typical.ts) the model was trained on.
 * Hashed at start-up, unlike the lists above: they follow that list rather than copy it.
 */
export const SCAM_BAIT_SELECTORS: readonly KnownSelector[] = trainedAs('bait');

function trainedAs(kind: 'bait' | 'multicall'): KnownSelector[] {
  return SCAM_TYPICAL_FUNCTIONS.flatMap((f) => ('model' in f && f.model === kind ? [signed(`${f.name}()`)] : []));
}

function signed(signature: string): KnownSelector {
  return s(Number(toFunctionSelector(signature)), signature);
}

/** Owner-side cash-out functions: ordinary in NFT mints, central in drainers. */
export const WITHDRAW_SELECTORS = [
  s(0x3ccfd60b, 'withdraw()'),
  s(0x853828b6, 'withdrawAll()'),
  s(0x01681a62, 'sweep(address)'),
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
