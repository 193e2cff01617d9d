// Recognises contracts whose behaviour lives elsewhere (proxies, EIP-7702 delegated accounts), and says
// where to look: an address written into the code, or a storage slot the caller can read over RPC.
import { bytesToHex, codeLengthWithoutMetadata, OP, pushSize } from '../evm.ts';

export type ProxyKind =
  | 'none'
  | 'eip1167' // minimal proxy clone: implementation address in the code
  | 'eip7702' // delegation designator of an EOA: 0xef0100 ‖ address
  | 'eip1967' // implementation in the EIP-1967 slot
  | 'eip1967-beacon' // beacon address in the EIP-1967 beacon slot
  | 'eip1822' // UUPS "PROXIABLE" slot
  | 'legacy-slot' // OpenZeppelin's pre-1967 zos slot
  | 'safe' // Safe proxy: singleton in slot 0
  | 'delegating'; // small code that forwards calldata with DELEGATECALL

export interface ProxyInfo {
  kind: ProxyKind;
  /** Set when the address is written in the code itself (EIP-1167, EIP-7702). */
  implementation?: `0x${string}`;
  /** Set when the implementation sits in storage: read it with eth_getStorageAt. */
  implementationSlot?: `0x${string}`;
}

export const EIP1967_IMPLEMENTATION_SLOT = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';
export const EIP1967_BEACON_SLOT = '0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50';
export const EIP1822_PROXIABLE_SLOT = '0xc5f16f0fcc639fa48a6947836d9850f504798523bf8c9a3a87d5876cf622bcf7';
export const LEGACY_ZOS_IMPLEMENTATION_SLOT = '0x7050c9e0f4ca769c69bd3a8ef740bc37934f8e2c036e5a723fd8ee048ed3f8c3';
const SLOT_ZERO = '0x0000000000000000000000000000000000000000000000000000000000000000';

const SLOT_KINDS: ReadonlyMap<string, ProxyKind> = new Map([
  [EIP1967_IMPLEMENTATION_SLOT.slice(2), 'eip1967'],
  [EIP1967_BEACON_SLOT.slice(2), 'eip1967-beacon'],
  [EIP1822_PROXIABLE_SLOT.slice(2), 'eip1822'],
  [LEGACY_ZOS_IMPLEMENTATION_SLOT.slice(2), 'legacy-slot'],
]);

// EIP-1167 runtime: 363d3d373d3d3d363d 73<address> 5af43d82803e903d91602b57fd5bf3. Vanity variants
// push a shorter address (PUSH1..PUSH19) with its leading zero bytes dropped.
const CLONE_PREFIX = [0x36, 0x3d, 0x3d, 0x37, 0x3d, 0x3d, 0x3d, 0x36, 0x3d];
const CLONE_SUFFIX_START = [0x5a, 0xf4];
const MAX_SLOT_PROXY_SIZE = 6 * 1024;
const SAFE_MASTERCOPY_SELECTOR = 0xa619486e; // masterCopy()

function startsWith(code: Uint8Array, at: number, bytes: readonly number[]): boolean {
  if (at + bytes.length > code.length) return false;
  for (let i = 0; i < bytes.length; i++) if (code[at + i] !== bytes[i]) return false;
  return true;
}

function address(code: Uint8Array, from: number, size: number): `0x${string}` {
  return `0x${'00'.repeat(20 - size)}${bytesToHex(code, from, from + size)}`;
}

export function detectProxy(code: Uint8Array, codeEnd = codeLengthWithoutMetadata(code)): ProxyInfo {
  if (code.length === 23 && code[0] === 0xef && code[1] === 0x01 && code[2] === 0x00) {
    return { kind: 'eip7702', implementation: address(code, 3, 20) };
  }
  if (code.length <= 64 && startsWith(code, 0, CLONE_PREFIX)) {
    const size = pushSize(code[CLONE_PREFIX.length] ?? 0);
    const after = CLONE_PREFIX.length + 1 + size;
    if (size >= 1 && size <= 20 && startsWith(code, after, CLONE_SUFFIX_START)) {
      return { kind: 'eip1167', implementation: address(code, CLONE_PREFIX.length + 1, size) };
    }
  }
  let hasDelegatecall = false;
  let hasCalldatacopy = false;
  let hasSafeSelector = false;
  let slot: { kind: ProxyKind; hex: string } | undefined;
  for (let pc = 0; pc < codeEnd; pc++) {
    const op = code[pc]!;
    if (op === OP.DELEGATECALL) hasDelegatecall = true;
    else if (op === OP.CALLDATACOPY) hasCalldatacopy = true;
    else if (op === OP.PUSH32 && pc + 32 < codeEnd + 1) {
      const hex = bytesToHex(code, pc + 1, pc + 33);
      const kind = SLOT_KINDS.get(hex);
      if (kind && !slot) slot = { kind, hex };
    } else if (op === OP.PUSH4 && pc + 4 < codeEnd) {
      const v = ((code[pc + 1]! << 24) | (code[pc + 2]! << 16) | (code[pc + 3]! << 8) | code[pc + 4]!) >>> 0;
      if (v === SAFE_MASTERCOPY_SELECTOR) hasSafeSelector = true;
    }
    pc += pushSize(op);
  }
  // UUPS implementations also name the EIP-1967 slot (to upgrade themselves), so a slot alone does
  // not make a proxy: a proxy is small and forwards with DELEGATECALL.
  if (slot && hasDelegatecall && codeEnd < MAX_SLOT_PROXY_SIZE) {
    return { kind: slot.kind, implementationSlot: `0x${slot.hex}` };
  }
  if (hasDelegatecall && hasSafeSelector && codeEnd < 400) return { kind: 'safe', implementationSlot: SLOT_ZERO };
  if (hasDelegatecall && hasCalldatacopy && codeEnd < 256) return { kind: 'delegating' };
  return { kind: 'none' };
}
