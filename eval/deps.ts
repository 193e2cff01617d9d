// The analysis as the background runs it (lib/judge.ts), built in Node: the shipped site lists and
// domain model, the contract model, and, when a node is given, its chain reads and simulation with the
// judge's timeouts. lib/judge.ts itself reads the extension's storage and package, so it cannot run here;
// keep these two in step.
import { createPublicClient, http } from 'viem';
import { createMemoryHistory, type AnalysisDeps, type SiteRisk } from '../analysis';
import { createRpcChainReader } from '../analysis/context/chain-reader';
import { loadSiteRiskFromDisk } from '../analysis/site/node-lists';
import { createRpcSimulator } from '../analysis/simulate/rpc-simulator';
import { createScoreContract, type CodeSource } from '../lib/score-contract';
import { nodeScoreDomain } from '../model/domain/node-scorer';
import type { ContractScorer } from '../model/inference';
import { nodeContractScorer } from '../model/node-scorer';

/** lib/judge.ts: RPC_TIMEOUT_MS and SIMULATION_DEADLINE_MS. */
const RPC_TIMEOUT_MS = 1500;
const SIMULATION_DEADLINE_MS = 1500;

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
 * What a new user has when no node answers for the chain: the default public node unreachable (offline,
 * blocked, rate-limited) or none configured. A loopback port nothing listens on refuses at once.
 */
export const UNREACHABLE_NODE = 'http://127.0.0.1:1';

export function productDeps(parts: ProductParts, rpcUrl: string | undefined): AnalysisDeps {
  const reader = rpcUrl ? createRpcChainReader(rpcUrl, { timeoutMs: RPC_TIMEOUT_MS }) : null;
  const code: CodeSource = {};
  if (rpcUrl && reader) {
    const client = createPublicClient({ transport: http(rpcUrl, { timeout: RPC_TIMEOUT_MS, retryCount: 0 }) });
    code.getCode = (address) => reader.getCode(address);
    code.getStorageAt = (address, slot) => client.getStorageAt({ address, slot });
  }
  return {
    chain: reader,
    history: createMemoryHistory(),
    site: parts.site,
    timeoutMs: RPC_TIMEOUT_MS,
    scoreContract: createScoreContract(parts.contractScorer, code),
    simulation: { simulator: rpcUrl && reader ? createRpcSimulator(rpcUrl, { reader, timeoutMs: RPC_TIMEOUT_MS }) : null, deadlineMs: SIMULATION_DEADLINE_MS },
  };
}
