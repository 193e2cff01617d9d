// One action per instruction: the System, SPL Token, Token-2022 (its instructions shared with SPL
// Token), Associated Token Account and Compute Budget programs are read with their own client
// packages' parsers, which tell an instruction by its program address and discriminator. Any other
// program is an `unknown-program` action; an instruction of a known program that its parser refuses
// is `unreadable-instruction`, never dropped.
import { ComputeBudgetInstruction, identifyComputeBudgetInstruction } from '@solana-program/compute-budget';
import { parseSystemInstruction, SystemInstruction } from '@solana-program/system';
import { AssociatedTokenInstruction, AuthorityType, identifyTokenInstruction, parseAssociatedTokenInstruction, parseTokenInstruction, TokenInstruction } from '@solana-program/token';
import { AccountRole, isSome, type AccountMeta, type Address, type Instruction, type InstructionWithData, type ReadonlyUint8Array } from '@solana/kit';
import { errorText } from '../format';
import { ASSOCIATED_TOKEN_PROGRAM_ADDRESS, COMPUTE_BUDGET_PROGRAM_ADDRESS, PROGRAM_NAMES, SYSTEM_PROGRAM_ADDRESS, TOKEN_2022_PROGRAM_ADDRESS, TOKEN_2022_SHARED_INSTRUCTIONS, TOKEN_PROGRAM_ADDRESS } from '../programs';
import type { AccountRef, SolanaAction, TokenProgramName } from './actions';
import type { DecodedInstruction } from './transaction';

/** The parsers read `AccountMeta`s and hand the same objects back: a map takes them back to our accounts. */
interface Parseable {
  instruction: Instruction<string, readonly AccountMeta[]> & InstructionWithData<ReadonlyUint8Array>;
  ref: (meta: AccountMeta | undefined) => AccountRef;
}

function parseable(ix: DecodedInstruction, program: string): Parseable {
  const refs = new Map<AccountMeta, AccountRef>();
  const accounts = ix.accounts.map((a, i) => {
    // An account not read from its lookup table still needs an address for the parser; it never leaves this function.
    const meta: AccountMeta = { address: (a.address ?? `unknown#${i}`) as Address, role: a.signer ? (a.writable ? AccountRole.WRITABLE_SIGNER : AccountRole.READONLY_SIGNER) : a.writable ? AccountRole.WRITABLE : AccountRole.READONLY };
    refs.set(meta, a.address);
    return meta;
  });
  return { instruction: { programAddress: program as Address, accounts, data: ix.data }, ref: (meta) => (meta ? refs.get(meta) : undefined) };
}

const AUTHORITY: Record<AuthorityType, 'mint-tokens' | 'freeze-account' | 'account-owner' | 'close-account'> = {
  [AuthorityType.MintTokens]: 'mint-tokens',
  [AuthorityType.FreezeAccount]: 'freeze-account',
  [AuthorityType.AccountOwner]: 'account-owner',
  [AuthorityType.CloseAccount]: 'close-account',
};

function systemAction(p: Parseable, index: number, program: string): SolanaAction {
  const parsed = parseSystemInstruction(p.instruction);
  const r = p.ref;
  switch (parsed.instructionType) {
    case SystemInstruction.TransferSol:
      return { index, program, kind: 'sol-transfer', from: r(parsed.accounts.source), to: r(parsed.accounts.destination), lamports: parsed.data.amount };
    case SystemInstruction.TransferSolWithSeed:
      return { index, program, kind: 'sol-transfer', from: r(parsed.accounts.source), to: r(parsed.accounts.destination), lamports: parsed.data.amount, withSeed: true };
    case SystemInstruction.CreateAccount:
      return { index, program, kind: 'create-account', payer: r(parsed.accounts.payer), account: r(parsed.accounts.newAccount), lamports: parsed.data.lamports, space: parsed.data.space, owner: parsed.data.programAddress };
    case SystemInstruction.CreateAccountWithSeed:
      return { index, program, kind: 'create-account', payer: r(parsed.accounts.payer), account: r(parsed.accounts.newAccount), lamports: parsed.data.amount, space: parsed.data.space, owner: parsed.data.programAddress, withSeed: true };
    case SystemInstruction.Assign:
      return { index, program, kind: 'assign', account: r(parsed.accounts.account), owner: parsed.data.programAddress };
    case SystemInstruction.AssignWithSeed:
      return { index, program, kind: 'assign', account: r(parsed.accounts.account), owner: parsed.data.programAddress, withSeed: true };
    case SystemInstruction.Allocate:
      return { index, program, kind: 'allocate', account: r(parsed.accounts.newAccount), space: parsed.data.space };
    case SystemInstruction.AdvanceNonceAccount:
      return { index, program, kind: 'advance-nonce', nonceAccount: r(parsed.accounts.nonceAccount), authority: r(parsed.accounts.nonceAuthority) };
    case SystemInstruction.WithdrawNonceAccount:
      return { index, program, kind: 'withdraw-nonce', nonceAccount: r(parsed.accounts.nonceAccount), to: r(parsed.accounts.recipientAccount), lamports: parsed.data.withdrawAmount, authority: r(parsed.accounts.nonceAuthority) };
    case SystemInstruction.AuthorizeNonceAccount:
      return { index, program, kind: 'authorize-nonce', nonceAccount: r(parsed.accounts.nonceAccount), authority: r(parsed.accounts.nonceAuthority), newAuthority: parsed.data.newNonceAuthority };
    default:
      // InitializeNonceAccount, AllocateWithSeed, UpgradeNonceAccount, CreateAccountAllowPrefund: read, but nothing a rule weighs yet.
      return { index, program, kind: 'unreadable-instruction', programName: PROGRAM_NAMES[program]!, reason: `the ${SystemInstruction[parsed.instructionType]} instruction is not judged yet`, signerPassed: false };
  }
}

/** Token instructions that set up or maintain accounts and move nothing out of the signer's. */
const MAINTENANCE = new Set<TokenInstruction>([
  TokenInstruction.InitializeMint,
  TokenInstruction.InitializeMint2,
  TokenInstruction.InitializeAccount,
  TokenInstruction.InitializeAccount2,
  TokenInstruction.InitializeAccount3,
  TokenInstruction.InitializeMultisig,
  TokenInstruction.InitializeMultisig2,
  TokenInstruction.InitializeImmutableOwner,
  TokenInstruction.SyncNative,
  TokenInstruction.GetAccountDataSize,
  TokenInstruction.AmountToUiAmount,
  TokenInstruction.UiAmountToAmount,
  TokenInstruction.MintTo,
  TokenInstruction.MintToChecked,
  TokenInstruction.FreezeAccount,
  TokenInstruction.ThawAccount,
]);

function tokenAction(p: Parseable, index: number, program: string, token: TokenProgramName): SolanaAction {
  if (token === 'token-2022') {
    const type = identifyTokenInstruction(p.instruction);
    if (type >= TOKEN_2022_SHARED_INSTRUCTIONS) return { index, program, kind: 'unreadable-instruction', programName: PROGRAM_NAMES[program]!, reason: `its extension instruction number ${p.instruction.data[0]} is not read yet (some extensions move tokens)`, signerPassed: false };
  }
  const parsed = parseTokenInstruction(p.instruction);
  const r = p.ref;
  switch (parsed.instructionType) {
    case TokenInstruction.Transfer:
      return { index, program, kind: 'token-transfer', token, checked: false, source: r(parsed.accounts.source), destination: r(parsed.accounts.destination), owner: r(parsed.accounts.authority), amount: parsed.data.amount };
    case TokenInstruction.TransferChecked:
      return { index, program, kind: 'token-transfer', token, checked: true, source: r(parsed.accounts.source), destination: r(parsed.accounts.destination), owner: r(parsed.accounts.authority), amount: parsed.data.amount, mint: r(parsed.accounts.mint), decimals: parsed.data.decimals };
    case TokenInstruction.Approve:
      return { index, program, kind: 'token-approve', token, checked: false, source: r(parsed.accounts.source), delegate: r(parsed.accounts.delegate), owner: r(parsed.accounts.owner), amount: parsed.data.amount };
    case TokenInstruction.ApproveChecked:
      return { index, program, kind: 'token-approve', token, checked: true, source: r(parsed.accounts.source), delegate: r(parsed.accounts.delegate), owner: r(parsed.accounts.owner), amount: parsed.data.amount, mint: r(parsed.accounts.mint), decimals: parsed.data.decimals };
    case TokenInstruction.Revoke:
      return { index, program, kind: 'token-revoke', token, source: r(parsed.accounts.source), owner: r(parsed.accounts.owner) };
    case TokenInstruction.SetAuthority:
      return { index, program, kind: 'token-set-authority', token, account: r(parsed.accounts.owned), owner: r(parsed.accounts.owner), authority: AUTHORITY[parsed.data.authorityType], newAuthority: isSome(parsed.data.newAuthority) ? parsed.data.newAuthority.value : null };
    case TokenInstruction.CloseAccount:
      return { index, program, kind: 'token-close-account', token, account: r(parsed.accounts.account), destination: r(parsed.accounts.destination), owner: r(parsed.accounts.owner) };
    case TokenInstruction.Burn:
      return { index, program, kind: 'token-burn', token, account: r(parsed.accounts.account), owner: r(parsed.accounts.authority), amount: parsed.data.amount, mint: r(parsed.accounts.mint) };
    case TokenInstruction.BurnChecked:
      return { index, program, kind: 'token-burn', token, account: r(parsed.accounts.account), owner: r(parsed.accounts.authority), amount: parsed.data.amount, mint: r(parsed.accounts.mint) };
    default:
      if (MAINTENANCE.has(parsed.instructionType)) return { index, program, kind: 'token-other', token, instruction: TokenInstruction[parsed.instructionType] };
      // Batch (instructions inside), UnwrapLamports and WithdrawExcessLamports (SOL out): not judged yet.
      return { index, program, kind: 'unreadable-instruction', programName: PROGRAM_NAMES[program]!, reason: `its ${TokenInstruction[parsed.instructionType]} instruction is not judged yet`, signerPassed: false };
  }
}

function associatedTokenAction(p: Parseable, index: number, program: string): SolanaAction {
  const parsed = parseAssociatedTokenInstruction(p.instruction);
  if (parsed.instructionType === AssociatedTokenInstruction.RecoverNestedAssociatedToken) {
    return { index, program, kind: 'unreadable-instruction', programName: PROGRAM_NAMES[program]!, reason: 'RecoverNestedAssociatedToken is not judged yet', signerPassed: false };
  }
  return { index, program, kind: 'create-token-account', owner: p.ref(parsed.accounts.owner), mint: p.ref(parsed.accounts.mint), account: p.ref(parsed.accounts.ata) };
}

/** The instruction as an action. `signer` is the account the wallet signs with. */
export function actionOf(ix: DecodedInstruction, index: number, signer: string | undefined): SolanaAction {
  const program = ix.programAddress;
  const signerPassed = ix.accounts.some((a) => a.address !== undefined && a.address === signer) || ix.accounts.some((a) => a.address === undefined);
  if (program === undefined) return { index, program: '(unknown: from an unread lookup table)', kind: 'unknown-program', accounts: ix.accounts.map((a) => a.address), signerPassed, dataLength: ix.data.length };
  const name = PROGRAM_NAMES[program];
  if (!name) return { index, program, kind: 'unknown-program', accounts: ix.accounts.map((a) => a.address), signerPassed, dataLength: ix.data.length };
  try {
    const p = parseable(ix, program);
    if (program === SYSTEM_PROGRAM_ADDRESS) {
      const action = systemAction(p, index, program);
      return action.kind === 'unreadable-instruction' ? { ...action, signerPassed } : action;
    }
    const token: TokenProgramName | undefined = program === TOKEN_PROGRAM_ADDRESS ? 'spl-token' : program === TOKEN_2022_PROGRAM_ADDRESS ? 'token-2022' : undefined;
    if (token) {
      const action = tokenAction(p, index, program, token);
      return action.kind === 'unreadable-instruction' ? { ...action, signerPassed } : action;
    }
    if (program === ASSOCIATED_TOKEN_PROGRAM_ADDRESS) {
      const action = associatedTokenAction(p, index, program);
      return action.kind === 'unreadable-instruction' ? { ...action, signerPassed } : action;
    }
    if (program === COMPUTE_BUDGET_PROGRAM_ADDRESS) return { index, program, kind: 'compute-budget', instruction: ComputeBudgetInstruction[identifyComputeBudgetInstruction(ix.data)] };
  } catch (error) {
    return { index, program, kind: 'unreadable-instruction', programName: name, reason: errorText(error), signerPassed };
  }
  return { index, program, kind: 'unknown-program', accounts: ix.accounts.map((a) => a.address), signerPassed, dataLength: ix.data.length };
}
