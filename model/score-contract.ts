// The analysis' model seam (`scoreContract`) backed by the ONNX model: turns what the analysis knows into
// the model's input, fetching the code behind a proxy when that costs one or two RPC reads, and the
// model's reasons into sentences. No extension APIs here, so the scan CLI uses it as the worker does.
import type { Address, Hex } from 'viem';
import { ModelMissingError, type ContractScoreInput, type ContractScoreResult, type ScoreSubject } from '../analysis/ethereum';
import { hexToBytes } from '../analysis/ethereum/evm';
import type { FeatureInput } from './features';
import type { ContractScorer, Reason } from './inference';
import { detectProxy } from '../analysis/ethereum/context/proxy';
import { TIME_BUDGET } from '../common/time-budget';
import { withTimeout } from '../common/timeout';

/** What resolving a proxy may read; both are optional so a caller without a node can still score. */
export interface CodeSource {
  getCode?(address: Address): Promise<Hex>;
  getStorageAt?(address: Address, slot: Hex): Promise<Hex | undefined>;
}

const ZERO_ADDRESS = /^0x0{40}$/;

/**
 * A model whose load failed stays failed for the worker's life (a broken or missing file does not mend),
 * so that is reported as a missing model, which the user is told of, not as a slow one.
 */
export function missingIfFailed(load: Promise<ContractScorer>): Promise<ContractScorer> {
  return load.catch((error: unknown) => {
    throw new ModelMissingError(error instanceof Error ? error.message : String(error));
  });
}

export function createScoreContract(getScorer: () => Promise<ContractScorer>, code: CodeSource = {}): (input: ContractScoreInput) => Promise<ContractScoreResult> {
  return async (input) => {
    // Start both at once: the model may still be loading while the proxy's code is read.
    const [scorer, implementationBytecode] = await Promise.all([getScorer(), implementationCode(input, code)]);
    const features: FeatureInput = {
      bytecode: input.bytecode,
      calldata: input.calldata,
      value: input.value,
      ...(implementationBytecode ? { implementationBytecode } : {}),
    };
    const result = await scorer.score(features);
    const driven = drivenBy(result.reasons);
    return { score: result.score, threshold: result.threshold, elevated: result.elevated, reasons: result.reasons.map((r) => r.words), ...(driven ? { drivenBy: driven } : {}) };
  };
}

/** Where the reasons that moved the score most point: the contract, this request, or both (neither has two thirds of the weight). */
export function drivenBy(reasons: readonly Pick<Reason, 'about' | 'contribution'>[]): ScoreSubject | undefined {
  const weight = { contract: 0, request: 0 };
  for (const r of reasons) weight[r.about] += Math.abs(r.contribution);
  const total = weight.contract + weight.request;
  if (total === 0) return undefined;
  if (weight.contract >= (2 / 3) * total) return 'contract';
  if (weight.request >= (2 / 3) * total) return 'request';
  return 'both';
}

/** The code that actually runs behind a proxy or an EIP-7702 account, when one or two reads can find it. */
export async function implementationCode(input: ContractScoreInput, code: CodeSource): Promise<Hex | undefined> {
  if (!code.getCode || input.bytecode.length <= 2) return undefined;
  const getCode = code.getCode;
  let proxy;
  try {
    proxy = detectProxy(hexToBytes(input.bytecode));
  } catch {
    return undefined; // malformed code: the feature extractor reports it
  }
  const lookup = async (): Promise<Hex | undefined> => {
    let implementation: Address | undefined = input.delegatesTo ?? proxy.implementation;
    // A beacon needs an eth_call to its implementation(): not cheap enough for every request.
    if (!implementation && proxy.implementationSlot && proxy.kind !== 'eip1967-beacon' && code.getStorageAt) {
      const word = await code.getStorageAt(input.address, proxy.implementationSlot);
      if (word && word.length >= 42) implementation = `0x${word.slice(-40)}` as Address;
    }
    if (!implementation || ZERO_ADDRESS.test(implementation)) return undefined;
    const implementationHex = await getCode(implementation);
    return implementationHex.length > 2 ? implementationHex : undefined;
  };
  if (proxy.kind === 'none' && !input.delegatesTo) return undefined;
  // A nicety: past its time, the proxy itself is scored rather than the request waiting.
  return withTimeout(lookup(), TIME_BUDGET.proxyLookupMs).catch(() => undefined);
}
