// What a Solana wallet is asked, read into one shape: the Wallet Standard features (`solana:*`, each
// given one input or several) and the method names of injected providers (window.solana and the like,
// whose `request` carries `{ transaction }` or a base58 `{ message }`). The request is the page's and
// untrusted: what does not fit is an error the analysis turns into a finding.

export type SolanaMethodKind = 'sign-transaction' | 'sign-and-send' | 'sign-message' | 'sign-in';

/**
 * Wallet Standard feature names (@solana/wallet-standard-features: SolanaSignTransaction,
 * SolanaSignAndSendTransaction, SolanaSignMessage, SolanaSignIn), then the methods of injected providers.
 */
export const SOLANA_METHODS: Readonly<Record<string, SolanaMethodKind>> = {
  'solana:signTransaction': 'sign-transaction',
  'solana:signAndSendTransaction': 'sign-and-send',
  'solana:signMessage': 'sign-message',
  'solana:signIn': 'sign-in',
  signTransaction: 'sign-transaction',
  signAllTransactions: 'sign-transaction',
  signAndSendTransaction: 'sign-and-send',
  signAndSendAllTransactions: 'sign-and-send',
  signMessage: 'sign-message',
  signIn: 'sign-in',
};

/** One thing to sign, with the account and chain its input names, when it names them. */
export interface SignItem {
  value: unknown;
  account?: string;
  chain?: string;
}

/** The Sign-In With Solana input (the `solana:signIn` feature's SolanaSignInInput); every field optional. */
export interface SignInInput {
  domain?: string;
  address?: string;
  statement?: string;
  uri?: string;
  version?: string;
  chainId?: string;
  nonce?: string;
  issuedAt?: string;
  expirationTime?: string;
  notBefore?: string;
  requestId?: string;
  resources?: string[];
}

export type NormalizedSolanaRequest =
  | { kind: 'transactions'; send: boolean; items: SignItem[] }
  | { kind: 'message'; items: SignItem[] }
  | { kind: 'sign-in'; inputs: SignInInput[] };

export type ReadResult = { request: NormalizedSolanaRequest; error?: undefined } | { request?: undefined; error: string };

/** More inputs than this in one call are not read (a batch of transactions is a handful). */
export const MAX_ITEMS = 32;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer);

function accountOf(input: Record<string, unknown>): string | undefined {
  const account = input.account;
  if (typeof account === 'string') return account;
  if (isObject(account) && typeof account.address === 'string') return account.address;
  return undefined;
}

/** The inputs of a call: one, or a list of them. A list of numbers is bytes, not a list of inputs. */
function inputsOf(params: unknown): unknown[] {
  if (Array.isArray(params) && !params.every((p) => typeof p === 'number')) return params;
  return [params];
}

function itemsOf(params: unknown, fields: readonly string[]): SignItem[] | string {
  const inputs = inputsOf(params);
  if (inputs.length === 0) return 'the request carries nothing to sign';
  if (inputs.length > MAX_ITEMS) return `the request carries ${inputs.length} items to sign, more than the ${MAX_ITEMS} the firewall reads`;
  const items: SignItem[] = [];
  for (const input of inputs) {
    if (isObject(input) && typeof input.serialize !== 'function' && !('type' in input && input.type === 'Buffer')) {
      const field = fields.find((f) => input[f] !== undefined);
      // A plain object without a known field may be a Uint8Array after a JSON snapshot ({"0":…}).
      if (!field) {
        if ('0' in input) items.push({ value: input });
        else return `the input has none of the fields ${fields.join(', ')}`;
        continue;
      }
      items.push({ value: input[field], account: accountOf(input), ...(typeof input.chain === 'string' ? { chain: input.chain } : {}) });
    } else items.push({ value: input });
  }
  return items;
}

const SIGN_IN_STRINGS = ['domain', 'address', 'statement', 'uri', 'version', 'chainId', 'nonce', 'issuedAt', 'expirationTime', 'notBefore', 'requestId'] as const;

function signInOf(value: unknown): SignInInput | string {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) return 'the sign-in input is not an object';
  const input: SignInInput = {};
  for (const key of SIGN_IN_STRINGS) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') return `the sign-in field "${key}" is not text`;
    if (v.length > 4_096) return `the sign-in field "${key}" is ${v.length} characters long`;
    input[key] = v;
  }
  if (value.resources !== undefined) {
    if (!Array.isArray(value.resources) || !value.resources.every((r) => typeof r === 'string')) return 'the sign-in field "resources" is not a list of text';
    input.resources = value.resources as string[];
  }
  return input;
}

export function readSolanaRequest(request: unknown): ReadResult {
  if (!isObject(request) || typeof request.method !== 'string') return { error: 'the request has no method' };
  const kind = SOLANA_METHODS[request.method];
  if (!kind) return { error: `"${request.method.slice(0, 80)}" is not a Solana signing method the firewall reads` };
  const params = request.params;
  if (kind === 'sign-in') {
    const inputs = Array.isArray(params) ? (params.length === 0 ? [undefined] : params) : [params];
    if (inputs.length > MAX_ITEMS) return { error: `the request carries ${inputs.length} sign-in inputs` };
    const read = inputs.map(signInOf);
    const bad = read.find((r): r is string => typeof r === 'string');
    return bad ? { error: bad } : { request: { kind, inputs: read as SignInInput[] } };
  }
  if (params === undefined || params === null) return { error: 'the request carries nothing to sign' };
  if (kind === 'sign-message') {
    const items = itemsOf(params, ['message']);
    return typeof items === 'string' ? { error: items } : { request: { kind: 'message', items } };
  }
  // Injected providers' `request` names the transaction `transaction` or gives its message, base58, as `message`.
  const items = itemsOf(params, ['transaction', 'message']);
  return typeof items === 'string' ? { error: items } : { request: { kind: 'transactions', send: kind === 'sign-and-send', items } };
}
