// What the bytes of a `signMessage` are: readable text, or — the blind-signing trap — a serialized
// transaction or transaction message, given as bytes or as base58/base64 text. A wallet shows such
// bytes as gibberish or as hex, and the signature is valid for the transaction itself.
import { stringReadings } from '../normalize/bytes';
import { readMessage, readWireTransaction } from './transaction';

export interface MessageReading {
  length: number;
  /** The message as text, when it is valid UTF-8 with no control characters but line breaks and tabs. */
  text?: string;
  /** When the bytes (or the text, decoded) are a transaction or a transaction message. */
  transaction?: { form: 'transaction' | 'transaction message'; version: 'legacy' | 0 | 1; instructions: number; encoding: 'bytes' | 'base58' | 'base64' };
}

/** Control characters other than tab, line feed and carriage return: text that hides part of itself. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

function asTransaction(bytes: Uint8Array, encoding: 'bytes' | 'base58' | 'base64'): MessageReading['transaction'] {
  try {
    const { compiled } = readWireTransaction(bytes);
    return { form: 'transaction', version: compiled.version, instructions: 'instructions' in compiled ? compiled.instructions.length : compiled.numInstructions, encoding };
  } catch {
    // not a whole transaction; maybe the message alone
  }
  try {
    const compiled = readMessage(bytes);
    return { form: 'transaction message', version: compiled.version, instructions: 'instructions' in compiled ? compiled.instructions.length : compiled.numInstructions, encoding };
  } catch {
    return undefined;
  }
}

export function readSignedMessage(bytes: Uint8Array): MessageReading {
  let text: string | undefined;
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!hasControl(decoded)) text = decoded;
  } catch {
    text = undefined;
  }
  const transaction = asTransaction(bytes, 'bytes') ?? (text !== undefined ? stringReadings(text.trim()).map((r) => asTransaction(r.bytes, r.encoding)).find((t) => t !== undefined) : undefined);
  return { length: bytes.length, ...(text !== undefined ? { text } : {}), ...(transaction ? { transaction } : {}) };
}
