// Simulation latency against a local anvil with the e2e contracts: a swap, a mint, a drain and a
// two-call batch in turn, through the same simulator (token metadata cached after the first pass), and
// the whole analysis with the simulation step. Prints figures; asserts nothing.
// Run: npm run bench:simulation [-- N]   (N ≥ 200, default 400)
import { createPublicClient, createWalletClient, encodeFunctionData, http, maxUint256, parseAbi, type Address, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { startAnvil, CHAIN_ID, DEV_ACCOUNT } from '../e2e/fixtures/anvil';
import { deployContracts, NFT_PRICE } from '../e2e/fixtures/contracts';
import { createRpcChainReader } from '../analysis/ethereum/context/chain-reader';
import { analyzeRequest } from '../analysis/ethereum/index';
import { createRpcSimulator, type SimulationRequest } from '../analysis/ethereum/simulate';
import { timeRuns } from './time-runs';

const n = Math.max(200, Number(process.argv[2] ?? 400));
const ERC20 = parseAbi(['function approve(address,uint256) returns (bool)']);
const NFT = parseAbi(['function mint() payable returns (uint256)', 'function setApprovalForAll(address,bool)']);
const SWAP = parseAbi(['function swapForEth(uint256,uint256) returns (uint256)', 'function swapForToken(uint256,uint256) returns (uint256)']);
const DRAINER = parseAbi(['function claim() payable']);

const anvil = await startAnvil();
try {
  const c = await deployContracts(anvil.url);
  const chain = { ...foundry, rpcUrls: { default: { http: [anvil.url] } } };
  const wallet = createWalletClient({ chain, transport: http(anvil.url), account: DEV_ACCOUNT });
  const client = createPublicClient({ chain, transport: http(anvil.url) });
  const send = async (to: Address, data: Hex, value = 0n) => client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to, data, value }) });
  await send(c.token, encodeFunctionData({ abi: ERC20, functionName: 'approve', args: [c.swap, maxUint256] }));
  await send(c.token, encodeFunctionData({ abi: ERC20, functionName: 'approve', args: [c.drainer, maxUint256] }));
  await send(c.nft, encodeFunctionData({ abi: NFT, functionName: 'setApprovalForAll', args: [c.drainer, true] }));
  await send(c.nft, encodeFunctionData({ abi: NFT, functionName: 'mint' }), NFT_PRICE);

  const call = (to: Address, data: Hex, value = 0n) => ({ to, data, value });
  const requests: Array<{ name: string; req: SimulationRequest }> = [
    { name: 'swap', req: { from: DEV_ACCOUNT, chainId: CHAIN_ID, calls: [call(c.swap, encodeFunctionData({ abi: SWAP, functionName: 'swapForEth', args: [10n ** 20n, 0n] }))] } },
    { name: 'mint', req: { from: DEV_ACCOUNT, chainId: CHAIN_ID, calls: [call(c.nft, encodeFunctionData({ abi: NFT, functionName: 'mint' }), NFT_PRICE)] } },
    { name: 'drain', req: { from: DEV_ACCOUNT, chainId: CHAIN_ID, calls: [call(c.drainer, encodeFunctionData({ abi: DRAINER, functionName: 'claim' }), 10n ** 15n)] } },
    {
      name: 'batch',
      req: {
        from: DEV_ACCOUNT,
        chainId: CHAIN_ID,
        calls: [call(c.tokenB, encodeFunctionData({ abi: ERC20, functionName: 'approve', args: [c.swap, 1n] })), call(c.swap, encodeFunctionData({ abi: SWAP, functionName: 'swapForToken', args: [10n ** 18n, 0n] }))],
      },
    },
  ];

  const reader = createRpcChainReader(anvil.url);
  const simulator = createRpcSimulator(anvil.url, { reader });

  const cold = performance.now();
  const first = await simulator.simulate(requests[2]!.req);
  const coldMs = performance.now() - cold;
  if (first.outcome !== 'success' || first.via !== 'eth_simulateV1') throw new Error(`unexpected first result: ${first.outcome} via ${first.via} ${first.reason ?? ''}`);

  const measure = async (label: string, run: (i: number) => Promise<unknown>) => {
    const t = await timeRuns(n, 20, run);
    console.log(`${label.padEnd(48)} median ${t.at(50).toFixed(2)} ms  p95 ${t.at(95).toFixed(2)} ms  p99 ${t.at(99).toFixed(2)} ms  max ${t.max.toFixed(2)} ms`);
  };

  console.log(`simulation latency, local anvil ${anvil.url}, ${n} requests each (swap, mint, drain, 2-call batch in turn), node ${process.version}`);
  console.log(`first request, cold metadata cache: ${coldMs.toFixed(2)} ms`);
  await measure('simulator.simulate (eth_simulateV1)', (i) => simulator.simulate(requests[i % requests.length]!.req));
  const byName = (name: string) => requests.find((r) => r.name === name)!.req;
  for (const name of ['swap', 'drain', 'batch']) await measure(`  only ${name}`, () => simulator.simulate(byName(name)));

  const drain = byName('drain');
  const input = {
    request: { method: 'eth_sendTransaction', params: [{ from: DEV_ACCOUNT, to: drain.calls[0]!.to, data: drain.calls[0]!.data, value: `0x${drain.calls[0]!.value.toString(16)}` }] },
    origin: { origin: 'https://bench.example' },
    chainId: CHAIN_ID,
    from: DEV_ACCOUNT,
  };
  await measure('analyzeRequest with simulation (drain)', () => analyzeRequest(input, { chain: reader, simulation: { simulator } }));
  await measure('analyzeRequest without simulation (drain)', () => analyzeRequest(input, { chain: reader }));
} finally {
  await anvil.stop();
}
