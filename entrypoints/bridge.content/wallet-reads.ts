// Chain reads the background makes through the wallet's own connection, when no node of its own
// answers: relayed to the guard, which asks the wallet the request was made to and answers here.
import type { BridgeToGuard, WalletReadAnswer } from '../../common/messages';
import { TIME_BUDGET } from '../../common/time-budget';
import { withTimeout } from '../../common/timeout';

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
      const answer = new Promise<WalletReadAnswer>((resolve) => waiting.set(id, resolve));
      toGuard({ kind: 'read', id, guardId, method, params });
      // A wallet that does not answer in this time is taken as not answering.
      return withTimeout(answer, TIME_BUDGET.walletReadWaitMs)
        .catch((): WalletReadAnswer => ({ error: 'the wallet did not answer in time', unreachable: true }))
        .finally(() => waiting.delete(id));
    },
    answered(id, answer) {
      waiting.get(id)?.(answer);
    },
  };
}
