// Real requests: MetaMask's test dapp (npm @metamask/test-dapp) clicked through in Chromium with the
// test wallet (no firewall), on an anvil chain with chain id 1 so that the dapp picks its mainnet
// addresses for its malicious section. Every signing request the wallet receives is analysed at that
// moment, before the wallet goes on, twice: with the chain's node (anvil) and with no node at all.
import type { BrowserContext } from '@playwright/test';
import { rmSync } from 'node:fs';
import { analyzeRequest, type Verdict } from '../analysis/ethereum';
import { startAnvil } from '../e2e/fixtures/anvil';
import { launchBrowser, prepareWallet } from '../e2e/fixtures/browser';
import { startServer, type WalletLogEntry } from '../e2e/fixtures/server';
import { TEST_DAPP, TEST_DAPP_FLOWS, clickFlow, offlineOnly, openTestDapp, settle, type TestDappFlow } from '../e2e/fixtures/test-dapp';
import { isGuardedRequest } from '../entrypoints/guard.content/guarded-methods';
import { productDeps, UNREACHABLE_NODE, type ProductParts } from './deps';

/** node: the chain's node answers (anvil). no-node: it does not (see UNREACHABLE_NODE). */
export type NodeMode = 'node' | 'no-node';

export interface AnalysedRequest {
  method: string;
  params: unknown;
  verdicts: Record<NodeMode, Pick<Verdict, 'verdict' | 'summary' | 'findings'>>;
}

export interface FlowResult {
  flow: TestDappFlow;
  /** False: the button never became usable (a flow before it failed), so nothing was sent. */
  clicked: boolean;
  requests: AnalysedRequest[];
  source: string;
}

const CHAIN_ID = 1;

export async function evaluateTestDapp(parts: ProductParts): Promise<FlowResult[]> {
  const anvil = await startAnvil({ chainId: CHAIN_ID });
  let current: AnalysedRequest[] | undefined;
  let origin = '';
  const noNode = productDeps(parts, UNREACHABLE_NODE);
  const withNode = productDeps(parts, anvil.url);
  const analyse = async (entry: WalletLogEntry) => {
    if (!current || !isGuardedRequest(entry.method, entry.params)) return;
    const input = { request: { method: entry.method, params: entry.params }, origin: { origin }, chainId: CHAIN_ID, chainAsked: true };
    const [node, none] = [await analyzeRequest(input, withNode), await analyzeRequest(input, noNode)];
    const keep = (v: Verdict) => ({ verdict: v.verdict, summary: v.summary, findings: v.findings });
    current.push({ method: entry.method, params: entry.params, verdicts: { node: keep(node), 'no-node': keep(none) } });
  };
  const server = await startServer(anvil.url, { onWalletRequest: analyse });
  origin = new URL(server.url).origin;
  const walletDir = prepareWallet(server.url);
  let context: BrowserContext | undefined;
  try {
    context = await launchBrowser({ walletDir, withFirewall: false });
    await offlineOnly(context);
    const page = await context.newPage();
    await openTestDapp(page, server.url);
    const results: FlowResult[] = [];
    for (const flow of TEST_DAPP_FLOWS) {
      const requests: AnalysedRequest[] = [];
      current = requests;
      const from = server.walletLog.length;
      const clicked = await clickFlow(page, flow, 3_000);
      if (clicked) await settle(server.walletLog, from, { firstMs: 2_000, quietMs: 200 });
      current = undefined;
      results.push({ flow, clicked, requests, source: `${TEST_DAPP.name}@${TEST_DAPP.version} ${TEST_DAPP.file} (${flow.module}, #${flow.button})` });
    }
    return results;
  } finally {
    await context?.close();
    await server.stop();
    await anvil.stop();
    rmSync(walletDir, { recursive: true, force: true });
  }
}
