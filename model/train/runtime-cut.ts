// Cuts creation (init) code down to the runtime code its constructor deploys. Some data sets store the
// creation code of a contract instead of its deployed code; the model only ever sees deployed code.
//
// How: solc constructors end with `PUSH size … PUSH offset … CODECOPY … RETURN` and the runtime sits
// right after that RETURN, behind an INVALID (0xfe, since 0.5) or STOP (0x00, older solc). So we walk the
// instructions, and at each CODECOPY look at the values pushed just before it: an offset is accepted only
// when the two bytes before it are `f3 fe` or `f3 00` on an instruction boundary, and the size is the
// largest other pushed value that fits in the code. Constructor arguments that follow the runtime (and
// its metadata) are therefore left out. The CODECOPY that copies constructor arguments points past the
// code's own end and fails the test.
import { bytesToHex, hexToBytes, OP, pushSize } from '../../analysis/ethereum/evm.ts';

/** The 45-byte EIP-1167 minimal proxy: it only delegates, so it carries nothing to learn from. */
export function isMinimalProxy(hex: string): boolean {
  const h = hex.toLowerCase().replace(/^0x/, '');
  return /^363d3d373d3d3d363d73[0-9a-f]{40}5af43d82803e903d91602b57fd5bf3$/.test(h);
}

/** How many instructions before a CODECOPY may push its offset and size (PUSH, DUP1, PUSH, PUSH 0). */
const WINDOW = 6;

/** The runtime part of solc creation code, `0x`-prefixed, or null when no constructor RETURN is found. */
export function runtimeFromCreation(hex: string): string | null {
  const code = hexToBytes(hex, 'creation code');
  const n = code.length;
  // Instruction boundaries first: the RETURN that ends the constructor comes after its CODECOPY.
  const starts = new Set<number>();
  for (let pc = 0; pc < n; pc += 1 + pushSize(code[pc]!)) starts.add(pc);
  const recent: { at: number; value: number }[] = [];
  let best: { offset: number; size: number } | null = null;
  for (let pc = 0, index = 0; pc < n; index++) {
    const op = code[pc]!;
    const size = pushSize(op);
    if (size > 0 && size <= 4) {
      let v = 0;
      for (let i = 1; i <= size; i++) v = v * 256 + (code[pc + i] ?? 0);
      recent.push({ at: index, value: v });
    }
    if (op === OP.CODECOPY) {
      const pushed = recent.filter((r) => index - r.at <= WINDOW).map((r) => r.value);
      for (const offset of pushed) {
        if (offset < 2 || offset >= n || !starts.has(offset - 2)) continue;
        if (code[offset - 2] !== OP.RETURN || (code[offset - 1] !== OP.INVALID && code[offset - 1] !== OP.STOP)) continue;
        const fits = pushed.filter((s) => s !== offset && s > 0 && offset + s <= n);
        if (!fits.length) continue;
        const len = Math.max(...fits);
        if (!best || len > best.size) best = { offset, size: len };
      }
    }
    pc += 1 + size;
  }
  return best ? `0x${bytesToHex(code, best.offset, best.offset + best.size)}` : null;
}
