import { ErrorCtor, defineProperty } from './pristine';

/** An EIP-1193 provider error, shaped as wallets throw them so viem and ethers map it as usual. */
export function providerError(code: number, message: string): Error & { code: number } {
  const error = new ErrorCtor(message) as Error & { code: number };
  defineProperty(error, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  return error;
}

export const USER_REJECTED = 4001;
export const INVALID_PARAMS = -32602;

export function userRejected(reason?: string): Error & { code: number } {
  return providerError(USER_REJECTED, reason ? `User rejected the request. ${reason}` : 'User rejected the request.');
}
