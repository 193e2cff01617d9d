// From individual movements to what each party gains and loses, named and formatted. Token metadata
// and account code come through the chain reader, whose cache the rest of the analysis shares.
import { bundledToken, tokenSymbol } from '../registry/token-names';
import { formatUnits, getAddress, type Address } from 'viem';
import type { ChainReader } from '../context/chain-reader';
import { nativeSymbol } from '../format';
import { KNOWN_DECIMALS } from '../registry/deployments';
import { TIME_BUDGET } from '../../../common/time-budget';
import { withTimeout } from '../../../common/timeout';
import type { ApprovalChange, AssetChange, AssetMovement, PartyCode, SimulatedAsset } from './types';

const MAX_TOKENS = 16;
const MAX_PARTIES = 16;

export function assetKey(asset: SimulatedAsset): string {
  return `${asset.kind}:${asset.token?.toLowerCase() ?? ''}:${asset.tokenId ?? ''}`;
}

/** Net change per party and asset; zero sums (an item passing through a router) drop out. */
export function netChanges(movements: readonly AssetMovement[], signer: Address | undefined): AssetChange[] {
  const sums = new Map<string, { party: Address; asset: SimulatedAsset; amount: bigint }>();
  const add = (party: Address, asset: SimulatedAsset, amount: bigint) => {
    const key = `${party.toLowerCase()}|${assetKey(asset)}`;
    const entry = sums.get(key) ?? { party: getAddress(party), asset, amount: 0n };
    entry.amount += amount;
    sums.set(key, entry);
  };
  for (const m of movements) {
    if (m.from.toLowerCase() === m.to.toLowerCase()) continue;
    add(m.from, m.asset, -BigInt(m.amount));
    add(m.to, m.asset, BigInt(m.amount));
  }
  const isSigner = (a: Address) => signer !== undefined && a.toLowerCase() === signer.toLowerCase();
  return [...sums.values()]
    .filter((s) => s.amount !== 0n)
    .sort((a, b) => Number(isSigner(b.party)) - Number(isSigner(a.party)))
    .map((s) => ({ party: s.party, asset: s.asset, amount: s.amount.toString(), display: '' }));
}

export interface Described {
  changes: AssetChange[];
  movements: AssetMovement[];
  approvals: ApprovalChange[];
  parties: Record<string, PartyCode>;
  notes: string[];
}

/** Fills in symbols, decimals, display texts and whether parties hold code. Never throws. */
export async function describe(
  parts: { changes: AssetChange[]; movements: AssetMovement[]; approvals: ApprovalChange[] },
  reader: ChainReader | undefined,
  chainId: number | undefined,
): Promise<Described> {
  const notes: string[] = [];
  const tokens = new Set<string>();
  for (const x of [...parts.changes.map((c) => c.asset), ...parts.movements.map((m) => m.asset)]) if (x.token) tokens.add(x.token.toLowerCase());
  for (const a of parts.approvals) tokens.add(a.token.toLowerCase());
  const partySet = new Set(parts.changes.map((c) => c.party.toLowerCase()));

  const info = new Map<string, { symbol?: string; decimals?: number }>();
  const parties: Record<string, PartyCode> = {};
  const tokenList = [...tokens].slice(0, MAX_TOKENS);
  const partyList = [...partySet].slice(0, MAX_PARTIES);
  await Promise.all([
    ...tokenList.map(async (t) => {
      const got = reader ? await withTimeout(reader.getTokenInfo(t as Address), TIME_BUDGET.tokenMetadataMs).catch(() => undefined) : undefined;
      // The chain's answer first, then the registry's major tokens, then the bundled token list (display only).
      const decimals = got?.decimals ?? KNOWN_DECIMALS[t] ?? bundledToken(t, chainId)?.decimals;
      info.set(t, { symbol: tokenSymbol(t, chainId, got?.symbol), decimals });
    }),
    ...partyList.map(async (p) => {
      const code = reader ? await withTimeout(reader.getCode(p as Address), TIME_BUDGET.tokenMetadataMs).catch(() => undefined) : undefined;
      parties[getAddress(p)] = code === undefined ? 'unknown' : /^0x0*$/.test(code) || code.startsWith('0xef0100') ? 'eoa' : 'contract';
    }),
  ]);
  if (tokens.size > tokenList.length) notes.push(`Names of ${tokens.size - tokenList.length} more tokens were not looked up.`);
  if (reader === undefined) notes.push('Token names and decimals could not be read (no network connection was configured).');

  const named = (asset: SimulatedAsset): SimulatedAsset => {
    if (!asset.token) return asset;
    const i = info.get(asset.token.toLowerCase());
    const out: SimulatedAsset = { ...asset };
    if (i?.symbol !== undefined) out.symbol = i.symbol;
    if (i?.decimals !== undefined && asset.kind === 'erc20') out.decimals = i.decimals;
    return out;
  };
  const changes = parts.changes.map((c) => {
    const asset = named(c.asset);
    return { ...c, asset, display: display(asset, BigInt(c.amount), chainId, c) };
  });
  const movements = parts.movements.map((m) => ({ ...m, asset: named(m.asset) }));
  const approvals = parts.approvals.map((a) => {
    const symbol = info.get(a.token.toLowerCase())?.symbol ?? tokenSymbol(a.token, chainId, undefined);
    return symbol === undefined ? a : { ...a, symbol };
  });
  return { changes, movements, approvals, parties, notes };
}

/** "-1.5 TST", "+TNFT #3", "+4 × token 0x12…ab #7"; for signatures "-up to 100 USDC", "-up to an unlimited amount of USDC". */
export function display(asset: SimulatedAsset, amount: bigint, chainId: number | undefined, flags: { upTo?: boolean; unlimited?: boolean } = {}): string {
  const name = assetName(asset, chainId);
  const abs = amount < 0n ? -amount : amount;
  const sign = amount < 0n ? '-' : '+';
  if (flags.unlimited) return `${sign}up to an unlimited amount of ${name}`;
  let body: string;
  switch (asset.kind) {
    case 'native':
      body = `${formatUnits(abs, 18)} ${name}`;
      break;
    case 'erc20':
      body = asset.decimals === undefined ? `${abs} units of ${name}` : `${formatUnits(abs, asset.decimals)} ${name}`;
      break;
    case 'erc721':
      body = asset.tokenId === undefined ? `${abs} ${name} item${abs === 1n ? '' : 's'} (any)` : `${name} #${asset.tokenId}`;
      break;
    case 'erc1155':
      body = `${abs} × ${name}${asset.tokenId === undefined ? ' (any item)' : ` #${asset.tokenId}`}`;
      break;
  }
  return `${sign}${flags.upTo ? 'up to ' : ''}${body}`;
}

export function assetName(asset: SimulatedAsset, chainId: number | undefined): string {
  if (asset.kind === 'native') return nativeSymbol(chainId);
  if (asset.symbol) return asset.symbol;
  const t = asset.token ?? '';
  return `token ${t.slice(0, 6)}…${t.slice(-4)}`;
}
