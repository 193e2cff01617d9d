// The one place where a request becomes the model's feature vector. The trainer and the extension both
// import this module, so the two cannot drift. Pure TypeScript: no Node or DOM APIs.
//
// Bytecode features are chosen to survive recompilation: opcode shares rather than offsets, the
// dispatcher's selectors rather than code layout, hard-coded addresses, proxy shape. Nothing here says
// which compiler or year made the code (see VERSION_MARKERS), and nothing describes the chain's state
// (how new an address is, whether a recipient is a plain account): the scam families the model learns
// from are mostly 2016–2023 code and the benign ones older or newer, so either would teach it the year;
// the rules weigh an address's age with words the user can check.
import { CALL_KINDS, summarizeCall, UNLIMITED_AMOUNT } from './calldata.ts';
import { codeLengthWithoutMetadata, FeatureInputError, hexToBytes, OP, OPCODE_NAMES, pushSize } from '../analysis/ethereum/evm.ts';
import { detectProxy, type ProxyKind } from '../analysis/ethereum/context/proxy.ts';
import {
  MULTICALL_SELECTORS,
  SCAM_BAIT_SELECTORS,
  STANDARDS,
  WELL_KNOWN_ADDRESSES,
  WITHDRAW_SELECTORS,
  type StandardName,
} from './selectors.ts';

export { FeatureInputError } from '../analysis/ethereum/evm.ts';

export interface FeatureInput {
  /** Deployed (runtime) code at the target, hex. `0x` for an account without code. */
  bytecode: string;
  /** Code of the implementation or delegate when the target is a proxy or an EIP-7702 account. */
  implementationBytecode?: string;
  /** Call data, hex (`0x` for none). */
  calldata: string;
  /** Value in wei: bigint, decimal string or 0x-hex string. */
  value: bigint | string | number;
}

// ---------------------------------------------------------------------------------------------
// Feature layout. Every name is stable: the model's meta file lists them and inference checks them.

/**
 * Instructions whose presence dates the compiler rather than describing what the code does: opcodes
 * added by a hard fork (shifts in Constantinople, PUSH0 in Shanghai, MCOPY and transient storage in
 * Cancun…) and the ones solc switched to when they came (REVERT for `require`, RETURNDATA* for calls,
 * STATICCALL for views; before them INVALID and plain CALL). They still count as instructions and in
 * the coarse class pairs, where an old and a new compiler's way of doing one thing fall together.
 * PUSH21…PUSH31 have no share either: before 0.5 solc read the selector by dividing by a PUSH29 constant.
 */
const VERSION_MARKERS = new Set([
  OP.SHL, OP.SHR, OP.SAR, OP.PUSH0, OP.CHAINID, OP.SELFBALANCE, OP.BASEFEE, OP.BLOBHASH, OP.BLOBBASEFEE,
  OP.MCOPY, OP.TLOAD, OP.TSTORE, OP.EXTCODEHASH, OP.RETURNDATASIZE, OP.RETURNDATACOPY, OP.STATICCALL,
  OP.REVERT, OP.INVALID, OP.CREATE2,
]);

const OPCODE_GROUPS: readonly { name: string; codes: readonly number[] }[] = [
  ...[...OPCODE_NAMES.entries()].filter(([code]) => !VERSION_MARKERS.has(code as never)).map(([code, name]) => ({ name, codes: [code] })),
  { name: 'PUSH1-3', codes: [0x60, 0x61, 0x62] },
  { name: 'PUSH4', codes: [0x63] },
  { name: 'PUSH5-19', codes: range(0x64, 0x72) },
  { name: 'PUSH20', codes: [0x73] },
  { name: 'PUSH32', codes: [0x7f] },
  { name: 'DUP', codes: range(0x80, 0x8f) },
  { name: 'SWAP', codes: range(0x90, 0x9f) },
  { name: 'LOG', codes: range(0xa0, 0xa4) },
];

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

// Coarse classes for class-to-class transitions: cheap "opcode pairs" that generalise across compilers.
const CLASSES = ['halt', 'math', 'compare', 'bits', 'hash', 'caller', 'data', 'chain', 'memory', 'storage', 'flow', 'stack', 'log', 'call', 'create', 'undefined'] as const;
type OpClass = (typeof CLASSES)[number];

function classOf(op: number): OpClass {
  if ([OP.STOP, OP.RETURN, OP.REVERT, OP.INVALID, OP.SELFDESTRUCT].includes(op as never)) return 'halt';
  if (op >= 0x01 && op <= 0x0b) return 'math';
  if (op >= 0x10 && op <= 0x15) return 'compare';
  if (op >= 0x16 && op <= 0x1d) return 'bits';
  if (op === OP.KECCAK256) return 'hash';
  if ([OP.ADDRESS, OP.BALANCE, OP.ORIGIN, OP.CALLER, OP.CALLVALUE, OP.SELFBALANCE, OP.GASPRICE].includes(op as never)) return 'caller';
  if (op >= 0x35 && op <= 0x3f) return 'data';
  if (op >= 0x40 && op <= 0x4a) return 'chain';
  if ([OP.MLOAD, OP.MSTORE, OP.MSTORE8, OP.MSIZE, OP.MCOPY].includes(op as never)) return 'memory';
  if ([OP.SLOAD, OP.SSTORE, OP.TLOAD, OP.TSTORE].includes(op as never)) return 'storage';
  if ([OP.JUMP, OP.JUMPI, OP.JUMPDEST, OP.PC, OP.GAS].includes(op as never)) return 'flow';
  if (op === OP.POP || (op >= 0x5f && op <= 0x9f)) return 'stack';
  if (op >= 0xa0 && op <= 0xa4) return 'log';
  if ([OP.CALL, OP.CALLCODE, OP.DELEGATECALL, OP.STATICCALL].includes(op as never)) return 'call';
  if (op === OP.CREATE || op === OP.CREATE2) return 'create';
  return 'undefined';
}

// Specific adjacent pairs with a meaning a person can read.
const OPCODE_PAIRS: readonly { name: string; first: number; second: number }[] = [
  { name: 'GAS>CALL', first: OP.GAS, second: OP.CALL },
  { name: 'GAS>DELEGATECALL', first: OP.GAS, second: OP.DELEGATECALL },
  { name: 'CALLVALUE>DUP1', first: OP.CALLVALUE, second: OP.DUP1 },
  { name: 'CALLVALUE>ISZERO', first: OP.CALLVALUE, second: OP.ISZERO },
  { name: 'ADDRESS>BALANCE', first: OP.ADDRESS, second: OP.BALANCE },
  { name: 'CALLER>PUSH20', first: OP.CALLER, second: OP.PUSH20 },
  { name: 'ORIGIN>EQ', first: OP.ORIGIN, second: OP.EQ },
  { name: 'EXTCODESIZE>ISZERO', first: OP.EXTCODESIZE, second: OP.ISZERO },
  { name: 'SLOAD>PUSH20', first: OP.SLOAD, second: OP.PUSH20 },
  { name: 'CALLDATALOAD>PUSH20', first: OP.CALLDATALOAD, second: OP.PUSH20 },
  { name: 'TIMESTAMP>GT', first: OP.TIMESTAMP, second: OP.GT },
  { name: 'NUMBER>BLOCKHASH', first: OP.NUMBER, second: OP.BLOCKHASH },
  { name: 'CALL>ISZERO', first: OP.CALL, second: OP.ISZERO },
  { name: 'CALL>POP', first: OP.CALL, second: OP.POP },
];

const STANDARD_NAMES = Object.keys(STANDARDS) as StandardName[];
const PROXY_FEATURES: readonly { name: string; kinds: readonly ProxyKind[] }[] = [
  { name: 'proxy:minimal_clone', kinds: ['eip1167'] },
  { name: 'proxy:eip7702_delegation', kinds: ['eip7702'] },
  { name: 'proxy:storage_slot', kinds: ['eip1967', 'eip1967-beacon', 'eip1822', 'legacy-slot'] },
  { name: 'proxy:safe', kinds: ['safe'] },
  { name: 'proxy:delegating', kinds: ['delegating'] },
];

const HEAD_FEATURES = [
  'target_has_no_code',
  ...PROXY_FEATURES.map((p) => p.name),
  'implementation_resolved',
  'code_size_log2',
  'instruction_count_log2',
  'jumpdest_count_log2',
  'selector_count',
  ...STANDARD_NAMES.map((n) => `std:${n}`),
  'selectors:multicall',
  'selectors:bait_function_count',
  'selectors:withdraw',
  'address_literal_count',
  'address_literal_well_known',
  'word_literal_count_log2',
  'called_selector_count',
  'uses:CALL',
  'uses:DELEGATECALL',
  'uses:CALLCODE',
  'uses:SELFDESTRUCT',
  'uses:CREATE',
  'uses:ORIGIN',
  'count:CALL_log2',
  'count:SSTORE_log2',
  'count:LOG_log2',
] as const;

const CALL_FEATURES = [
  ...CALL_KINDS.map((k) => `call_kind:${k}`),
  'call:amount_log2',
  'call:amount_unlimited',
  'call:grants_all',
  'call:revokes',
  'call:names_token_id',
  'call:value_log10_micro_eth',
  'call:value_nonzero',
  'call:payable_bait',
  'call:calldata_bytes_log2',
  'call:arg_words',
  'call:selector_in_dispatcher',
] as const;

const OPCODE_OFFSET = HEAD_FEATURES.length;
const PAIR_OFFSET = OPCODE_OFFSET + OPCODE_GROUPS.length;
const CLASS_PAIR_OFFSET = PAIR_OFFSET + OPCODE_PAIRS.length;
const CALL_OFFSET = CLASS_PAIR_OFFSET + CLASSES.length * CLASSES.length;

export const FEATURE_NAMES: readonly string[] = [
  ...HEAD_FEATURES,
  ...OPCODE_GROUPS.map((g) => `op_share:${g.name}`),
  ...OPCODE_PAIRS.map((p) => `pair_share:${p.name}`),
  ...CLASSES.flatMap((a) => CLASSES.map((b) => `class_pair_share:${a}>${b}`)),
  ...CALL_FEATURES,
];
export const FEATURE_COUNT = FEATURE_NAMES.length;

const INDEX: ReadonlyMap<string, number> = new Map(FEATURE_NAMES.map((n, i) => [n, i]));
export function featureIndex(name: string): number {
  const i = INDEX.get(name);
  if (i === undefined) throw new Error(`unknown feature ${name}`);
  return i;
}

// Lookup tables so the hot loop does array reads only.
const OPCODE_SLOT = new Int16Array(256).fill(-1);
OPCODE_GROUPS.forEach((g, i) => g.codes.forEach((c) => (OPCODE_SLOT[c] = i)));
const CLASS_ID = new Uint8Array(256);
for (let op = 0; op < 256; op++) CLASS_ID[op] = CLASSES.indexOf(classOf(op));
const UNDEFINED_CLASS = CLASSES.indexOf('undefined');
const PAIR_SLOT = new Map<number, number>(OPCODE_PAIRS.map((p, i) => [(p.first << 8) | p.second, i]));
const PAIR_FIRST = new Uint8Array(256);
for (const p of OPCODE_PAIRS) PAIR_FIRST[p.first] = 1;

const USES_OPS = [OP.CALL, OP.DELEGATECALL, OP.CALLCODE, OP.SELFDESTRUCT, OP.CREATE, OP.ORIGIN];
const BAIT = new Set(SCAM_BAIT_SELECTORS.map((x) => x.selector));
const MULTICALL = new Set(MULTICALL_SELECTORS.map((x) => x.selector));
const WITHDRAW = new Set(WITHDRAW_SELECTORS.map((x) => x.selector));
const WELL_KNOWN = new Set(WELL_KNOWN_ADDRESSES);

// ---------------------------------------------------------------------------------------------

export interface CodeScan {
  codeEnd: number;
  instructions: number;
  selectors: Set<number>;
  addressLiterals: Set<string>;
  wordLiterals: number;
  /** Distinct PUSH4 values that are not dispatcher selectors or their pivots: mostly the functions the code calls on other contracts. */
  calledSelectors: Set<number>;
  jumpdests: number;
  opcodeCounts: Float64Array;
  pairCounts: Float64Array;
  classPairCounts: Float64Array;
}

/**
 * One pass over the instructions (PUSH data skipped, metadata tail excluded). Dispatcher selectors are
 * PUSH4 values compared with EQ (or XOR, as Vyper does), directly or with one DUP between; PUSH4 values
 * compared with GT/LT are the pivots of solc's binary search and are not selectors.
 */
export function scanCode(code: Uint8Array): CodeScan {
  const codeEnd = codeLengthWithoutMetadata(code);
  const opcodeCounts = new Float64Array(OPCODE_GROUPS.length);
  const pairCounts = new Float64Array(OPCODE_PAIRS.length);
  const classPairCounts = new Float64Array(CLASSES.length * CLASSES.length);
  const selectors = new Set<number>();
  const addressLiterals = new Set<string>();
  let wordLiterals = 0;
  const push4s = new Set<number>();
  const pivots = new Set<number>();
  let jumpdests = 0;
  let instructions = 0;
  let prevOp = -1;
  let prevClass = -1;
  let lastPush4 = -1;
  let lastPush4At = -10;
  let lastWasDup = false;
  for (let pc = 0; pc < codeEnd; pc++) {
    const op = code[pc]!;
    const slot = OPCODE_SLOT[op]!;
    const cls = slot < 0 ? UNDEFINED_CLASS : CLASS_ID[op]!;
    if (slot >= 0) opcodeCounts[slot]!++;
    if (prevClass >= 0) classPairCounts[prevClass * CLASSES.length + cls]!++;
    if (prevOp >= 0 && PAIR_FIRST[prevOp]) {
      const p = PAIR_SLOT.get((prevOp << 8) | op);
      if (p !== undefined) pairCounts[p]!++;
    }
    if (op === OP.EQ || op === OP.XOR) {
      if (lastPush4At === instructions - 1 || (lastPush4At === instructions - 2 && lastWasDup)) selectors.add(lastPush4);
    } else if ((op === OP.GT || op === OP.LT) && (lastPush4At === instructions - 1 || (lastPush4At === instructions - 2 && lastWasDup))) {
      pivots.add(lastPush4);
    } else if (op === OP.JUMPDEST) {
      jumpdests++;
    } else if (op === OP.PUSH4 && pc + 4 < codeEnd) {
      lastPush4 = ((code[pc + 1]! << 24) | (code[pc + 2]! << 16) | (code[pc + 3]! << 8) | code[pc + 4]!) >>> 0;
      lastPush4At = instructions;
      push4s.add(lastPush4);
    } else if (op === OP.PUSH20 && pc + 20 < codeEnd) {
      let or = 0;
      let and = 0xff;
      for (let i = pc + 1; i <= pc + 20; i++) {
        or |= code[i]!;
        and &= code[i]!;
      }
      // 0x00…00 and 0xff…ff are masks and sentinels, not addresses.
      if (or !== 0 && and !== 0xff) {
        let hex = '';
        for (let i = pc + 1; i <= pc + 20; i++) hex += (code[i]! < 16 ? '0' : '') + code[i]!.toString(16);
        addressLiterals.add(hex);
      }
    } else if (op === OP.PUSH32) {
      wordLiterals++;
    }
    lastWasDup = op >= OP.DUP1 && op <= OP.DUP16;
    prevOp = op;
    prevClass = cls;
    instructions++;
    pc += pushSize(op);
  }
  // 0xffffffff is solc's selector mask, not a function.
  const calledSelectors = new Set([...push4s].filter((x) => !selectors.has(x) && !pivots.has(x) && x !== 0xffffffff));
  return { codeEnd, instructions, selectors, addressLiterals, wordLiterals, calledSelectors, jumpdests, opcodeCounts, pairCounts, classPairCounts };
}

function log2p(x: number): number {
  return Math.log2(1 + x);
}

function parseValue(value: FeatureInput['value']): bigint {
  try {
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || value < 0) throw new Error('bad number');
      return BigInt(Math.floor(value));
    }
    const v = BigInt(value === '' ? '0' : value);
    if (v < 0n) throw new Error('negative');
    return v;
  } catch {
    throw new FeatureInputError('value must be a non-negative integer (wei)');
  }
}

// ERC-721 and ERC-1155 name a token id where ERC-20 names an amount, in calls with the same selector
// (transferFrom, approve): the code says which it is. A contract with ownerOf or the ERC-1155 transfer
// and without ERC-20's allowance is a collection.
const OWNER_OF = 0x6352211e;
const ERC1155_TRANSFER = 0xf242432a;
const ALLOWANCE = 0xdd62ed3e;
const isCollection = (selectors: Set<number>) => (selectors.has(OWNER_OF) || selectors.has(ERC1155_TRANSFER)) && !selectors.has(ALLOWANCE);

function bigLog2(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** Computes the feature vector of one request. Throws FeatureInputError on malformed hex or value. */
export function extractFeatures(input: FeatureInput): Float32Array {
  const f = new Float32Array(FEATURE_COUNT);
  const targetCode = hexToBytes(input.bytecode, 'bytecode');
  const calldata = hexToBytes(input.calldata, 'calldata');
  const value = parseValue(input.value);

  const proxy = detectProxy(targetCode, codeLengthWithoutMetadata(targetCode));
  const implementation =
    proxy.kind !== 'none' && input.implementationBytecode ? hexToBytes(input.implementationBytecode, 'implementationBytecode') : null;
  const code = implementation && implementation.length > 0 ? implementation : targetCode;
  const scan = scanCode(code);
  const n = Math.max(1, scan.instructions);

  let i = 0;
  f[i++] = targetCode.length === 0 ? 1 : 0;
  for (const p of PROXY_FEATURES) f[i++] = p.kinds.includes(proxy.kind) ? 1 : 0;
  f[i++] = code === targetCode ? 0 : 1;
  f[i++] = log2p(code.length);
  f[i++] = log2p(scan.instructions);
  f[i++] = log2p(scan.jumpdests);
  f[i++] = scan.selectors.size;
  for (const std of STANDARD_NAMES) {
    const set = STANDARDS[std];
    let present = 0;
    for (const x of set) if (scan.selectors.has(x.selector)) present++;
    f[i++] = present / set.length;
  }
  let multicall = 0;
  let bait = 0;
  let withdraw = 0;
  for (const sel of scan.selectors) {
    if (MULTICALL.has(sel)) multicall = 1;
    if (BAIT.has(sel)) bait++;
    if (WITHDRAW.has(sel)) withdraw = 1;
  }
  f[i++] = multicall;
  f[i++] = bait;
  f[i++] = withdraw;
  let wellKnown = 0;
  for (const a of scan.addressLiterals) if (WELL_KNOWN.has(a)) wellKnown++;
  f[i++] = scan.addressLiterals.size;
  f[i++] = wellKnown;
  f[i++] = log2p(scan.wordLiterals);
  f[i++] = scan.calledSelectors.size;
  const count = (op: number) => scan.opcodeCounts[OPCODE_SLOT[op]!]!;
  for (const op of USES_OPS) f[i++] = count(op) > 0 ? 1 : 0;
  f[i++] = log2p(count(OP.CALL));
  f[i++] = log2p(count(OP.SSTORE));
  f[i++] = log2p(count(OP.LOG0));

  for (let k = 0; k < scan.opcodeCounts.length; k++) f[OPCODE_OFFSET + k] = scan.opcodeCounts[k]! / n;
  for (let k = 0; k < scan.pairCounts.length; k++) f[PAIR_OFFSET + k] = scan.pairCounts[k]! / n;
  for (let k = 0; k < scan.classPairCounts.length; k++) f[CLASS_PAIR_OFFSET + k] = scan.classPairCounts[k]! / n;

  const call = summarizeCall(calldata, value);
  const tokenId = (call.kind === 'transfer_from' || call.kind === 'approve') && call.amount !== null && isCollection(scan.selectors);
  const amount = tokenId ? null : call.amount;
  i = CALL_OFFSET;
  for (const k of CALL_KINDS) f[i++] = call.kind === k ? 1 : 0;
  f[i++] = amount === null ? 0 : bigLog2(amount);
  f[i++] = amount === null ? -1 : amount >= UNLIMITED_AMOUNT ? 1 : 0;
  f[i++] = call.grantsAll ? 1 : 0;
  f[i++] = (call.kind === 'approval_for_all' && !call.grantsAll) || (call.kind === 'approve' && amount === 0n) ? 1 : 0;
  f[i++] = tokenId ? 1 : 0;
  f[i++] = Math.log10(1 + Number(value / 1_000_000_000_000n));
  f[i++] = value > 0n ? 1 : 0;
  f[i++] = call.kind === 'bait_function' && value > 0n ? 1 : 0;
  f[i++] = log2p(calldata.length);
  f[i++] = call.argWords;
  f[i++] = call.selector === null || code.length === 0 ? -1 : scan.selectors.has(call.selector) ? 1 : 0;
  return f;
}

export const FEATURE_LAYOUT = {
  opcodeShares: [OPCODE_OFFSET, PAIR_OFFSET] as const,
  opcodePairShares: [PAIR_OFFSET, CLASS_PAIR_OFFSET] as const,
  classPairShares: [CLASS_PAIR_OFFSET, CALL_OFFSET] as const,
  call: [CALL_OFFSET, FEATURE_COUNT] as const,
};
