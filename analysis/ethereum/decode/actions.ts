// What a request does, in one vocabulary shared by every decoder: each decoder (calldata, permits,
// marketplace orders, messages, chains) turns its kind of request into these actions, and the rules
// judge actions, never raw bytes. Same idea as Revoke.cash's extension: many decoders, one shape.
import type { Address, Hex } from 'viem';
import type { DecodedCall, KnownFunction } from './abis';
import type { SiweMessage } from 'viem/siwe';
import type { PermissionGrant } from '../normalize/permissions';
import type { UnreadableField } from '../normalize/typed-message';

export type ApprovalStandard =
  | 'approve' // ERC-20 approve or ERC-721 approve: same selector, told apart by token metadata
  | 'increaseAllowance'
  | 'setApprovalForAll'
  | 'permit' // EIP-2612
  | 'dai-permit'
  | 'permit2-approve'
  | 'permit2-single'
  | 'permit2-batch'
  /** Permit2 signature transfers: a one-time pull of up to `amount`, no standing allowance. */
  | 'permit2-transfer';

export interface ApprovalAction {
  kind: 'approval';
  standard: ApprovalStandard;
  token: Address;
  spender: Address;
  /** Token amount; undefined for setApprovalForAll / DAI permit (all or nothing). */
  amount?: bigint;
  /** True when the approval grants everything (max amount, setApprovalForAll true, DAI allowed). */
  unlimited: boolean;
  /** True for setApprovalForAll(false), approve(0) and DAI permit allowed=false. */
  revokes: boolean;
  /** Seconds since epoch after which the approval or the signature stops working, if any. */
  expiresAt?: bigint;
  /** An off-chain signature rather than a transaction. */
  signature: boolean;
  /** The amount could not be read the way the wallet signs it, so it is taken as unlimited. */
  amountUnreadable?: boolean;
  /** Where in the request it was found, e.g. "call 2 › multicall 1". */
  where: string;
}

export type AssetKind = 'native' | 'erc20' | 'erc721' | 'erc1155' | 'token';

export interface TransferAction {
  kind: 'transfer';
  asset: AssetKind;
  /** Undefined for the native coin. */
  token?: Address;
  /** Undefined when it is the signer. */
  from?: Address;
  to: Address;
  amount?: bigint;
  tokenId?: bigint;
  where: string;
}

export interface CallAction {
  kind: 'call';
  to?: Address;
  value: bigint;
  data: Hex;
  selector?: Hex;
  /** e.g. `swapExactTokensForTokens(uint256,uint256,address[],address,uint256)`, when recognised. */
  signature?: string;
  functionName?: string;
  /** The ABI family that recognised it, e.g. "Uniswap V2 router". */
  family?: string;
  /** The function the selector names, when one of the families knows it (even if its arguments do not decode). */
  function?: KnownFunction;
  /** The function's arguments, typed by its family's ABI, when they decode. */
  decoded?: DecodedCall;
  /** True when the function name is one drainer kits use to look harmless ("claim", "SecurityUpdate"). */
  scamName?: boolean;
  /** 0 for the top-level call, more for calls nested in multicall/batch wrappers. */
  depth: number;
  /** A Safe transaction with operation 1: the callee's code runs as the Safe itself, with all its power. */
  delegatecall?: boolean;
  where: string;
}

/** A swap or other protocol action whose output goes to `recipient`. */
export interface PayoutAction {
  kind: 'payout';
  protocol: string;
  recipient: Address;
  where: string;
}

/**
 * A swap that buys a token for the signer (a router call whose output token it names): the token the
 * user will hold, whose own code decides whether they can sell it again (rules/token-code.ts).
 */
export interface BuyAction {
  kind: 'buy';
  token: Address;
  protocol: string;
  where: string;
}

export interface OrderItem {
  asset: AssetKind;
  token?: Address;
  amount: bigint;
  tokenId?: bigint;
  /** Whole collection (criteria-based) rather than one token id. */
  anyTokenId?: boolean;
}

export interface OrderAction {
  kind: 'order';
  market: 'Seaport' | 'Blur' | 'LooksRare' | '0x' | '1inch' | 'UniswapX' | 'CoW Protocol';
  verifyingContract?: Address;
  signer?: Address;
  /** What the signer gives. */
  gives: OrderItem[];
  /** What comes back to the signer. */
  receives: OrderItem[];
  /**
   * What the order pays to other addresses (fees, royalties, or an attacker). `forwarded`: the order
   * pays the signer's proceeds to this contract for the order's own extension to pass on (1inch
   * Fusion's settlement); counted as the signer's when the contract is a known one.
   */
  paysOthers: Array<OrderItem & { recipient: Address; forwarded?: boolean }>;
  /** Bulk signatures over a Merkle root: the orders themselves are not shown. */
  blind?: boolean;
  endTime?: bigint;
  /** Only this address may fill the order. */
  taker?: Address;
  where: string;
}

/** The kinds of control a call can hand over (see analysis/ethereum/rules/control.ts for how each is judged). */
export type ControlPower =
  /** Ownable `transferOwnership`, Wyvern's `transferProxyOwnership`, an ENS name's registry owner. */
  | 'ownership'
  /** Ownable `renounceOwnership`: nobody will be owner. */
  | 'renounce-ownership'
  /** Ownable2Step `acceptOwnership` / `acceptDefaultAdminTransfer`: the caller becomes owner or admin. */
  | 'accept-ownership'
  /** EIP-1967 `changeAdmin`, ProxyAdmin `changeProxyAdmin`: who may upgrade a proxy. */
  | 'proxy-admin'
  /** EIP-1967/UUPS/beacon `upgradeTo(AndCall)`, ProxyAdmin `upgrade(AndCall)`: new code behind a proxy. */
  | 'upgrade'
  /** AccessControl `grantRole`, and `beginDefaultAdminTransfer` (role 0x00). */
  | 'role'
  /** AccessControl `renounceRole`: the caller gives a role up. */
  | 'renounce-role'
  /** Safe `addOwnerWithThreshold`. */
  | 'safe-add-owner'
  /** Safe `removeOwner`. */
  | 'safe-remove-owner'
  /** Safe `swapOwner`. */
  | 'safe-swap-owner'
  /** Safe `changeThreshold`. */
  | 'safe-threshold'
  /** Safe `enableModule`: a contract that can move everything without the owners' signatures. */
  | 'safe-module'
  /** Safe `setGuard` / `setModuleGuard`: a contract that can block every transaction. */
  | 'safe-guard'
  /** Safe `setFallbackHandler`: a contract that answers the calls the Safe does not know. */
  | 'safe-fallback'
  /** A Safe transaction that delegatecalls a contract other than Safe's own libraries. */
  | 'safe-delegatecall'
  /** ENS registrar `reclaim`: who manages a name's records (the NFT holder can reclaim it). */
  | 'ens-manager';

export interface ControlAction {
  kind: 'control';
  power: ControlPower;
  /** The contract (or account) whose control changes: the Ownable contract, the proxy, the Safe. */
  subject: Address;
  /** Who receives the power: the new owner, admin, implementation, module, role holder. Undefined when nobody does. */
  grantee?: Address;
  /** The account the power is taken from (Safe `removeOwner`/`swapOwner`). */
  removed?: Address;
  /** The account making the change: the signer, or the Safe / smart account it acts through. */
  by?: Address;
  /** Safe threshold after the change. */
  threshold?: bigint;
  /** AccessControl role id. */
  role?: Hex;
  /** ENS node or token id, for names. */
  name?: Hex;
  /** `upgradeToAndCall`-style: the new code is run at once with this call data. */
  initData?: Hex;
  /** A batch the account would run (Safe MultiSend) that the firewall could not read to its end. */
  unreadable?: boolean;
  /** The function that makes the change, e.g. `transferOwnership(address)`. */
  signature: string;
  where: string;
}

export interface AuthorizationAction {
  kind: 'authorization';
  chainId: number;
  delegate: Address;
  nonce?: bigint;
  where: string;
}

export interface MessageAction {
  kind: 'message';
  method: 'eth_sign' | 'personal_sign';
  bytes: Hex;
  /** UTF-8 text, when the bytes are readable text. */
  text?: string;
  /** 32 bytes that read as nothing else: a digest to be signed blindly. */
  looksLikeHash: boolean;
  /** The bytes parse as a signed or unsigned Ethereum transaction. */
  transactionType?: string;
  siwe?: Partial<SiweMessage>;
  /** The text claims to be a SIWE message but does not parse as one. */
  siweMalformed?: boolean;
}

export interface TypedDataAction {
  kind: 'typed-data';
  primaryType: string;
  domainName?: string;
  domainChainId?: number;
  verifyingContract?: Address;
  /** True when a specific decoder (permit, order…) understood it. */
  recognised: boolean;
  hashError?: string;
  /** Fields a decoder needed and could not read the way the wallet signs them (it assumed the worst). */
  unreadable?: UnreadableField[];
}

/** ERC-7715: the site asks for a standing permission to spend from the account. */
export interface PermissionAction extends PermissionGrant {
  kind: 'permission';
  method: string;
  chainId?: number;
  where: string;
}

export interface AddChainAction {
  kind: 'add-chain';
  chainId: number;
  chainName?: string;
  rpcUrls: string[];
  explorerUrls: string[];
  nativeSymbol?: string;
}

export interface SwitchChainAction {
  kind: 'switch-chain';
  chainId: number;
}

export type Action =
  | ApprovalAction
  | TransferAction
  | CallAction
  | PayoutAction
  | BuyAction
  | ControlAction
  | OrderAction
  | AuthorizationAction
  | MessageAction
  | TypedDataAction
  | AddChainAction
  | SwitchChainAction
  | PermissionAction;

export type ActionOf<K extends Action['kind']> = Extract<Action, { kind: K }>;

/** A token the request makes the signer hold or lets someone spend: its own code decides what its owner can do to them. */
export interface TokenExposure {
  token: Address;
  how: 'approve' | 'buy';
  /** The approval, when it is one (an NFT's approvals are judged apart). */
  approval?: ApprovalAction;
}

/** Tokens approved (not revoked), bought by a swap, or received by the signer's own order, in request order. */
export function tokenExposures(actions: readonly Action[]): TokenExposure[] {
  const out: TokenExposure[] = [];
  for (const a of actions) {
    if (a.kind === 'approval' && !a.revokes) out.push({ token: a.token, how: 'approve', approval: a });
    else if (a.kind === 'buy') out.push({ token: a.token, how: 'buy' });
    else if (a.kind === 'order') for (const r of a.receives) if (r.token && (r.asset === 'erc20' || r.asset === 'token')) out.push({ token: r.token, how: 'buy' });
  }
  return out;
}

export const MAX_UINT256 = (1n << 256n) - 1n;
export const MAX_UINT160 = (1n << 160n) - 1n;

/** Amounts this close to the type's maximum are "unlimited" in practice (dapps use 2^256-1, 2^160-1, 2^255…). */
export function isUnlimitedAmount(amount: bigint): boolean {
  return amount >= 1n << 120n;
}
