// scan: run the analysis over JSON lines, one request per line, one verdict per line, in order.
//   npm run --silent scan -- [--rpc URL] [--timeout MS] [FILE]
// Input line:  {"origin","chainId","from","method","params","code":{"0xADDR":"0x60…"}}
// Output line: {"verdict","score","summary","findings":[{"id","severity","title","detail"}],"ms"}
// `score` is the model's probability that the request is malicious (null when it could not run).
// A line that is not a valid request prints {"error","line"}; the exit status is then 2.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Hex } from 'viem';
import { analyzeRequest, createMemoryHistory } from '../analysis/ethereum/index';
import { loadSiteRiskFromDisk } from '../analysis/site/node-lists';
import { analysisDeps, codeSourceFor, nodeAt } from '../analysis/ethereum/context/analysis-deps';
import type { ChainSource } from '../analysis/ethereum/context/chain-sources';
import { nodeScoreDomain } from '../model/domain/node-scorer';
import { createScoreContract, type CodeSource } from '../model/score-contract';
import { nodeContractScorer } from '../model/node-scorer';
import { TIME_BUDGET } from '../common/time-budget';

/** Code behind proxies: from the line's own `code` map first, then the node when --rpc is given. */
function withSuppliedCode(code: Record<string, string> | undefined, node: CodeSource): CodeSource {
  const supplied = new Map(Object.entries(code ?? {}).map(([a, c]) => [a.toLowerCase(), c as Hex]));
  const fromNode = node.getCode;
  return { ...node, getCode: async (address) => supplied.get(address.toLowerCase()) ?? (fromNode ? fromNode(address) : '0x') };
}

interface Options {
  rpc?: string;
  timeoutMs: number;
  file?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { timeoutMs: TIME_BUDGET.unhurriedRpcMs };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--rpc') opts.rpc = argv[++i];
    else if (arg.startsWith('--rpc=')) opts.rpc = arg.slice(6);
    else if (arg === '--timeout') opts.timeoutMs = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run --silent scan -- [--rpc URL] [--timeout MS] [FILE]\n');
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else opts.file = arg;
  }
  if (opts.rpc === undefined && argv.includes('--rpc')) throw new Error('--rpc needs a URL');
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) throw new Error('--timeout needs a positive number of milliseconds');
  return opts;
}

/** Validates one input line; returns an error message or the parsed line. */
function readLine(text: string): { error: string } | { value: Record<string, unknown> } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'a line must be a JSON object' };
  const o = value as Record<string, unknown>;
  if (typeof o.method !== 'string' || o.method === '') return { error: '"method" must be a non-empty string' };
  if (o.origin !== undefined && typeof o.origin !== 'string') return { error: '"origin" must be a string' };
  if (o.code !== undefined && (typeof o.code !== 'object' || o.code === null || Array.isArray(o.code) || !Object.values(o.code).every((c) => typeof c === 'string')))
    return { error: '"code" must map addresses to hex strings' };
  if (o.chainId !== undefined && typeof o.chainId !== 'number' && typeof o.chainId !== 'string') return { error: '"chainId" must be a number or a string' };
  return { value: o };
}

async function main(): Promise<void> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`scan: ${(error as Error).message}\n`);
    process.exit(64);
  }
  // Wired as the extension wires it (analysis/ethereum/context/analysis-deps.ts): the same reads, simulation and models.
  const source: ChainSource | undefined = opts.rpc ? { kind: 'settings', url: opts.rpc, ...nodeAt(opts.rpc, opts.timeoutMs) } : undefined;
  const scorer = nodeContractScorer();
  // Load before the first line so its verdict is not cut short by the analysis' budget for the model.
  await scorer().catch((error: unknown) => process.stderr.write(`scan: the model did not load (${(error as Error).message}); scores will be null\n`));
  // Phishing lists and look-alike checks on each line's `origin`.
  const site = await loadSiteRiskFromDisk({ scoreDomain: nodeScoreDomain() });
  const input = opts.file ? createReadStream(opts.file) : process.stdin;
  input.on('error', (error: Error) => {
    process.stderr.write(`scan: ${error.message}\n`);
    process.exit(66);
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let invalid = false;
  for await (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    const parsed = readLine(text);
    if ('error' in parsed) {
      invalid = true;
      process.stdout.write(`${JSON.stringify({ error: parsed.error, line: n })}\n`);
      continue;
    }
    const o = parsed.value;
    const started = performance.now();
    const verdict = await analyzeRequest(
      {
        request: { method: o.method as string, params: o.params },
        origin: { origin: (o.origin as string | undefined) ?? '' },
        chainId: o.chainId === undefined ? undefined : Number(o.chainId),
        from: typeof o.from === 'string' ? o.from : undefined,
      },
      {
        ...analysisDeps({
          source,
          history: createMemoryHistory(),
          site,
          timeoutMs: opts.timeoutMs,
          // No dapp waits: the verdict waits for the simulation (each read is capped at timeoutMs), so its findings never depend on timing.
          simulationDeadlineMs: TIME_BUDGET.unhurriedSimulationMs,
          scoreContract: createScoreContract(scorer, withSuppliedCode(o.code as Record<string, string> | undefined, codeSourceFor(source))),
        }),
        code: o.code as Record<string, string> | undefined,
      },
    );
    const ms = Math.round((performance.now() - started) * 100) / 100;
    const findings = verdict.findings.map(({ id, severity, title, detail }) => ({ id, severity, title, detail }));
    process.stdout.write(`${JSON.stringify({ verdict: verdict.verdict, score: verdict.score, summary: verdict.summary, findings, ms })}\n`);
  }
  process.exitCode = invalid ? 2 : 0;
}

void main();
