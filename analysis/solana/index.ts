// The Solana analysis entry point: normalize → decode (transaction, message or sign-in) → actions →
// rules → verdict, the same verdict the Ethereum analysis gives (analysis/findings/verdict.ts). Never
// throws: whatever goes wrong becomes a finding, and a request that could not be examined never comes
// out as `allow`.
import { TIME_BUDGET } from '../../common/time-budget';
import { runRules, stepFailed } from '../findings/runner';
import { makeVerdict } from '../findings/verdict';
import { pageRules, type PageContext } from '../site/site-rules';
import type { SiteRisk } from '../site/site-risk';
import type { Finding, RequestOrigin, Verdict, WalletRequest } from '../types';
import type { SolanaChainReader } from './chain-reader';
import { actionOf } from './decode/instructions';
import { readSignedMessage, type MessageReading } from './decode/message';
import { decodeCompiled, readMessage, readWireTransaction } from './decode/transaction';
import { errorText } from './format';
import { bytesOf, stringReadings } from './normalize/bytes';
import { readSolanaRequest, type SignInInput, type SignItem } from './normalize/request';
import { SOLANA_DESCRIBING, solanaRules, type SolanaRuleContext, type TransactionReading } from './rules';

export interface SolanaAnalysisInput {
  /** JSON snapshot (or, offline, the objects themselves) of what the page asked; untrusted. */
  request: WalletRequest;
  /** From the browser, trusted. */
  origin: RequestOrigin;
  /** The wallet account that would sign (base58), when known. */
  signer?: string;
  /** The cluster the wallet is on, e.g. `solana:mainnet`, when known. */
  cluster?: string;
  /** The guard found the frame's built-ins changed by the page before it started. */
  frameTampered?: string;
}

export interface SolanaAnalysisDeps {
  /** Reads address lookup tables; absent => accounts loaded from them stay unknown, and a finding says so. */
  chain?: SolanaChainReader;
  /** ms since epoch (tests pass a fixed value). */
  now?: number;
  /** Per read of the chain; default TIME_BUDGET.rpcMs. */
  timeoutMs?: number;
  /** Rule ids to switch off. */
  disabledRules?: readonly string[];
  /** Phishing site lists and look-alike checks (analysis/site), the same as on Ethereum. */
  site?: SiteRisk;
}

export async function analyzeSolanaRequest(input: SolanaAnalysisInput, deps: SolanaAnalysisDeps = {}): Promise<Verdict> {
  try {
    return await analyze(input, deps);
  } catch (error) {
    return makeVerdict(stepFailed({ what: 'the Solana analysis failed', error }));
  }
}

/** The compiled message in a transaction's bytes, or in a bare message's; for text, in its base64 or base58 reading. */
function compiledOf(value: unknown) {
  const candidates: { bytes: Uint8Array }[] = [];
  if (typeof value === 'string') {
    const readings = stringReadings(value.trim());
    if (readings.length === 0) throw new Error('the transaction is text, but neither base64 nor base58');
    candidates.push(...readings);
  } else {
    const read = bytesOf(value);
    if ('error' in read) throw new Error(read.error);
    candidates.push(read);
  }
  let firstError: unknown;
  for (const { bytes } of candidates) {
    for (const read of [() => readWireTransaction(bytes), () => ({ compiled: readMessage(bytes), signaturesPresent: 0 })]) {
      try {
        return read();
      } catch (error) {
        firstError ??= error;
      }
    }
  }
  throw new Error(`the bytes are not a Solana transaction (${errorText(firstError)})`);
}

async function readTransaction(item: SignItem, position: number, input: SolanaAnalysisInput, deps: SolanaAnalysisDeps): Promise<TransactionReading> {
  const named = input.signer ?? item.account;
  try {
    const { compiled, signaturesPresent } = compiledOf(item.value);
    const decoded = await decodeCompiled(compiled, signaturesPresent, { chain: deps.chain, timeoutMs: deps.timeoutMs ?? TIME_BUDGET.rpcMs });
    const signer = named ?? decoded.feePayer;
    return { position, decoded, actions: decoded.instructions.map((ix, i) => actionOf(ix, i, signer)), signer, signerAssumed: named === undefined };
  } catch (error) {
    return { position, error: errorText(error), actions: [], signer: named, signerAssumed: false };
  }
}

function readMessageItem(item: SignItem): MessageReading | string {
  if (typeof item.value === 'string') return readSignedMessage(new TextEncoder().encode(item.value));
  const read = bytesOf(item.value);
  return 'error' in read ? read.error : readSignedMessage(read.bytes);
}

async function analyze(input: SolanaAnalysisInput, deps: SolanaAnalysisDeps): Promise<Verdict> {
  const now = deps.now ?? Date.now();
  const method = typeof input?.request?.method === 'string' ? input.request.method : '(none)';
  const origin = input?.origin ?? { origin: '' };
  const { request, error } = readSolanaRequest(input?.request);

  let transactions: TransactionReading[] = [];
  const messages: MessageReading[] = [];
  const messageErrors: string[] = [];
  let signIns: SignInInput[] = [];
  let firstAccount: string | undefined;
  if (request?.kind === 'transactions') {
    transactions = await Promise.all(request.items.map((item, i) => readTransaction(item, i, input, deps)));
    firstAccount = request.items[0]?.account;
  } else if (request?.kind === 'message') {
    for (const item of request.items) {
      const read = readMessageItem(item);
      if (typeof read === 'string') messageErrors.push(read);
      else messages.push(read);
    }
    firstAccount = request.items[0]?.account;
  } else if (request?.kind === 'sign-in') signIns = request.inputs;

  const ctx: SolanaRuleContext = {
    method,
    origin,
    readError: error,
    send: request?.kind === 'transactions' && request.send,
    transactions,
    messages,
    messageErrors,
    signIns,
    signer: input?.signer ?? firstAccount,
    cluster: input?.cluster,
    now,
  };
  const page: PageContext = { origin, site: deps.site, frameTampered: input?.frameTampered };
  const disabled = new Set(deps.disabledRules ?? []);
  const findings: Finding[] = [...runRules(solanaRules, ctx, disabled), ...runRules(pageRules, page, disabled)];
  return makeVerdict(findings, { describing: SOLANA_DESCRIBING });
}

export type { SolanaChainReader } from './chain-reader';
export type { SolanaAction } from './decode/actions';
export { SOLANA_METHODS } from './normalize/request';
export { solanaFamilies, solanaRules, SOLANA_DESCRIBING } from './rules';
