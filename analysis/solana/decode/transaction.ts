// From the bytes of a serialized transaction (or of a bare transaction message) to its instructions,
// each with its program and its accounts as addresses. @solana/kit reads the wire format and the
// message (legacy, v0, v1) and lays out the accounts; accounts a v0 message loads from address lookup
// tables are resolved through the chain reader, and those it cannot resolve stay unknown (undefined),
// never guessed.
import {
  decompileTransactionMessage,
  getCompiledTransactionMessageDecoder,
  getTransactionDecoder,
  isAddress,
  isSignerRole,
  isWritableRole,
  type AccountLookupMeta,
  type AccountMeta,
  type Address,
  type CompiledTransactionMessage,
  type CompiledTransactionMessageWithLifetime,
  type Instruction,
  type ReadonlyUint8Array,
} from '@solana/kit';
import { withTimeout } from '../../../common/timeout';
import type { SolanaChainReader } from '../chain-reader';
import { errorText } from '../format';
import type { AccountRef } from './actions';

export interface DecodedAccount {
  address: AccountRef;
  signer: boolean;
  writable: boolean;
  /** Where an account loaded from a lookup table comes from. */
  lookup?: { table: string; index: number };
}

export interface DecodedInstruction {
  /** Undefined when the program itself comes from a lookup table that was not read. */
  programAddress: AccountRef;
  accounts: DecodedAccount[];
  data: ReadonlyUint8Array;
}

export interface DecodedTransaction {
  version: 'legacy' | 0 | 1;
  /** Pays the fees; the first account of the message. */
  feePayer: string;
  /** Every account that must sign. */
  signers: string[];
  instructions: DecodedInstruction[];
  /** The recent blockhash, or the nonce when the transaction uses a durable nonce. */
  lifetimeToken: string;
  /** Lookup tables the message loads accounts from. */
  lookupTables: string[];
  /** Those whose contents could not be read, with why. */
  unresolvedTables: { table: string; reason: string }[];
  /** How many signatures are already filled in. */
  signaturesPresent: number;
}

type Compiled = CompiledTransactionMessage & CompiledTransactionMessageWithLifetime;

/** Every byte must be read: bytes after the transaction are read by no one the same way. */
function readAll<T>(decoder: { read: (bytes: ReadonlyUint8Array, offset: number) => [T, number] }, bytes: ReadonlyUint8Array, what: string): T {
  const [value, end] = decoder.read(bytes, 0);
  if (end !== bytes.length) throw new Error(`${bytes.length - end} bytes follow the ${what}`);
  return value;
}

/** A serialized transaction (signatures, then the message). Throws when the bytes are not one. */
export function readWireTransaction(bytes: ReadonlyUint8Array): { compiled: Compiled; signaturesPresent: number } {
  const transaction = readAll(getTransactionDecoder(), bytes, 'transaction');
  const compiled = readMessage(transaction.messageBytes);
  const signaturesPresent = Object.values(transaction.signatures).filter((s) => s !== null && s.some((b) => b !== 0)).length;
  return { compiled, signaturesPresent };
}

/** A bare transaction message (what is signed). Throws when the bytes are not one. */
export function readMessage(bytes: ReadonlyUint8Array): Compiled {
  const compiled = readAll(getCompiledTransactionMessageDecoder(), bytes, 'transaction message');
  const { header, staticAccounts } = compiled;
  if (staticAccounts.length === 0 || header.numSignerAccounts < 1 || header.numSignerAccounts + header.numReadonlyNonSignerAccounts > staticAccounts.length || header.numReadonlySignerAccounts >= header.numSignerAccounts) {
    throw new Error('the message header does not fit its accounts');
  }
  return compiled;
}

const PLACEHOLDER = '#';

/** The contents of the lookup tables the message uses, as far as the reader can say. */
async function resolveTables(tables: string[], highest: Map<string, number>, chain: SolanaChainReader | undefined, timeoutMs: number) {
  const unresolved: { table: string; reason: string }[] = [];
  let answer: Record<string, readonly string[]> = {};
  if (!chain) unresolved.push(...tables.map((table) => ({ table, reason: 'no node to read it from' })));
  else {
    try {
      answer = await withTimeout(() => chain.lookupTableAddresses(tables), timeoutMs);
    } catch (error) {
      unresolved.push(...tables.map((table) => ({ table, reason: `the node did not answer (${errorText(error)})` })));
    }
  }
  const addresses: Record<string, Address[]> = {};
  for (const table of tables) {
    if (unresolved.some((u) => u.table === table)) continue;
    const contents = answer?.[table];
    const max = highest.get(table) ?? -1;
    if (!Array.isArray(contents)) unresolved.push({ table, reason: 'the node does not know this table' });
    else if (!contents.every((a) => typeof a === 'string' && isAddress(a))) unresolved.push({ table, reason: 'the node answered something that is not a list of addresses' });
    else if (contents.length <= max) unresolved.push({ table, reason: `the table holds ${contents.length} addresses, the transaction asks for number ${max}` });
    else addresses[table] = contents as Address[];
  }
  // Tables not read stand in with placeholders (never an address: base58 has no '#'), mapped back to "unknown" below.
  for (const { table } of unresolved) addresses[table] = Array.from({ length: (highest.get(table) ?? 0) + 1 }, (_, i) => `${table}${PLACEHOLDER}${i}` as Address);
  return { addresses, unresolved };
}

function accountOf(meta: AccountMeta | AccountLookupMeta | undefined, at: string): DecodedAccount {
  if (!meta) throw new Error(`${at} names an account the message does not have`);
  const placeholder = meta.address.includes(PLACEHOLDER);
  return {
    address: placeholder ? undefined : meta.address,
    signer: isSignerRole(meta.role),
    writable: isWritableRole(meta.role),
    ...('lookupTableAddress' in meta ? { lookup: { table: meta.lookupTableAddress, index: meta.addressIndex } } : {}),
  };
}

export interface DecodeOptions {
  chain?: SolanaChainReader;
  timeoutMs: number;
}

/** The compiled message laid out as instructions over addresses. Throws when it does not hold together. */
export async function decodeCompiled(compiled: Compiled, signaturesPresent: number, { chain, timeoutMs }: DecodeOptions): Promise<DecodedTransaction> {
  const lookups = compiled.version === 0 ? (compiled.addressTableLookups ?? []) : [];
  const highest = new Map<string, number>();
  for (const l of lookups) highest.set(l.lookupTableAddress, Math.max(highest.get(l.lookupTableAddress) ?? -1, ...l.readonlyIndexes, ...l.writableIndexes));
  const tables = [...highest.keys()];
  const { addresses, unresolved } = tables.length > 0 ? await resolveTables(tables, highest, chain, timeoutMs) : { addresses: {}, unresolved: [] };
  const message = decompileTransactionMessage(compiled, { addressesByLookupTableAddress: addresses });
  const instructions = (message.instructions as readonly Instruction[]).map((ix, i): DecodedInstruction => {
    const program = ix.programAddress.includes(PLACEHOLDER) ? undefined : ix.programAddress;
    return { programAddress: program, accounts: (ix.accounts ?? []).map((a, j) => accountOf(a, `instruction ${i + 1}, account ${j + 1},`)), data: ix.data ?? new Uint8Array() };
  });
  return {
    version: compiled.version,
    feePayer: compiled.staticAccounts[0]!,
    signers: compiled.staticAccounts.slice(0, compiled.header.numSignerAccounts),
    instructions,
    lifetimeToken: compiled.lifetimeToken,
    lookupTables: tables,
    unresolvedTables: unresolved,
    signaturesPresent,
  };
}
