// Uniswap's Universal Router packs a program into `execute(commands, inputs)`: one byte per command,
// one ABI-encoded input per command. Only the commands that move the signer's assets or choose who
// receives the output are decoded; the rest are named.
import { decodeAbiParameters, getAddress, parseAbiParameters, type Address, type Hex } from 'viem';
import { isUnlimitedAmount, type Action } from './actions';

const PERMIT_SINGLE = parseAbiParameters(
  '((address token, uint160 amount, uint48 expiration, uint48 nonce) details, address spender, uint256 sigDeadline) permit, bytes signature',
);
const PERMIT_BATCH = parseAbiParameters(
  '((address token, uint160 amount, uint48 expiration, uint48 nonce)[] details, address spender, uint256 sigDeadline) permit, bytes signature',
);
const RECIPIENT_FIRST = parseAbiParameters('address recipient');
// The swap commands' inputs, as the router's Dispatcher.sol reads them: (recipient, amount, amount, path, payerIsUser).
const V3_SWAP = parseAbiParameters('address recipient, uint256 amount, uint256 limit, bytes path, bool payerIsUser');
const V2_SWAP = parseAbiParameters('address recipient, uint256 amount, uint256 limit, address[] path, bool payerIsUser');
const TOKEN_RECIPIENT = parseAbiParameters('address token, address recipient');

const COMMAND_NAMES: Record<number, string> = {
  0x00: 'V3_SWAP_EXACT_IN',
  0x01: 'V3_SWAP_EXACT_OUT',
  0x02: 'PERMIT2_TRANSFER_FROM',
  0x03: 'PERMIT2_PERMIT_BATCH',
  0x04: 'SWEEP',
  0x05: 'TRANSFER',
  0x06: 'PAY_PORTION',
  0x08: 'V2_SWAP_EXACT_IN',
  0x09: 'V2_SWAP_EXACT_OUT',
  0x0a: 'PERMIT2_PERMIT',
  0x0b: 'WRAP_ETH',
  0x0c: 'UNWRAP_WETH',
  0x0d: 'PERMIT2_TRANSFER_FROM_BATCH',
  0x10: 'V4_SWAP',
  0x11: 'V3_POSITION_MANAGER_PERMIT',
  0x12: 'V3_POSITION_MANAGER_CALL',
  0x13: 'V4_INITIALIZE_POOL',
  0x14: 'V4_POSITION_MANAGER_CALL',
  0x21: 'EXECUTE_SUB_PLAN',
};

/** Commands whose first parameter is where the output goes. */
const PAYOUT_RECIPIENT_FIRST = new Set([0x00, 0x01, 0x08, 0x09, 0x0b, 0x0c]);

/** The router's sentinel recipients: 1 = the caller, 2 = the router itself (kept for a later command). */
export function isRouterSentinel(address: Address): boolean {
  const n = BigInt(address);
  return n === 1n || n === 2n;
}

export function decodeUniversalRouter(commands: Hex, inputs: readonly Hex[], where: string): { actions: Action[]; names: string[] } {
  const actions: Action[] = [];
  const names: string[] = [];
  const bytes = commands.slice(2).match(/../g) ?? [];
  bytes.forEach((b, i) => {
    const command = parseInt(b, 16) & 0x3f;
    const name = COMMAND_NAMES[command] ?? `command 0x${command.toString(16)}`;
    names.push(name);
    const input = inputs[i];
    if (input === undefined) return;
    const at = `${where} › ${name}`;
    try {
      const token = boughtToken(command, input);
      if (token) actions.push({ kind: 'buy', protocol: 'Uniswap Universal Router', token, where: at });
      if (PAYOUT_RECIPIENT_FIRST.has(command)) {
        const [recipient] = decodeAbiParameters(RECIPIENT_FIRST, input);
        if (!isRouterSentinel(recipient)) actions.push({ kind: 'payout', protocol: 'Uniswap Universal Router', recipient, where: at });
      } else if (command === 0x04) {
        const [, recipient] = decodeAbiParameters(TOKEN_RECIPIENT, input);
        if (!isRouterSentinel(recipient)) actions.push({ kind: 'payout', protocol: 'Uniswap Universal Router', recipient, where: at });
      } else if (command === 0x0a) {
        const [permit] = decodeAbiParameters(PERMIT_SINGLE, input);
        actions.push(permit2Approval(permit.details.token, permit.spender, permit.details.amount, permit.details.expiration, at));
      } else if (command === 0x03) {
        const [permit] = decodeAbiParameters(PERMIT_BATCH, input);
        for (const d of permit.details) actions.push(permit2Approval(d.token, permit.spender, d.amount, d.expiration, at));
      }
    } catch {
      // An input that does not decode makes the router revert; nothing to judge beyond the name.
    }
  });
  return { actions, names };
}

/**
 * The output token of a V3 path (token, fee, token, fee, …, token: 20 + 3 + 20 … bytes). Uniswap's
 * ISwapRouter: exactInput swaps "along the specified path", exactOutput "along the specified path
 * (reversed)", so the output is the last token for one and the first for the other.
 */
export function v3PathOutput(path: Hex, reversed: boolean): Address | undefined {
  const hex = path.slice(2);
  if (hex.length < 40 || (hex.length - 40) % 46 !== 0) return undefined;
  return getAddress(`0x${reversed ? hex.slice(0, 40) : hex.slice(-40)}`);
}

/** What a swap command buys, whoever receives it (the router's sentinel 1 is the signer itself). */
function boughtToken(command: number, input: Hex): Address | undefined {
  try {
    if (command === 0x00 || command === 0x01) return v3PathOutput(decodeAbiParameters(V3_SWAP, input)[3], command === 0x01);
    if (command === 0x08 || command === 0x09) return decodeAbiParameters(V2_SWAP, input)[3].at(-1);
  } catch {
    // A path that does not decode makes the router revert: nothing is bought.
  }
  return undefined;
}

function permit2Approval(token: Address, spender: Address, amount: bigint, expiration: number, where: string): Action {
  return {
    kind: 'approval',
    standard: 'permit2-single',
    token,
    spender,
    amount,
    unlimited: isUnlimitedAmount(amount),
    revokes: amount === 0n,
    expiresAt: BigInt(expiration),
    signature: false,
    where,
  };
}
