// Chain reads the background makes through the wallet's own connection, when no node of its own
// answers: relayed to the guard, which asks the wallet the request was made to and answers here.
import type { BridgeToGuard, WalletReadAnswer } from '../../lib/messages';

/** A wallet that does not answer a read in this time is taken as not answering. */
const READ_WAIT_MS = 4000;

export interface WalletReads {
  /** Asks the guard to read through the wallet of request `guardId`. */
  read(guardId: string, method: string, params: unknown[]): Promise<WalletReadAnswer>;
  /** The guard's answer to a read. */
  answered(id: string, answer: WalletReadAnswer): void;
}

export function createWalletReads(toGuard: (message: BridgeToGuard) => void): WalletReads {
  const waiting = new Map<string, (answer: WalletReadAnswer) => void>();
  return {
    read(guardId, method, params) {
      const id = crypto.randomUUID().replaceAll('-', '');
      return new Promise((resolve) => {
        const timer = setTimeout(() => finish({ error: 'the wallet did not answer in time', unreachable: true }), READ_WAIT_MS);
        const finish = (answer: WalletReadAnswer) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(answer);
        };
        waiting.set(id, finish);
        toGuard({ kind: 'read', id, guardId, method, params });
      });
    },
    answered(id, answer) {
      waiting.get(id)?.(answer);
    },
  };
}
