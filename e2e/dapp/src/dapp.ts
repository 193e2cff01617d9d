// The test dapp: the same actions through the three ways dapps reach a wallet — viem with EIP-6963
// discovery (mipd, as wagmi does), ethers v6 BrowserProvider over window.ethereum, and the legacy
// sendAsync. Tests and the demo call window.dapp.*; each call resolves to an Outcome, never throws.
import { BrowserProvider } from 'ethers';
import { createStore } from 'mipd';
import { createWalletClient, custom, encodeFunctionData, erc20Abi, maxUint256, type EIP1193Provider, type Hex } from 'viem';

export type Client = 'viem' | 'ethers' | 'legacy';
export interface Tx {
  to: Hex;
  value?: Hex;
  data?: Hex;
}
export interface Outcome {
  ok: boolean;
  result?: unknown;
  /** The error's own code as the client library reports it (4001 for viem, ACTION_REJECTED for ethers). */
  code?: unknown;
  /** The EIP-1193 code found anywhere in the error chain. */
  rpcCode?: number;
  message?: string;
}

const store = createStore();

type Eip1193 = { request(args: { method: string; params?: unknown }): Promise<unknown> };
type Legacy = { sendAsync(p: unknown, cb: (e: unknown, r?: { result?: unknown; error?: unknown }) => void): void };
const injected = () => (window as unknown as { ethereum?: Eip1193 & Legacy }).ethereum;

async function discovered(): Promise<EIP1193Provider> {
  for (let i = 0; i < 100; i++) {
    const found = store.getProviders()[0];
    if (found) return found.provider as EIP1193Provider;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error('no EIP-6963 wallet announced itself');
}

async function waitForInjected(): Promise<Eip1193 & Legacy> {
  for (let i = 0; i < 100; i++) {
    const e = injected();
    if (e) return e;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error('no window.ethereum');
}

function rpcCodeOf(error: unknown): number | undefined {
  let e = error as { code?: unknown; cause?: unknown; info?: { error?: unknown }; error?: unknown } | undefined;
  for (let depth = 0; e && depth < 8; depth++) {
    if (typeof e.code === 'number') return e.code;
    e = (e.cause ?? e.info?.error ?? e.error) as typeof e;
  }
  return undefined;
}

async function outcome(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    const e = error as { code?: unknown; message?: string; shortMessage?: string };
    return { ok: false, code: e.code, rpcCode: rpcCodeOf(error), message: e.shortMessage ?? e.message };
  }
}

function legacyCall(method: string, params: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    injected()!.sendAsync({ id: Date.now(), jsonrpc: '2.0', method, params }, (error, response) => {
      if (error) reject(error);
      else if (response?.error) reject(response.error);
      else resolve(response?.result);
    });
  });
}

async function account(client: Client): Promise<Hex> {
  if (client === 'viem') {
    const [a] = await (await discovered()).request({ method: 'eth_requestAccounts' });
    return a as Hex;
  }
  const e = await waitForInjected();
  const accounts = (client === 'legacy' ? await legacyCall('eth_requestAccounts', []) : await e.request({ method: 'eth_requestAccounts' })) as Hex[];
  return accounts[0]!;
}

/** Sends a transaction the way each client library does it. */
async function sendTransaction(client: Client, tx: Tx): Promise<unknown> {
  const from = await account(client);
  if (client === 'viem') {
    const wallet = createWalletClient({ transport: custom(await discovered()) });
    return wallet.sendTransaction({ account: from, chain: null, to: tx.to, value: tx.value ? BigInt(tx.value) : undefined, data: tx.data });
  }
  if (client === 'ethers') {
    const signer = await new BrowserProvider(await waitForInjected()).getSigner();
    const sent = await signer.sendTransaction({ to: tx.to, value: tx.value, data: tx.data });
    return sent.hash;
  }
  return legacyCall('eth_sendTransaction', [{ from, ...tx }]);
}

async function raw(client: Client, method: string, params: unknown[]): Promise<unknown> {
  if (client === 'viem') return (await discovered()).request({ method, params } as never);
  if (client === 'legacy') return legacyCall(method, params);
  return (await waitForInjected()).request({ method, params });
}

const dapp = {
  account: (client: Client) => outcome(() => account(client)),
  sendTransaction: (client: Client, tx: Tx) => outcome(() => sendTransaction(client, tx)),
  approveUnlimited: (client: Client, token: Hex, spender: Hex) =>
    outcome(() => sendTransaction(client, { to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, maxUint256] }) })),
  ethSign: (client: Client, hash: Hex) => outcome(async () => raw(client, 'eth_sign', [await account(client), hash])),
  request: (client: Client, method: string, params: unknown[] = []) => outcome(() => raw(client, method, params)),
  walletNames: () => store.getProviders().map((p) => p.info.name),
};

(window as unknown as { dapp: typeof dapp }).dapp = dapp;
