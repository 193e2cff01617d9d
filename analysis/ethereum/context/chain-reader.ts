// On-chain context through the user's RPC. The interface is small so tests can point it at a real
// anvil node and the CLI can answer from bytecode supplied on the command line.
import { createPublicClient, erc20Abi, hexToString, http, parseAbi, type Address, type Hex, type PublicClient, type Transport } from 'viem';
import { TtlCache } from './lru';
import { TIME_BUDGET } from '../../../common/time-budget';

export interface TokenInfo {
  symbol?: string;
  decimals?: number;
  /** True when the contract says it supports ERC-721 (ERC-165). */
  isErc721?: boolean;
}

export interface ChainReader {
  /** Runtime bytecode; `0x` for an account without code. */
  getCode(address: Address): Promise<Hex>;
  getTransactionCount(address: Address): Promise<number>;
  getTokenInfo(token: Address): Promise<TokenInfo>;
  /** ERC-20 balance (or ERC-721 count) of `owner`. */
  balanceOf(token: Address, owner: Address): Promise<bigint>;
  /** Chain id the RPC serves, to catch a reader pointed at another chain than the wallet's. */
  getChainId?(): Promise<number>;
  /** One storage word (a proxy's implementation slot); absent on readers that cannot read storage. */
  getStorageAt?(address: Address, slot: Hex): Promise<Hex | undefined>;
  /** What an Ownable contract's `owner()` returns; undefined when it has none (the call reverts). */
  getOwner?(contract: Address): Promise<Address | undefined>;
}

export interface RpcChainReaderOptions {
  /** Per call; default 4 s. */
  timeoutMs?: number;
  /** How long answers are reused; default 60 s (code and metadata rarely change, balances might). */
  cacheTtlMs?: number;
  cacheSize?: number;
  fetchOptions?: RequestInit;
}

const BYTES32_SYMBOL = parseAbi(['function symbol() view returns (bytes32)']);
const ERC165 = parseAbi(['function supportsInterface(bytes4 id) view returns (bool)']);
const OWNABLE = parseAbi(['function owner() view returns (address)']);
const ERC721_INTERFACE = '0x80ac58cd';

/** A node's URL, or any viem transport (the wallet's own connection, relayed by the guard). */
export type NodeAddress = string | Transport;

export function createRpcChainReader(node: NodeAddress, opts: RpcChainReaderOptions = {}): ChainReader {
  const timeout = opts.timeoutMs ?? TIME_BUDGET.unhurriedRpcMs;
  // JSON-RPC batching folds the handful of reads one request needs into one HTTP round trip.
  const client: PublicClient = createPublicClient({
    transport: typeof node === 'string' ? http(node, { timeout, retryCount: 0, batch: { wait: 0 }, fetchOptions: opts.fetchOptions }) : node,
  });
  const cache = new TtlCache<unknown>(opts.cacheSize ?? 2_000, opts.cacheTtlMs ?? 60_000);
  const cached = <T>(key: string, load: () => Promise<T>) => cache.get(key, load) as Promise<T>;
  const lower = (a: Address) => a.toLowerCase() as Address;

  return {
    getCode: (address) => cached(`code:${lower(address)}`, async () => (await client.getCode({ address })) ?? '0x'),
    getTransactionCount: (address) => cached(`nonce:${lower(address)}`, () => client.getTransactionCount({ address })),
    balanceOf: (token, owner) =>
      cached(`balance:${lower(token)}:${lower(owner)}`, () => client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] })),
    getChainId: () => cached('chainId', () => client.getChainId()),
    getOwner: (contract) =>
      cached(`owner:${lower(contract)}`, async () => {
        try {
          return await client.readContract({ address: contract, abi: OWNABLE, functionName: 'owner' });
        } catch (error) {
          if (isTransportError(error)) throw error;
          return undefined;
        }
      }),
    getStorageAt: (address, slot) => cached(`storage:${lower(address)}:${slot.toLowerCase()}`, () => client.getStorageAt({ address, slot })),
    getTokenInfo: (token) =>
      cached(`token:${lower(token)}`, async () => {
        const [symbol, decimals, erc721] = await Promise.allSettled([
          readSymbol(client, token),
          client.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' }),
          client.readContract({ address: token, abi: ERC165, functionName: 'supportsInterface', args: [ERC721_INTERFACE] }),
        ]);
        const info: TokenInfo = {};
        if (symbol.status === 'fulfilled' && symbol.value) info.symbol = symbol.value;
        if (decimals.status === 'fulfilled') info.decimals = decimals.value;
        if (erc721.status === 'fulfilled') info.isErc721 = erc721.value;
        // Every read failing usually means the node is unreachable, not that the token has no name.
        if ([symbol, decimals, erc721].every((r) => r.status === 'rejected') && symbol.status === 'rejected' && isTransportError(symbol.reason)) {
          throw symbol.reason;
        }
        return info;
      }),
  };
}

/** Some old tokens (MKR, SAI) return bytes32 symbols. */
async function readSymbol(client: PublicClient, token: Address): Promise<string | undefined> {
  try {
    return await client.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' });
  } catch (error) {
    if (isTransportError(error)) throw error;
    const raw = await client.readContract({ address: token, abi: BYTES32_SYMBOL, functionName: 'symbol' });
    return hexToString(raw, { size: 32 }).replace(/\0+$/, '') || undefined;
  }
}

function isTransportError(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  const walk = (e: unknown, depth: number): boolean => {
    if (!e || depth > 5) return false;
    const n = (e as { name?: string }).name ?? '';
    if (/HttpRequestError|TimeoutError|WebSocketRequestError|RpcRequestError/.test(n)) return true;
    return walk((e as { cause?: unknown }).cause, depth + 1);
  };
  return /HttpRequestError|TimeoutError/.test(name) || walk(error, 0);
}
