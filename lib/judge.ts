// Runs the analysis for the background with a deadline. When the analysis cannot finish, the user
// is told so and decides: the result is at least `warn`, never a silent `allow`.
import { analyzeRequest } from '../analysis';
import { createRpcChainReader, type ChainReader } from '../analysis/context/chain-reader';
import type { RequestOrigin, Verdict, WalletRequest } from '../analysis/types';
import { loadSentAddresses } from './sent-addresses';
import { rpcUrlFor } from './settings';

/** Per RPC call, and for the whole analysis. A local node answers in milliseconds. */
const RPC_TIMEOUT_MS = 1500;
const ANALYSIS_DEADLINE_MS = 5000;

const readers = new Map<string, ChainReader>();

function readerFor(url: string): ChainReader {
  let reader = readers.get(url);
  if (!reader) {
    reader = createRpcChainReader(url, { timeoutMs: RPC_TIMEOUT_MS });
    readers.set(url, reader);
  }
  return reader;
}

function notFinished(reason: string): Verdict {
  return {
    verdict: 'warn',
    score: null,
    summary: 'The firewall could not finish checking this request.',
    findings: [
      {
        id: 'analysis.unfinished',
        severity: 'warn',
        title: 'This request was not fully checked',
        detail: `${reason} Look at the request yourself before you continue.`,
      },
    ],
  };
}

export async function judge(request: WalletRequest, origin: RequestOrigin, chainIdHex: string | undefined): Promise<Verdict> {
  const chainId = chainIdHex ? Number.parseInt(chainIdHex, 16) : undefined;
  const url = await rpcUrlFor(chainId);
  const deadline = new Promise<Verdict>((resolve) =>
    setTimeout(() => resolve(notFinished(`The analysis took longer than ${ANALYSIS_DEADLINE_MS / 1000} seconds.`)), ANALYSIS_DEADLINE_MS),
  );
  const analysis = analyzeRequest(
    { request, origin, chainId },
    { chain: url ? readerFor(url) : null, history: await loadSentAddresses(), timeoutMs: RPC_TIMEOUT_MS },
  ).catch((error: unknown) => notFinished(`The analysis failed (${String(error)}).`));
  return Promise.race([analysis, deadline]);
}
