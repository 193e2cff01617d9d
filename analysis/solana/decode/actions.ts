// What a Solana request does, as data: every rule, and later the history and the window, reads these
// and never the bytes again. Addresses are base58 strings; `undefined` stands for an account the
// transaction loads from an address lookup table the analysis could not read (who it is is unknown).

/** An account of an instruction, or undefined when it comes from a lookup table that was not read. */
export type AccountRef = string | undefined;

interface Base {
  /** Index of the instruction in the transaction (0-based), for the evidence. */
  index: number;
  program: string;
}

export type TokenProgramName = 'spl-token' | 'token-2022';

export type SolanaAction =
  | (Base & { kind: 'sol-transfer'; from: AccountRef; to: AccountRef; lamports: bigint; withSeed?: boolean })
  | (Base & { kind: 'create-account'; payer: AccountRef; account: AccountRef; lamports: bigint; space: bigint; owner: string; withSeed?: boolean })
  | (Base & { kind: 'assign'; account: AccountRef; owner: string; withSeed?: boolean })
  | (Base & { kind: 'allocate'; account: AccountRef; space: bigint })
  | (Base & { kind: 'advance-nonce'; nonceAccount: AccountRef; authority: AccountRef })
  | (Base & { kind: 'withdraw-nonce'; nonceAccount: AccountRef; to: AccountRef; lamports: bigint; authority: AccountRef })
  | (Base & { kind: 'authorize-nonce'; nonceAccount: AccountRef; authority: AccountRef; newAuthority: string })
  | (Base & { kind: 'token-transfer'; token: TokenProgramName; checked: boolean; source: AccountRef; destination: AccountRef; owner: AccountRef; amount: bigint; mint?: AccountRef; decimals?: number })
  | (Base & { kind: 'token-approve'; token: TokenProgramName; checked: boolean; source: AccountRef; delegate: AccountRef; owner: AccountRef; amount: bigint; mint?: AccountRef; decimals?: number })
  | (Base & { kind: 'token-revoke'; token: TokenProgramName; source: AccountRef; owner: AccountRef })
  | (Base & { kind: 'token-set-authority'; token: TokenProgramName; account: AccountRef; owner: AccountRef; authority: 'mint-tokens' | 'freeze-account' | 'account-owner' | 'close-account'; newAuthority: string | null })
  | (Base & { kind: 'token-close-account'; token: TokenProgramName; account: AccountRef; destination: AccountRef; owner: AccountRef })
  | (Base & { kind: 'token-burn'; token: TokenProgramName; account: AccountRef; owner: AccountRef; amount: bigint; mint: AccountRef })
  | (Base & { kind: 'token-other'; token: TokenProgramName; instruction: string })
  | (Base & { kind: 'create-token-account'; owner: AccountRef; mint: AccountRef; account: AccountRef })
  | (Base & { kind: 'compute-budget'; instruction: string })
  /** A program the analysis does not read; `signerPassed` when the signer's account is among its accounts. */
  | (Base & { kind: 'unknown-program'; accounts: AccountRef[]; signerPassed: boolean; dataLength: number })
  /** An instruction of a program the analysis reads, whose data or accounts it could not read. */
  | (Base & { kind: 'unreadable-instruction'; programName: string; reason: string; signerPassed: boolean });

export type SolanaActionOf<K extends SolanaAction['kind']> = Extract<SolanaAction, { kind: K }>;
