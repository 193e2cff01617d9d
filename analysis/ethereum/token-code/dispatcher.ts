// The function selectors a contract's dispatcher compares the call's first four bytes with. solc
// (every version and the IR pipeline) and vyper emit `PUSH4 sel` right before `EQ` (or before a DUP
// that feeds it, or XOR in some vyper versions); a PUSH4 used otherwise (a mask, an error selector,
// a binary-search pivot compared with GT/LT) is not a function the contract answers.
import { codeLengthWithoutMetadata, OP, pushSize } from '../evm';

/** Selectors as unsigned 32-bit numbers, read in one pass over the code without its metadata tail. */
export function dispatcherSelectors(code: Uint8Array, codeEnd = codeLengthWithoutMetadata(code)): Set<number> {
  const selectors = new Set<number>();
  let lastPush4 = -1;
  let lastPush4At = -10;
  let lastWasDup = false;
  let instruction = 0;
  for (let pc = 0; pc < codeEnd; pc++) {
    const op = code[pc]!;
    if (op === OP.EQ || op === OP.XOR) {
      if (lastPush4At === instruction - 1 || (lastPush4At === instruction - 2 && lastWasDup)) selectors.add(lastPush4);
    } else if (op === OP.PUSH4 && pc + 4 < codeEnd) {
      lastPush4 = ((code[pc + 1]! << 24) | (code[pc + 2]! << 16) | (code[pc + 3]! << 8) | code[pc + 4]!) >>> 0;
      lastPush4At = instruction;
    }
    lastWasDup = op >= OP.DUP1 && op <= OP.DUP16;
    instruction++;
    pc += pushSize(op);
  }
  return selectors;
}
