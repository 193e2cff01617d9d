// What a token's runtime code lets its owner do to holders, read from the code alone (no call, no
// source): the dispatcher's selectors named against power-signatures.ts, and the proxy patterns of
// context/proxy.ts (a proxy's owner can swap in any code, so every other power is then possible).
// It sees which functions exist, not who may call them nor what the owner has already given up.
import { detectProxy, type ProxyKind } from '../context/proxy';
import { codeLengthWithoutMetadata, hexToBytes } from '../evm';
import { dispatcherSelectors } from './dispatcher';
import { powerSelectors, type PowerKind } from './power-signatures';

export interface TokenPower {
  kind: PowerKind;
  /** The functions that give it, as signatures; for a proxy, the proxy pattern (e.g. `proxy (eip1967)`). */
  functions: string[];
}

export interface TokenCodeReport {
  /** In a fixed order (POWER_ORDER), each kind once. */
  powers: TokenPower[];
  /** The code answers owner()/transferOwnership(): an Ownable-style owner exists. */
  hasOwner: boolean;
  /**
   * Whether the owner gave ownership up is not in the code: it needs owner() read on chain (the facts do,
   * context/facts.ts, and the rules say it). Always 'unknown' here, so no caller takes "has an owner" for "renounced".
   */
  ownerRenounced: 'unknown';
  /** Set when the code only forwards to another contract: its own functions are then the proxy's, not the token's. */
  proxy?: Exclude<ProxyKind, 'none'>;
  /** Dispatcher selectors found (for the evidence and the evaluation). */
  selectorCount: number;
  /** For a proxy whose implementation was read too: where the code it runs lives (its powers are merged in). */
  implementation?: `0x${string}`;
}

export const POWER_ORDER: readonly PowerKind[] = ['mint', 'blacklist', 'pause', 'trading-switch', 'trading-limits', 'fees', 'fee-exemptions', 'upgradeable'];

// Proxies whose implementation sits in a storage slot that an admin can rewrite. A minimal clone
// (EIP-1167) names its implementation in its own code, so it cannot be upgraded; a bare delegating
// forwarder may or may not be. Both are still proxies: their own functions say nothing of the token.
// EIP-7702 delegations and Safe proxies are accounts, not tokens.
const UPGRADEABLE_PROXIES: ReadonlySet<ProxyKind> = new Set(['eip1967', 'eip1967-beacon', 'eip1822', 'legacy-slot']);
const TOKEN_PROXIES: ReadonlySet<ProxyKind> = new Set([...UPGRADEABLE_PROXIES, 'eip1167', 'delegating']);

/** Reads the powers from runtime code (hex or bytes). Undefined for no code or code that is not hex: no claim then. */
export function readTokenPowers(code: string | Uint8Array): TokenCodeReport | undefined {
  let bytes: Uint8Array;
  try {
    bytes = typeof code === 'string' ? hexToBytes(code, 'token code') : code;
  } catch {
    return undefined;
  }
  if (bytes.length === 0) return undefined;
  const codeEnd = codeLengthWithoutMetadata(bytes);
  const selectors = dispatcherSelectors(bytes, codeEnd);
  const { powers: table, owner } = powerSelectors();
  const found = new Map<PowerKind, string[]>();
  const add = (kind: PowerKind, what: string) => found.set(kind, [...(found.get(kind) ?? []), what]);
  let hasOwner = false;
  for (const s of selectors) {
    const p = table.get(s);
    if (p) add(p.kind, p.signature);
    if (owner.has(s)) hasOwner = true;
  }
  const proxy = detectProxy(bytes, codeEnd).kind;
  const isProxy = TOKEN_PROXIES.has(proxy);
  if (UPGRADEABLE_PROXIES.has(proxy)) add('upgradeable', `proxy (${proxy})`);
  return {
    powers: POWER_ORDER.filter((k) => found.has(k)).map((kind) => ({ kind, functions: found.get(kind)!.sort() })),
    hasOwner,
    ownerRenounced: 'unknown',
    ...(isProxy ? { proxy: proxy as Exclude<ProxyKind, 'none'> } : {}),
    selectorCount: selectors.size,
  };
}

/** A proxy's report with its implementation's powers merged in: what holders face is the two together. */
export function withImplementation(proxy: TokenCodeReport, implementation: TokenCodeReport, address: `0x${string}`): TokenCodeReport {
  const functions = new Map<PowerKind, Set<string>>();
  for (const p of [...proxy.powers, ...implementation.powers]) functions.set(p.kind, new Set([...(functions.get(p.kind) ?? []), ...p.functions]));
  return {
    powers: POWER_ORDER.filter((k) => functions.has(k)).map((kind) => ({ kind, functions: [...functions.get(kind)!].sort() })),
    hasOwner: proxy.hasOwner || implementation.hasOwner,
    ownerRenounced: 'unknown',
    ...(proxy.proxy ? { proxy: proxy.proxy } : {}),
    selectorCount: proxy.selectorCount + implementation.selectorCount,
    implementation: address,
  };
}

export function hasPower(report: TokenCodeReport | undefined, kind: PowerKind): boolean {
  return !!report?.powers.some((p) => p.kind === kind);
}
