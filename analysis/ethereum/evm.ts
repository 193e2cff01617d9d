// Low-level reading of EVM bytecode: hex decoding, the opcode table, the solc metadata tail and a
// "family" normalisation used to keep near-copies of one contract on one side of a train/test split.
// Pure TypeScript: runs in the service worker, in the page-free analysis and in Node.

export class FeatureInputError extends Error {
  override name = 'FeatureInputError';
}

const NIBBLE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 10; i++) table[48 + i] = i;
  for (let i = 0; i < 6; i++) {
    table[65 + i] = 10 + i;
    table[97 + i] = 10 + i;
  }
  return table;
})();

/** Decodes `0x`-prefixed (or bare) hex. Throws FeatureInputError on odd length or a non-hex character. */
export function hexToBytes(hex: string, what = 'hex'): Uint8Array {
  if (typeof hex !== 'string') throw new FeatureInputError(`${what} must be a hex string`);
  const start = hex.startsWith('0x') || hex.startsWith('0X') ? 2 : 0;
  const len = hex.length - start;
  if (len % 2 !== 0) throw new FeatureInputError(`${what} has an odd number of hex digits`);
  const out = new Uint8Array(len / 2);
  for (let i = 0, j = start; i < out.length; i++, j += 2) {
    const c1 = hex.charCodeAt(j);
    const c2 = hex.charCodeAt(j + 1);
    const hi = c1 < 128 ? NIBBLE[c1]! : -1;
    const lo = c2 < 128 ? NIBBLE[c2]! : -1;
    if (hi < 0 || lo < 0) throw new FeatureInputError(`${what} has a non-hex character at ${j}`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

export function bytesToHex(bytes: Uint8Array, from = 0, to = bytes.length): string {
  let s = '';
  for (let i = from; i < to; i++) s += (bytes[i]! < 16 ? '0' : '') + bytes[i]!.toString(16);
  return s;
}

export const OP = {
  STOP: 0x00, ADD: 0x01, MUL: 0x02, SUB: 0x03, DIV: 0x04, SDIV: 0x05, MOD: 0x06, SMOD: 0x07,
  ADDMOD: 0x08, MULMOD: 0x09, EXP: 0x0a, SIGNEXTEND: 0x0b,
  LT: 0x10, GT: 0x11, SLT: 0x12, SGT: 0x13, EQ: 0x14, ISZERO: 0x15, AND: 0x16, OR: 0x17, XOR: 0x18,
  NOT: 0x19, BYTE: 0x1a, SHL: 0x1b, SHR: 0x1c, SAR: 0x1d,
  KECCAK256: 0x20,
  ADDRESS: 0x30, BALANCE: 0x31, ORIGIN: 0x32, CALLER: 0x33, CALLVALUE: 0x34, CALLDATALOAD: 0x35,
  CALLDATASIZE: 0x36, CALLDATACOPY: 0x37, CODESIZE: 0x38, CODECOPY: 0x39, GASPRICE: 0x3a,
  EXTCODESIZE: 0x3b, EXTCODECOPY: 0x3c, RETURNDATASIZE: 0x3d, RETURNDATACOPY: 0x3e, EXTCODEHASH: 0x3f,
  BLOCKHASH: 0x40, COINBASE: 0x41, TIMESTAMP: 0x42, NUMBER: 0x43, PREVRANDAO: 0x44, GASLIMIT: 0x45,
  CHAINID: 0x46, SELFBALANCE: 0x47, BASEFEE: 0x48, BLOBHASH: 0x49, BLOBBASEFEE: 0x4a,
  POP: 0x50, MLOAD: 0x51, MSTORE: 0x52, MSTORE8: 0x53, SLOAD: 0x54, SSTORE: 0x55, JUMP: 0x56,
  JUMPI: 0x57, PC: 0x58, MSIZE: 0x59, GAS: 0x5a, JUMPDEST: 0x5b, TLOAD: 0x5c, TSTORE: 0x5d,
  MCOPY: 0x5e, PUSH0: 0x5f, PUSH1: 0x60, PUSH4: 0x63, PUSH20: 0x73, PUSH32: 0x7f,
  DUP1: 0x80, DUP16: 0x8f, SWAP1: 0x90, SWAP16: 0x9f, LOG0: 0xa0, LOG4: 0xa4,
  CREATE: 0xf0, CALL: 0xf1, CALLCODE: 0xf2, RETURN: 0xf3, DELEGATECALL: 0xf4, CREATE2: 0xf5,
  STATICCALL: 0xfa, REVERT: 0xfd, INVALID: 0xfe, SELFDESTRUCT: 0xff,
} as const;

/** Names of the single opcodes (PUSH/DUP/SWAP/LOG are reported as groups). Undefined bytes are absent. */
export const OPCODE_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(OP)
    .filter(([name]) => !/^(PUSH\d|DUP|SWAP|LOG)/.test(name) || name === 'PUSH0')
    .map(([name, code]) => [code, name] as [number, string]),
);

/** Size of the immediate operand that follows an opcode (PUSH1..PUSH32), else 0. */
export function pushSize(op: number): number {
  return op >= 0x60 && op <= 0x7f ? op - 0x5f : 0;
}

/**
 * Length of the code part, without solc/vyper's CBOR metadata tail. The last two bytes give the
 * CBOR length; we only trust it when the byte it points at opens a CBOR map (0xa1..0xa6).
 */
export function codeLengthWithoutMetadata(code: Uint8Array): number {
  const n = code.length;
  if (n < 4) return n;
  const cborLen = (code[n - 2]! << 8) | code[n - 1]!;
  const start = n - 2 - cborLen;
  if (cborLen < 6 || start < 0) return n;
  const head = code[start]!;
  return head >= 0xa1 && head <= 0xa6 ? start : n;
}

/**
 * The code with its metadata tail cut off and every PUSH20/PUSH32 operand zeroed. Two deployments of
 * one source with other immutables, constructor-set addresses or another metadata hash map to the
 * same bytes, which is what "same family" means for the train/test split.
 */
export function familyNormalizedCode(code: Uint8Array): Uint8Array {
  const end = codeLengthWithoutMetadata(code);
  const out = code.slice(0, end);
  for (let pc = 0; pc < end; pc++) {
    const op = out[pc]!;
    const size = pushSize(op);
    if (size === 20 || size === 32) out.fill(0, pc + 1, Math.min(end, pc + 1 + size));
    pc += size;
  }
  return out;
}
