// The analysis as the background runs it (entrypoints/background/judge.ts), built in Node: the shipped site lists and
// domain model, the contract model, and, when a node is given, its chain reads and simulation, wired
// by the same analysis/ethereum/context/analysis-deps.ts. Only what reads the extension's storage and package differs: the
// lists and models come from disk here, and there is no deadline.
import { createMemoryHistory, type AnalysisDeps, type SiteRisk } from '../analysis/ethereum';
import { loadSiteRiskFromDisk } from '../analysis/site/node-lists';
import { analysisDeps, codeSourceFor, nodeAt } from '../analysis/ethereum/context/analysis-deps';
import type { ChainSource } from '../analysis/ethereum/context/chain-sources';
import { createScoreContract } from '../model/score-contract';
import { nodeScoreDomain } from '../model/domain/node-scorer';
import type { ContractScorer } from '../model/inference';
import { nodeContractScorer } from '../model/node-scorer';

export interface ProductParts {
  site: SiteRisk;
  contractScorer: () => Promise<ContractScorer>;
}

/** The shipped lists and both models, loaded once per run. */
export async function loadProductParts(): Promise<ProductParts> {
  const contractScorer = nodeContractScorer();
  await contractScorer();
  return { site: await loadSiteRiskFromDisk({ scoreDomain: nodeScoreDomain() }), contractScorer };
}

/**
 * What a user has when no source answers for the chain, not even the wallet: the default public node
 * unreachable (offline, blocked, rate-limited) or none configured. A loopback port nothing listens on refuses at once.
 */
export const UNREACHABLE_NODE = 'http://127.0.0.1:1';

export function productDeps(parts: ProductParts, rpcUrl: string | undefined): AnalysisDeps {
  const source: ChainSource | undefined = rpcUrl ? { kind: 'settings', url: rpcUrl, ...nodeAt(rpcUrl) } : undefined;
  return analysisDeps({ source, history: createMemoryHistory(), site: parts.site, scoreContract: createScoreContract(parts.contractScorer, codeSourceFor(source)) });
}
