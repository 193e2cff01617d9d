// What the Solana analysis may ask a node. A seam, so the analysis stays pure and tests pass their
// own: the extension will give one over the user's RPC (@solana/kit's fetchAddressesForLookupTables
// does the reading), the CLI and the tests a fixed table. Absent, or failing, the analysis says what it
// could not read; it never guesses.

export interface SolanaChainReader {
  /**
   * The addresses stored in each address lookup table, in order, as the node has them now. A table the
   * node does not know is left out of the answer.
   */
  lookupTableAddresses(tables: readonly string[]): Promise<Record<string, readonly string[]>>;
}
