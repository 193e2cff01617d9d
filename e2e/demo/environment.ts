// The embedded default environment, shared by the demo and the benchmarks: anvil with the test
// contracts, the test server with the dapp pages, and the test wallet pointed at them.
import { rmSync } from 'node:fs';
import { startAnvil, type Anvil } from '../fixtures/anvil';
import { prepareWallet } from '../fixtures/browser';
import { deployContracts, type Deployed } from '../fixtures/contracts';
import { startServer, type TestServer } from '../fixtures/server';

export interface Environment {
  anvil: Anvil;
  contracts: Deployed;
  server: TestServer;
  walletDir: string;
  stop(): Promise<void>;
}

export async function startEnvironment(): Promise<Environment> {
  const anvil = await startAnvil();
  const contracts = await deployContracts(anvil.url);
  const server = await startServer(anvil.url);
  const walletDir = prepareWallet(server.url);
  return {
    anvil,
    contracts,
    server,
    walletDir,
    async stop() {
      await server.stop();
      await anvil.stop();
      rmSync(walletDir, { recursive: true, force: true });
    },
  };
}
