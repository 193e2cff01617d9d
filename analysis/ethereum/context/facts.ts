// Gathers what the chain says about the addresses a request touches, in parallel and bounded in
// time. Missing context is recorded (and later reported) rather than guessed: "unknown" is a state.
import { getAddress, type Address, type Hex } from 'viem';
import { tokenExposures, type Action } from '../decode/actions';
import { knownContract, type KnownContract } from '../registry/known';
import { isWellKnownToken } from '../registry/token-names';
import { hexToBytes } from '../evm';
import { detectProxy } from './proxy';
import { isTransportError } from '../simulate/errors';
import { NoAnswer, withTimeout } from '../../../common/timeout';
import { TIME_BUDGET } from '../../../common/time-budget';
import type { ChainReader, TokenInfo } from './chain-reader';

export type CodeState = 'contract' | 'eoa' | 'delegated' | 'unknown';

export interface AddressFacts {
  address: Address;
  known?: KnownContract;
  code: CodeState;
  codeSize?: number;
  /** For EIP-7702 delegated accounts: the contract the account runs. */
  delegatesTo?: Address;
  nonce?: number;
  /** Runtime bytecode when read (for the model's score). */
  bytecode?: Hex;
  /**
   * For a token approved or bought that is a proxy: the contract its code lives in, and that code when
   * it could be read (its owner powers are the implementation's; rules/token-code.ts).
   */
  implementation?: { address: Address; bytecode?: Hex };
  /** For a token approved or bought: what its `owner()` returned (the zero address once ownership is renounced). */
  owner?: Address;
}

export interface TokenFacts extends TokenInfo {
  /** Balance of the signer, when known. */
  balance?: bigint;
}

export interface Facts {
  chainId?: number;
  address(a: Address): AddressFacts;
  token(a: Address): TokenFacts | undefined;
  /** Plain-words list of what could not be read. */
  unavailable: string[];
  /** A chain reader was available and answered at least once. */
  online: boolean;
  /** Set when the node the user chose, not the request, kept the chain from being read. */
  nodeFailure?: NodeFailure;
}

/**
 * The node failed the analysis: it serves another chain than the wallet's (its answers are not used),
 * or reads went unanswered (down, timing out, refusing). Unlike "no node is configured" this is a
 * fault the user must hear of before deciding, so the rule `context.unchecked` warns.
 */
export interface NodeFailure {
  wrongChain?: { served: number; expected: number };
  /** Plain-words list of the reads that got no answer. */
  unanswered: string[];
}

export interface GatherOptions {
  chain?: ChainReader | null;
  code?: Record<string, string>;
  chainId?: number;
  signer?: Address;
  timeoutMs: number;
}

const MAX_ADDRESSES = 16;
const MAX_TOKENS = 8;
const DELEGATION_PREFIX = '0xef0100';

export async function gatherFacts(actions: Action[], opts: GatherOptions): Promise<Facts> {
  const { chain, chainId } = opts;
  const supplied = new Map(Object.entries(opts.code ?? {}).map(([a, c]) => [a.toLowerCase(), String(c).toLowerCase() as Hex]));
  const interesting = collectAddresses(actions);
  const shownOnly = collectShownOnly(actions, interesting);
  const tokens = collectTokens(actions);
  // Tokens the signer approves or buys (their code and owner are read); the approve call's target is read already.
  const allSubjects = [...tokenSubjects(actions)];
  const subjects = allSubjects.slice(0, MAX_TOKENS);
  const tokenCode = allSubjects.filter((t) => !interesting.has(t)).slice(0, MAX_TOKENS);
  const owners = new Map<string, Address>();
  const facts = new Map<string, AddressFacts>();
  const tokenFacts = new Map<string, TokenFacts>();
  const unavailable: string[] = [];
  const unanswered: string[] = [];
  let wrongChain: NodeFailure['wrongChain'];
  let online = false;
  const missing: Address[] = [];
  let reader = chain ?? undefined;

  const timed = <T>(p: Promise<T>, what: string): Promise<T | undefined> =>
    withTimeout(p, opts.timeoutMs).then(
      (v) => {
        online = true;
        return v;
      },
      (error: unknown) => {
        unavailable.push(`${what} (${describe(error)})`);
        // A revert (a token without balanceOf) is an answer; silence or a dropped connection is the node failing.
        if (error instanceof NoAnswer || isTransportError(error)) unanswered.push(`${what} (${describe(error)})`);
        return undefined;
      },
    );

  // Only asked when there is something to read: a login message must not fail on a node it never needed.
  if (reader && chainId !== undefined && reader.getChainId && (interesting.size > 0 || tokens.size > 0)) {
    const served = await timed(reader.getChainId(), 'the network of the RPC');
    if (served !== undefined && served !== chainId) {
      unavailable.push(`on-chain details: the RPC serves chain ${served}, the wallet is on chain ${chainId}`);
      wrongChain = { served, expected: chainId };
      reader = undefined;
    }
  }

  const quiet = <T>(p: Promise<T>): Promise<T | undefined> => withTimeout(p, opts.timeoutMs).catch(() => undefined);

  await Promise.all([
    ...[...shownOnly].slice(0, Math.max(0, MAX_ADDRESSES - interesting.size)).map(async (a) => {
      const address = a as Address;
      const f: AddressFacts = { address, known: knownContract(address, chainId), code: 'unknown' };
      facts.set(a, f);
      const code = supplied.get(a) ?? (reader ? await quiet(reader.getCode(address)) : undefined);
      if (code !== undefined) classifyCode(f, code);
      if (reader && f.code === 'eoa') f.nonce = await quiet(reader.getTransactionCount(address));
    }),
    ...[...interesting].slice(0, MAX_ADDRESSES).map(async (a) => {
      const address = a as Address;
      const f: AddressFacts = { address, known: knownContract(address, chainId), code: 'unknown' };
      facts.set(a, f);
      let code = supplied.get(a);
          if (code === undefined && reader) code = await timed(reader.getCode(address), `code at ${address}`);
      if (code !== undefined) classifyCode(f, code);
      else if (!reader && !f.known) missing.push(address);
      // A fresh plain account (no transaction sent yet) is typical of addresses made for one theft.
      if (reader && f.code === 'eoa') f.nonce = await timed(reader.getTransactionCount(address), `transaction count of ${address}`);
    }),
    // The code of a token approved or bought, for its owner's powers (token-code rules). Read quietly: a
    // token whose code does not come back gets no claim about it, and is no failure of the check.
    ...tokenCode.map(async (a) => {
      const address = a as Address;
      const f: AddressFacts = { address, known: knownContract(address, chainId), code: 'unknown' };
      facts.set(a, f);
      const code = supplied.get(a) ?? (reader ? await quiet(reader.getCode(address)) : undefined);
      if (code !== undefined) classifyCode(f, code);
    }),
    // The owner() of each token approved or bought (through a proxy, the token's own): whether it was renounced.
    ...subjects.map(async (t) => {
      const owner = reader?.getOwner ? await quiet(reader.getOwner(t as Address)) : undefined;
      if (owner) owners.set(t, owner);
    }),
    ...[...tokens].slice(0, MAX_TOKENS).map(async (t) => {
      if (!reader) return;
      const token = t as Address;
      const [info, balance] = await Promise.all([
        timed(reader.getTokenInfo(token), `token details of ${token}`),
        opts.signer ? timed(reader.balanceOf(token, opts.signer), `your balance of ${token}`) : undefined,
      ]);
      if (info || balance !== undefined) tokenFacts.set(t, { ...info, balance });
    }),
  ]);

  for (const [t, owner] of owners) {
    const f = facts.get(t);
    if (f?.code === 'contract') f.owner = owner;
  }
  // A proxy token's powers are in the code it runs: one or two more reads (the slot, then the code),
  // quiet and bounded as a whole, since a slow node must not make every proxy token's check late. Not
  // for a well-known token (USDC, USDT…), whose issuer's powers are public and only ever an information
  // line: two round trips on the most common approvals would delay the answer for nothing.
  if (reader) {
    const r = reader;
    const proxies = subjects.flatMap((t) => (facts.get(t)?.code === 'contract' && !isWellKnownToken(t, chainId, !!facts.get(t)!.known) ? [facts.get(t)!] : []));
    const found = await withTimeout(Promise.all(proxies.map((f) => readImplementation(f, r, quiet))), TIME_BUDGET.proxyLookupMs).catch(() => []);
    found.forEach((implementation, i) => {
      if (implementation) proxies[i]!.implementation = implementation;
    });
  }

  if (missing.length > 0) unavailable.push(`whether ${missing.length === 1 ? 'an address is a contract' : `${missing.length} addresses are contracts`} (no network connection was configured)`);

  return {
    chainId,
    unavailable,
    online,
    ...(wrongChain || unanswered.length > 0 ? { nodeFailure: { ...(wrongChain ? { wrongChain } : {}), unanswered } } : {}),
    address: (a) => facts.get(a.toLowerCase()) ?? { address: a, known: knownContract(a, chainId), code: supplied.has(a.toLowerCase()) ? classifyCode({ address: a, code: 'unknown' }, supplied.get(a.toLowerCase())!).code : 'unknown' },
    token: (a) => tokenFacts.get(a.toLowerCase()),
  };
}

function classifyCode(f: AddressFacts, code: Hex): AddressFacts {
  if (/^0x0*$/.test(code)) f.code = 'eoa';
  else if (code.startsWith(DELEGATION_PREFIX) && code.length === 2 + 46) {
    f.code = 'delegated';
    f.delegatesTo = getAddress(`0x${code.slice(8)}`);
  } else {
    f.code = 'contract';
    f.codeSize = (code.length - 2) / 2;
    f.bytecode = code;
  }
  return f;
}

function collectAddresses(actions: Action[]): Set<string> {
  const set = new Set<string>();
  const add = (a: Address | undefined) => {
    if (a && BigInt(a) > 0xffffn) set.add(a.toLowerCase());
  };
  // Order matters when the cap is hit: spenders and recipients first, they decide verdicts.
  for (const a of actions) if (a.kind === 'approval') add(a.spender);
  // Who receives control (new owner, admin, implementation, module): decides how control.* rules judge it.
  for (const a of actions) if (a.kind === 'control') add(a.grantee);
  for (const a of actions) if (a.kind === 'authorization') add(a.delegate);
  for (const a of actions) if (a.kind === 'transfer') add(a.to);
  for (const a of actions) if (a.kind === 'payout') add(a.recipient);
  for (const a of actions) if (a.kind === 'call' && a.depth === 0) add(a.to);
  for (const a of actions) if (a.kind === 'call' && a.depth > 0) add(a.to);
  // The account handing control over: its nonce bounds the search for contracts it deployed.
  for (const a of actions) if (a.kind === 'control') add(a.by);
  return set;
}

/**
 * Addresses read only so that the window can say who they are (who an off-chain order pays, who alone may
 * fill it): no rule needs them, so a node that does not answer for them is not a failure of the check.
 */
function collectShownOnly(actions: Action[], decisive: Set<string>): Set<string> {
  const set = new Set<string>();
  for (const a of actions) {
    if (a.kind !== 'order') continue;
    for (const p of [...a.paysOthers.map((x) => x.recipient), a.taker]) if (p && BigInt(p) > 0xffffn && !decisive.has(p.toLowerCase())) set.add(p.toLowerCase());
  }
  return set;
}

/** Tokens the signer approves or buys, lowercase: their code is read for the powers it gives an owner. */
function tokenSubjects(actions: Action[]): Set<string> {
  return new Set(tokenExposures(actions).flatMap((e) => (BigInt(e.token) > 0xffffn ? [e.token.toLowerCase()] : [])));
}

/**
 * Follows a proxy token to its implementation: the address written in a clone's code, or the one in
 * its EIP-1967 / EIP-1822 / legacy slot (a beacon needs a call to the beacon, not done). Every read is
 * quiet: no implementation found means the rule says only "a proxy".
 */
async function readImplementation(f: AddressFacts, reader: ChainReader, quiet: <T>(p: Promise<T>) => Promise<T | undefined>): Promise<AddressFacts['implementation']> {
  if (!f.bytecode) return undefined;
  let proxy;
  try {
    proxy = detectProxy(hexToBytes(f.bytecode));
  } catch {
    return undefined;
  }
  let address: Address | undefined;
  if (proxy.kind === 'eip1167' && proxy.implementation) address = getAddress(proxy.implementation);
  else if (proxy.implementationSlot && ['eip1967', 'eip1822', 'legacy-slot'].includes(proxy.kind) && reader.getStorageAt) {
    const word = await quiet(reader.getStorageAt(f.address, proxy.implementationSlot));
    if (word && /^0x[0-9a-fA-F]{1,64}$/.test(word) && BigInt(word) > 0n && BigInt(word) < 1n << 160n) address = getAddress(`0x${BigInt(word).toString(16).padStart(40, '0')}`);
  }
  if (!address) return undefined;
  const code = await quiet(reader.getCode(address));
  return { address, ...(code && !/^0x0*$/.test(code) ? { bytecode: code.toLowerCase() as Hex } : {}) };
}

function collectTokens(actions: Action[]): Set<string> {
  const set = new Set<string>();
  for (const a of actions) {
    if (a.kind === 'buy') set.add(a.token.toLowerCase());
    if ((a.kind === 'approval' || a.kind === 'transfer') && a.token) set.add(a.token.toLowerCase());
    if (a.kind === 'order') for (const i of [...a.gives, ...a.receives]) if (i.token && (i.asset === 'erc20' || i.asset === 'token')) set.add(i.token.toLowerCase());
  }
  return set;
}

function describe(error: unknown): string {
  const e = error as { shortMessage?: string; message?: string };
  return (e?.shortMessage ?? e?.message ?? String(error)).split('\n')[0]!.slice(0, 120);
}
