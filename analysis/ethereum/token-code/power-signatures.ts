// Which functions give a token's owner a power over its holders, by signature. The names are the ones
// ERC-20 tokens use for these powers (OpenZeppelin's extensions, Tether's and Circle's tokens, and the
// fee-on-transfer "tax" tokens that copy one another). A name is written once with the argument shapes
// it comes in. Their selectors are computed from these signatures with viem's toFunctionSelector by
// generate-power-selectors.ts into power-selector-table.ts, never typed in: hashing the ~950 of them in
// the worker cost 30–60 ms on the first approval after every worker start. The test recomputes them.
import { POWER_SELECTOR_TABLE } from './power-selector-table';

/** What an owner (or whoever the contract names) can do to the token and its holders. */
export type PowerKind =
  /** Create new tokens: the supply, and every holder's share of it, is not fixed. */
  | 'mint'
  /** Name holders who may no longer move (or sell) their tokens. */
  | 'blacklist'
  /** Stop every transfer at once. */
  | 'pause'
  /** Change the fee taken on transfers or sales. */
  | 'fees'
  /** Let chosen holders skip the fee (a fee exists and the owner picks who pays it). */
  | 'fee-exemptions'
  /** Cap what one transfer, sale or wallet may hold, and change the cap. */
  | 'trading-limits'
  /** Trading stays shut until the owner opens it (and, in some tokens, can shut it again). */
  | 'trading-switch'
  /** Replace the code (an upgradeable proxy, or code that can upgrade itself). */
  | 'upgradeable';

const NONE = '';
const U = 'uint256';
const A = 'address';
const B = 'bool';

/** Argument lists tokens give these functions; a signature that no token uses costs one map entry. */
const AMOUNTS = [U, `${U},${U}`, `${U},${U},${U}`, `${U},${U},${U},${U}`, `${U},${U},${U},${U},${U}`, 'uint8', 'uint8,uint8', 'uint8,uint8,uint8', 'uint16', 'uint16,uint16', 'uint16,uint16,uint16', 'uint32', 'uint32,uint32'];
const ACCOUNTS = [A, `${A},${B}`, `${A}[]`, `${A}[],${B}`, `${A},${U}`];
const SWITCHES = [NONE, B, U];

const FAMILIES: ReadonlyArray<{ kind: PowerKind; names: readonly string[]; shapes: readonly string[] }> = [
  {
    kind: 'mint',
    names: ['mint', 'mintTo', 'mintFor', 'mintToken', 'mintTokens', 'ownerMint', 'adminMint', 'issue', 'issueTokens', 'generateTokens', 'createTokens', 'increaseSupply', 'increaseTotalSupply', 'addSupply', 'inflate'],
    shapes: [`${A},${U}`, U, A, `${U},${A}`, `${A}[],${U}[]`],
  },
  {
    kind: 'blacklist',
    names: [
      'blacklist', 'unblacklist', 'blackList', 'addToBlacklist', 'removeFromBlacklist', 'addToBlackList', 'removeFromBlackList', 'setBlacklist', 'setBlackList',
      'addBlackList', 'removeBlackList', 'addBlacklist', 'removeBlacklist', 'blacklistAddress', 'unBlacklistAddress', 'setBlacklisted', 'setBlackListed', 'setIsBlacklisted',
      'updateBlacklist', 'bulkBlacklist', 'multiBlacklist', 'setMultipleBlackList', 'isBlacklisted', 'isBlackListed', 'getBlackListStatus', 'destroyBlackFunds',
      'setBot', 'setBots', 'addBot', 'addBots', 'delBot', 'delBots', 'removeBot', 'blockBots', 'unblockBot', 'setBotBlacklist', 'setSniper', 'setSnipers', 'setIsBot',
      'freezeAccount', 'freeze', 'unfreeze', 'blockAddress', 'unblockAddress', 'banAddress',
    ],
    shapes: ACCOUNTS,
  },
  { kind: 'pause', names: ['pause', 'unpause', 'setPaused', 'setPause', 'pauseTransfers', 'unpauseTransfers', 'pauseToken'], shapes: [NONE, B] },
  {
    kind: 'fees',
    names: [
      'setFee', 'setFees', 'setTaxFee', 'setTaxFeePercent', 'setLiquidityFee', 'setLiquidityFeePercent', 'setMarketingFee', 'setSellFee', 'setBuyFee', 'setSellFees', 'setBuyFees',
      'updateFees', 'updateSellFees', 'updateBuyFees', 'updateFee', 'setTax', 'setTaxes', 'setSellTax', 'setBuyTax', 'setTaxRate', 'setFeeRate', 'setTransferFee', 'setBurnFee',
      'setDevFee', 'setRewardFee', 'setFeePercent', 'setFeeBuy', 'setFeeSell', 'changeFee', 'changeFees', 'changeTaxFee', 'setTotalFees', 'setParams', 'setTransferFeeRate',
    ],
    shapes: AMOUNTS,
  },
  {
    kind: 'fee-exemptions',
    names: ['excludeFromFee', 'excludeFromFees', 'includeInFee', 'includeInFees', 'setExcludeFromFee', 'setExcludedFromFee', 'setIsFeeExempt', 'setFeeExempt', 'excludeMultipleAccountsFromFees'],
    shapes: ACCOUNTS,
  },
  {
    kind: 'trading-limits',
    names: [
      'setMaxTxAmount', 'setMaxTxPercent', 'setMaxTx', 'setMaxTxn', 'setMaxTransactionAmount', 'updateMaxTxnAmount', 'updateMaxTransactionAmount', 'setMaxWallet', 'setMaxWalletSize',
      'setMaxWalletAmount', 'setMaxWalletPercent', 'updateMaxWalletAmount', 'updateMaxWallet', 'setMaxSellAmount', 'setMaxSell', 'setMaxBuy', 'setMaxBuyAmount', 'setWalletLimit',
      'setTxLimit', 'setSellLimit', 'setLimits', 'removeLimits', 'setCooldownEnabled', 'setCooldown', 'setSellCooldown', 'setMaxSwapLimit',
    ],
    shapes: [NONE, U, `${U},${U}`, B],
  },
  {
    kind: 'trading-switch',
    names: ['enableTrading', 'openTrading', 'startTrading', 'setTradingEnabled', 'setTrading', 'setTradingOpen', 'setTradingStatus', 'tradingStatus', 'setTradingActive', 'toggleTrading', 'activateTrading', 'disableTrading', 'closeTrading'],
    shapes: SWITCHES,
  },
  { kind: 'upgradeable', names: ['upgradeTo', 'upgradeToAndCall'], shapes: [A, `${A},bytes`] },
];

/** Functions that say the token has an owner at all (Ownable and its look-alikes). */
export const OWNER_SIGNATURES: readonly string[] = ['owner()', 'getOwner()', 'transferOwnership(address)', 'renounceOwnership()'];

export interface PowerSignature {
  kind: PowerKind;
  signature: string;
}

/** Every signature, in the order of the selector table: each family's names × shapes, then the owner functions. */
export function signaturesInOrder(): { kind: PowerKind | 'owner'; signature: string }[] {
  return [
    ...FAMILIES.flatMap((f) => f.names.flatMap((name) => f.shapes.map((shape) => ({ kind: f.kind, signature: `${name}(${shape})` })))),
    ...OWNER_SIGNATURES.map((signature) => ({ kind: 'owner' as const, signature })),
  ];
}

function build(): { powers: Map<number, PowerSignature>; owner: Map<number, string> } {
  const all = signaturesInOrder();
  if (POWER_SELECTOR_TABLE.length !== all.length * 8) throw new Error('power-selector-table.ts is stale: run npx tsx analysis/ethereum/token-code/generate-power-selectors.ts');
  const powers = new Map<number, PowerSignature>();
  const owner = new Map<number, string>();
  all.forEach(({ kind, signature }, k) => {
    const selector = Number.parseInt(POWER_SELECTOR_TABLE.slice(8 * k, 8 * k + 8), 16);
    if (kind === 'owner') owner.set(selector, signature);
    else powers.set(selector, { kind, signature });
  });
  return { powers, owner };
}

let built: ReturnType<typeof build> | undefined;

/** Selector → the power it gives, read from the table once on first use. */
export function powerSelectors(): ReturnType<typeof build> {
  built ??= build();
  return built;
}
