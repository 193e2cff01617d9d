// Every calldata family the decoder reads, in the order their selectors are tried, and the index from
// selector to function. Human-readable const ABIs (viem's parseAbi) keep each family short, reviewable
// and typed; selectors are computed by viem, never typed in.
import { toFunctionSelector, type AbiFunction, type Hex } from 'viem';
import { oneInchRouter, zeroExProxy } from './aggregators';
import { multicall, multicall3, safeMultiSend, smartAccount } from './batches';
import { accessControl, ens, ownable, proxyAdmin, safeSettings, upgradeableProxy, wyvernProxy } from './control';
import { erc20, weth } from './erc20';
import { nftMint, nftTokens } from './nft';
import { permit2 } from './permit2';
import { scamTypical } from './scam-typical';
import { uniswapV2Router, uniswapV3Router, universalRouter } from './uniswap';

export { SCAM_TYPICAL_FAMILY } from './scam-typical';

export const CALL_FAMILIES = [
  erc20,
  nftTokens,
  nftMint,
  weth,
  permit2,
  uniswapV2Router,
  uniswapV3Router,
  universalRouter,
  multicall,
  multicall3,
  smartAccount,
  oneInchRouter,
  zeroExProxy,
  ownable,
  upgradeableProxy,
  proxyAdmin,
  accessControl,
  safeSettings,
  safeMultiSend,
  wyvernProxy,
  ens,
  scamTypical,
] as const;

/** A call one of the families decoded: `family` and `functionName` narrow `args` to that function's types. */
export type DecodedCall = NonNullable<ReturnType<(typeof CALL_FAMILIES)[number]['decode']>>['call'];
export type CallFamilyName = (typeof CALL_FAMILIES)[number]['name'];

export interface KnownFunction {
  family: CallFamilyName;
  abi: AbiFunction;
  /** Canonical signature, e.g. `transfer(address,uint256)`. */
  signature: string;
  decoder: (typeof CALL_FAMILIES)[number];
}

/** selector -> known functions with that selector (several families may share one, e.g. transferFrom). */
export const knownFunctions: ReadonlyMap<Hex, KnownFunction[]> = buildIndex();

function buildIndex(): Map<Hex, KnownFunction[]> {
  const index = new Map<Hex, KnownFunction[]>();
  for (const decoder of CALL_FAMILIES) {
    for (const item of decoder.functions) {
      const signature = `${item.name}(${item.inputs.map(formatType).join(',')})`;
      const selector = toFunctionSelector(item);
      const list = index.get(selector) ?? [];
      // The same signature in two families keeps the first.
      if (!list.some((k) => k.signature === signature)) list.push({ family: decoder.name, abi: item, signature, decoder });
      index.set(selector, list);
    }
  }
  return index;
}

function formatType(p: { type: string; components?: readonly { type: string }[] }): string {
  if (!p.type.startsWith('tuple')) return p.type;
  return `(${(p.components ?? []).map(formatType).join(',')})${p.type.slice('tuple'.length)}`;
}
