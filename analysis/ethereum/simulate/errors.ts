// Reading what went wrong: revert data into plain words, and RPC failures into "the node cannot do
// this" (try another way) versus "the node did not answer" (give up, do not guess).
import { decodeErrorResult, type Hex } from 'viem';

/** Error(string) and Panic(uint256) decode without an ABI; a custom error is shown by its selector. */
export function revertReason(data: Hex | undefined): string {
  if (!data || data === '0x') return 'it stops without giving a reason';
  try {
    const decoded = decodeErrorResult({ abi: [], data });
    if (decoded.errorName === 'Error') return `"${String(decoded.args?.[0] ?? '')}"`;
    if (decoded.errorName === 'Panic') return `a panic in the contract (code ${String(decoded.args?.[0] ?? '?')}, e.g. an arithmetic overflow or division by zero)`;
  } catch {
    // not a standard error
  }
  return data.length >= 10 ? `a custom error of the contract (selector ${data.slice(0, 10)})` : `unreadable revert data ${data}`;
}

const UNSUPPORTED_CODES = new Set([-32601, -32004]);
const UNSUPPORTED_TEXT = /method.*(not found|not supported|not available|does not exist|is not enabled|unsupported)|unknown method|not implemented|unsupported method/i;

/** The node answered, and the answer is that it does not offer the method. */
export function isUnsupportedMethod(error: unknown): boolean {
  return walk(error).some((e) => (typeof e.code === 'number' && UNSUPPORTED_CODES.has(e.code)) || UNSUPPORTED_TEXT.test(`${e.details ?? ''} ${e.message ?? ''}`));
}

/** No answer at all: the node is down, slow or unreachable. */
export function isTransportError(error: unknown): boolean {
  return walk(error).some((e) => /HttpRequestError|TimeoutError|WebSocketRequestError/.test(e.name ?? ''));
}

/** Revert data carried by an eth_call error (JSON-RPC error `data`, or viem's RawContractError). */
export function revertDataOf(error: unknown): Hex | undefined {
  for (const e of walk(error)) {
    const d = e.data as unknown;
    if (typeof d === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(d)) return d as Hex;
    if (d && typeof d === 'object' && typeof (d as { data?: unknown }).data === 'string') return (d as { data: Hex }).data;
  }
  return undefined;
}

export function shortMessage(error: unknown): string {
  const e = error as { shortMessage?: string; details?: string; message?: string };
  const text = e?.details ?? e?.shortMessage ?? e?.message ?? String(error);
  return text.split('\n')[0]!.slice(0, 160);
}

interface ErrorLike {
  name?: string;
  code?: unknown;
  data?: unknown;
  details?: string;
  message?: string;
  cause?: unknown;
}

function walk(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e = error as ErrorLike | undefined;
  for (let i = 0; e && typeof e === 'object' && i < 8; i++) {
    out.push(e);
    e = e.cause as ErrorLike | undefined;
  }
  return out;
}
