// What a message signature really signs. personal_sign shows text to the user, but the bytes may be a
// 32-byte digest (a blind signature over anything) or a serialized transaction.
import { hexToBytes, parseTransaction, type Hex } from 'viem';
import { parseSiweMessage } from 'viem/siwe';
import type { MessageAction } from './actions';

const SIWE_MARKER = 'wants you to sign in with your Ethereum account';

export function decodeMessage(method: 'eth_sign' | 'personal_sign', bytes: Hex): MessageAction {
  const text = readableText(bytes);
  const action: MessageAction = { kind: 'message', method, bytes, text, looksLikeHash: bytes.length === 66 && text === undefined };
  if (text === undefined && bytes.length > 4) {
    try {
      action.transactionType = parseTransaction(bytes).type;
    } catch {
      // not a transaction
    }
  }
  if (text?.includes(SIWE_MARKER)) {
    const siwe = parseSiweMessage(text);
    action.siwe = siwe;
    action.siweMalformed = !siwe.domain || !siwe.address || !siwe.uri || !siwe.version || siwe.chainId === undefined || !siwe.nonce || !siwe.issuedAt;
  }
  return action;
}

/** UTF-8 text with no control characters other than whitespace, or undefined. */
export function readableText(bytes: Hex): string | undefined {
  if (bytes === '0x') return '';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(hexToBytes(bytes));
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? undefined : text;
}

