// Validates an RPC endpoint by asking it which chain it serves, before the options page saves it.
import { strings } from '../../components/strings';

const e = strings.options.rpcErrors;

export type RpcCheck = { ok: true; chainId: number } | { ok: false; reason: string };

export async function checkRpc(url: string, timeoutMs = 5000): Promise<RpcCheck> {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, reason: e.notHttp };
  } catch {
    return { ok: false, reason: e.notUrl };
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { result?: unknown };
    if (typeof body.result !== 'string' || !/^0x[0-9a-f]+$/i.test(body.result)) return { ok: false, reason: e.noChainId };
    return { ok: true, chainId: Number.parseInt(body.result, 16) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message || String(error) };
  }
}
