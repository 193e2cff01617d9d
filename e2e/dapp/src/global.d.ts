import type { Client, Outcome, Tx } from './dapp';

declare global {
  interface Window {
    dapp: {
      account(client: Client): Promise<Outcome>;
      sendTransaction(client: Client, tx: Tx): Promise<Outcome>;
      approveUnlimited(client: Client, token: `0x${string}`, spender: `0x${string}`): Promise<Outcome>;
      ethSign(client: Client, hash: `0x${string}`): Promise<Outcome>;
      request(client: Client, method: string, params?: unknown[]): Promise<Outcome>;
      walletNames(): string[];
    };
  }
}

declare global {
  interface Window {
    ethereum?: {
      request(args: { method: string; params?: unknown[] }): Promise<unknown>;
      on(event: string, fn: (...args: unknown[]) => void): unknown;
      isMetaMask?: boolean;
    };
  }
}
