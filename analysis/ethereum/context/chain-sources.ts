// Where the analysis reads the chain from, per request: the node the user chose for the chain, the
// default public nodes (ours, then viem's chain definition), and, when none of them answers for the
// wallet's chain, the wallet's own connection, relayed by the guard. Each node is first asked which
// chain it serves; one on another chain is never used. "Could not be checked" is left for when no
// source answers.
import { createPublicClient, custom, TimeoutError, type Transport } from 'viem';
import { createRpcChainReader, type ChainReader } from './chain-reader';
import { knownChains } from '../registry/chains';
import { createRpcSimulator } from '../simulate/rpc-simulator';
import type { Simulator } from '../simulate/types';
import type { CheckedOn, WalletReadAnswer } from '../../../common/messages';
import type { Settings } from '../../../common/settings';
import { withTimeout } from '../../../common/timeout';
import { DEFAULT_RPC_URLS } from './default-nodes';

/** One read through the wallet of the request being judged. */
export type WalletRead = (method: string, params: unknown[]) => Promise<WalletReadAnswer>;

export type SourceKind = CheckedOn['kind'];

export interface ChainSource {
  kind: SourceKind;
  /** The node's URL; none for the wallet's connection. */
  url?: string;
  reader: ChainReader;
  simulator: Simulator;
  /** Reads for resolving a proxy to its implementation. */
  getStorageAt(address: `0x${string}`, slot: `0x${string}`): Promise<`0x${string}` | undefined>;
}

export interface SourceChoice {
  /** The source that answered for the wallet's chain, else the user's or default node (its failures are then reported). */
  source?: ChainSource;
  /** Sources passed over, in words: "https://… did not answer", "https://… serves chain 5". */
  passedOver: string[];
}

interface NodeCandidate {
  kind: SourceKind;
  url: string;
}

/** The nodes to try for a chain, in order: the user's choice, our default, viem's. */
export function nodeCandidates(chainId: number, chosen: Settings['rpcUrls']): NodeCandidate[] {
  const out: NodeCandidate[] = [];
  const add = (kind: SourceKind, url: string | undefined) => {
    if (url && !out.some((c) => c.url === url)) out.push({ kind, url });
  };
  add('settings', chosen[String(chainId)]);
  add('default', DEFAULT_RPC_URLS[chainId]);
  add('default', knownChains.get(chainId)?.rpcUrl);
  return out;
}

/** A viem transport over the wallet's connection: no answer in time reads as a timeout, as a silent node's would. */
export function walletTransport(read: WalletRead, timeoutMs: number): Transport {
  return custom(
    {
      async request({ method, params }: { method: string; params?: unknown }) {
        const asked = read(method, Array.isArray(params) ? params : []).catch((e: unknown) => ({ error: String(e), unreachable: true as const }));
        const answer = await withTimeout(asked, timeoutMs).catch(() => ({ error: 'no answer in time', unreachable: true as const }));
        if ('result' in answer) return answer.result;
        if ('unreachable' in answer) throw new TimeoutError({ body: { method }, url: 'wallet' });
        throw Object.assign(new Error(answer.error), answer.code !== undefined ? { code: answer.code } : {}, answer.data !== undefined ? { data: answer.data } : {});
      },
    },
    { retryCount: 0 },
  );
}

export interface SourceDeps {
  /** Reader and simulator per URL, shared across requests (their caches with them). */
  forUrl(url: string): Pick<ChainSource, 'reader' | 'simulator' | 'getStorageAt'>;
  timeoutMs: number;
}

/** Whether a reader answers for `chainId` within the time, and if not, why in words. */
async function answersFor(reader: ChainReader, chainId: number, label: string): Promise<string | null> {
  try {
    const served = await reader.getChainId!();
    return served === chainId ? null : `${label} serves chain ${served}, not ${chainId}`;
  } catch {
    return `${label} did not answer`;
  }
}

function walletSource(walletRead: WalletRead, timeoutMs: number): ChainSource {
  const transport = walletTransport(walletRead, timeoutMs);
  const reader = createRpcChainReader(transport, { timeoutMs });
  const client = createPublicClient({ transport });
  return { kind: 'wallet', reader, simulator: createRpcSimulator(transport, { reader, timeoutMs }), getStorageAt: (address, slot) => client.getStorageAt({ address, slot }) };
}

export async function chooseChainSource(chainId: number | undefined, chosen: Settings['rpcUrls'], walletRead: WalletRead | undefined, deps: SourceDeps): Promise<SourceChoice> {
  if (chainId === undefined) return { passedOver: [] };
  const nodes: ChainSource[] = nodeCandidates(chainId, chosen).map((c) => ({ kind: c.kind, url: c.url, ...deps.forUrl(c.url) }));
  // The nodes are asked all at once (their answers are cached); the first in order of preference that
  // serves the wallet's chain is used.
  const checks = nodes.map((n) => answersFor(n.reader, chainId, n.url!));
  const passedOver: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const problem = await checks[i]!;
    if (problem === null) return { source: nodes[i], passedOver };
    passedOver.push(problem);
  }
  // Only then the wallet's connection: a read through the page for every request would cost a round
  // trip there and traffic the wallet never needed.
  if (walletRead) {
    const wallet = walletSource(walletRead, deps.timeoutMs);
    const problem = await answersFor(wallet.reader, chainId, "the wallet's connection");
    if (problem === null) return { source: wallet, passedOver };
    passedOver.push(problem);
  }
  // None answered: the user's (or default) node stays, so its failure is reported as before.
  return { source: nodes[0], passedOver };
}
