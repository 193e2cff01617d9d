// The shape every calldata decoder shares. A family names its functions in a const ABI, so viem infers
// each function's argument types, and turns one decoded call into actions through the scope it is
// given; the aggregate (calldata.ts) picks the family by selector and follows nested calls.
import { decodeFunctionData, type Abi, type AbiFunction, type Address, type DecodeFunctionDataReturnType, type Hex } from 'viem';
import type { Action, CallAction, ControlAction } from './actions';

export const MAX_NESTING = 4;
export const MAX_NESTED_CALLS = 128;

export interface CallInput {
  to?: Address;
  value: bigint;
  data: Hex;
  /** Runs the callee's code as the calling account (a Safe transaction with operation 1). */
  delegatecall?: boolean;
}

export interface SafeTransaction {
  to: Address;
  value: bigint;
  data: Hex;
  /** 0 call, 1 delegatecall. */
  operation: number;
}

export type ControlChange = Omit<ControlAction, 'kind' | 'signature' | 'where' | 'by'>;

/** What a family's interpreter sees of the call it decoded and may do with it. */
export interface CallScope {
  /** The contract called. */
  to: Address;
  /** The action already recorded for this call; a family may add to its signature. */
  call: CallAction;
  where: string;
  /** The account the call comes from: the signer, or the Safe / smart account it acts through. */
  account?: Address;
  /** The call runs as the signer (not inside Multicall3): only then are its transfers and approvals the signer's. */
  mine: boolean;
  push(action: Action): void;
  /** A change of control made by the account; dropped when the call does not run as the signer. */
  control(change: ControlChange): void;
  /** `from`, or undefined when it is the signer (a transfer from the signer is the signer's own). */
  fromOther(from: Address): Address | undefined;
  /** Decodes the calls this one makes. `account` defaults to the caller's (calls a contract makes into itself). */
  nested(calls: CallInput[], how: { actsAsSigner: boolean; label: string; account?: Address }): void;
  /** Follows a Safe transaction run by `safe`. */
  safeTransaction(safe: Address, tx: SafeTransaction): void;
}

/** One call decoded by a family: its name, typed arguments and the family that read it. */
export type DecodedCallOf<name extends string, abi extends Abi> = { family: name } & DecodeFunctionDataReturnType<abi>;

export interface CallFamily<name extends string = string, abi extends Abi = Abi> {
  readonly name: name;
  readonly abi: abi;
  readonly functions: readonly AbiFunction[];
  /** Decodes `data` with this family's ABI; undefined when its arguments do not decode. */
  decode(data: Hex): { call: DecodedCallOf<name, abi>; interpret(scope: CallScope): void } | undefined;
}

export function callFamily<const name extends string, const abi extends Abi>(
  name: name,
  abi: abi,
  interpret: (call: DecodedCallOf<name, abi>, scope: CallScope) => void,
): CallFamily<name, abi> {
  return {
    name,
    abi,
    functions: abi.filter((item): item is AbiFunction => item.type === 'function'),
    decode(data) {
      let decoded: DecodeFunctionDataReturnType<abi>;
      try {
        decoded = decodeFunctionData({ abi, data } as Parameters<typeof decodeFunctionData>[0]) as DecodeFunctionDataReturnType<abi>;
      } catch {
        return undefined;
      }
      const call = { family: name, ...decoded } as DecodedCallOf<name, abi>;
      return { call, interpret: (scope) => interpret(call, scope) };
    },
  };
}
