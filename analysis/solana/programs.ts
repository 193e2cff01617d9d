// The programs the Solana analysis reads, by address. Every address comes from the program's own
// client package (its exported constant), except Token-2022's, which has no client installed here
// (@solana-program/token-2022 0.15 still needs @solana/kit 7): its address is the `ID` constant of
// the spl-token-2022-interface crate (https://docs.rs/spl-token-2022-interface, "The const program ID").
import { COMPUTE_BUDGET_PROGRAM_ADDRESS } from '@solana-program/compute-budget';
import { SYSTEM_PROGRAM_ADDRESS } from '@solana-program/system';
import { ASSOCIATED_TOKEN_PROGRAM_ADDRESS, TOKEN_PROGRAM_ADDRESS } from '@solana-program/token';

export { ASSOCIATED_TOKEN_PROGRAM_ADDRESS, COMPUTE_BUDGET_PROGRAM_ADDRESS, SYSTEM_PROGRAM_ADDRESS, TOKEN_PROGRAM_ADDRESS };

/** Token-2022 (Token Extensions); source: docs.rs/spl-token-2022-interface, constant `ID`. */
export const TOKEN_2022_PROGRAM_ADDRESS = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';

/**
 * Token-2022 instructions 0 to 24 are SPL Token's, with the same data and accounts (the
 * spl-token-2022-interface `TokenInstruction` enum lists InitializeMint … UiAmountToAmount in SPL
 * Token's order and with its fields; its extension instructions start at 25, where SPL Token's newer
 * WithdrawExcessLamports, UnwrapLamports and Batch differ). So SPL Token's parser reads those, and
 * only those, for Token-2022.
 */
export const TOKEN_2022_SHARED_INSTRUCTIONS = 25;

/** Names a reader can recognise, for the programs whose instructions the analysis reads. */
export const PROGRAM_NAMES: Record<string, string> = {
  [SYSTEM_PROGRAM_ADDRESS]: 'the System program',
  [TOKEN_PROGRAM_ADDRESS]: 'the SPL Token program',
  [TOKEN_2022_PROGRAM_ADDRESS]: 'the Token-2022 program',
  [COMPUTE_BUDGET_PROGRAM_ADDRESS]: 'the Compute Budget program',
  [ASSOCIATED_TOKEN_PROGRAM_ADDRESS]: 'the Associated Token Account program',
};
