// The Solana analysis end to end, on real transactions built with @solana/kit and the program clients
// (analysis/solana/fixtures/build.ts), signed by keys generated here.
import { getAdvanceNonceAccountInstruction, getAssignInstruction, getCreateAccountInstruction, getTransferSolInstruction } from '@solana-program/system';
import { getSetComputeUnitLimitInstruction } from '@solana-program/compute-budget';
import {
  AuthorityType,
  getApproveCheckedInstruction,
  getApproveInstruction,
  getCloseAccountInstruction,
  getRevokeInstruction,
  getSetAuthorityInstruction,
  getTransferCheckedInstruction,
  getTransferInstruction,
} from '@solana-program/token';
import { AccountRole, address, getBase58Decoder, getBase64Decoder, getCompiledTransactionMessageEncoder, getTransactionDecoder, type Address, type KeyPairSigner } from '@solana/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../types';
import { buildTransaction, keys } from './fixtures/build';
import { analyzeSolanaRequest, type SolanaChainReader } from './index';
import { TOKEN_2022_PROGRAM_ADDRESS } from './programs';

const ORIGIN = { origin: 'https://app.example.com' };
const NOW = Date.UTC(2026, 0, 1);

let me: KeyPairSigner;
let friend: KeyPairSigner;
let thief: KeyPairSigner;
let mint: KeyPairSigner;
let accounts: KeyPairSigner[];

beforeAll(async () => {
  const k = await keys(12);
  [me, friend, thief, mint] = [k[0]!, k[1]!, k[2]!, k[3]!];
  accounts = k.slice(4);
});

const ids = (v: Verdict) => v.findings.map((f) => f.id);
const finding = (v: Verdict, id: string) => v.findings.find((f) => f.id === id);

function sign(transaction: unknown, method = 'solana:signTransaction', signer: string | undefined = me.address) {
  return analyzeSolanaRequest({ request: { method, params: { account: { address: signer }, transaction } }, origin: ORIGIN, signer }, { now: NOW });
}

describe('an ordinary SOL transfer to a friend', () => {
  it('is allowed, said in one line with its amount, in legacy and v0', async () => {
    for (const version of ['legacy', 0] as const) {
      const tx = buildTransaction(me, [getTransferSolInstruction({ source: me, destination: friend.address, amount: 1_500_000_000n })], { version });
      const v = await sign(tx);
      expect(v.verdict).toBe('allow');
      expect(ids(v)).toEqual(['solana.sol-transfer']);
      expect(v.summary).toBe(`Sends 1.5 SOL to ${friend.address.slice(0, 4)}…${friend.address.slice(-4)}`);
    }
  });

  it('reads the same transaction given as base64, base58, a list of numbers, a bare message, or a provider object', async () => {
    const tx = buildTransaction(me, [getTransferSolInstruction({ source: me, destination: friend.address, amount: 5n })]);
    const { messageBytes } = getTransactionDecoder().decode(tx);
    const forms: unknown[] = [getBase64Decoder().decode(tx), getBase58Decoder().decode(tx), [...tx], { ...tx }, Uint8Array.from(messageBytes), { serialize: () => tx }];
    for (const form of forms) {
      const v = await analyzeSolanaRequest({ request: { method: 'signTransaction', params: { transaction: form } }, origin: ORIGIN }, { now: NOW });
      expect(ids(v)).toEqual(['solana.sol-transfer']);
    }
    // No signer named: the fee payer is taken for it.
    const v = await analyzeSolanaRequest({ request: { method: 'solana:signAndSendTransaction', params: [tx] }, origin: ORIGIN }, { now: NOW });
    expect(v.verdict).toBe('allow');
  });

  it('with a compute budget instruction beside it, stays quiet about the budget', async () => {
    const tx = buildTransaction(me, [getSetComputeUnitLimitInstruction({ units: 200_000 }), getTransferSolInstruction({ source: me, destination: friend.address, amount: 5n })]);
    expect(ids(await sign(tx))).toEqual(['solana.sol-transfer']);
  });
});

describe('token rules', () => {
  it('an SPL Approve warns that a delegate can take tokens later, and says "unlimited"', async () => {
    const tx = buildTransaction(me, [getApproveInstruction({ source: accounts[0]!.address, delegate: thief.address, owner: me, amount: 2n ** 64n - 1n })]);
    const v = await sign(tx);
    expect(v.verdict).toBe('warn');
    expect(finding(v, 'solana.approve-delegate')?.title).toMatch(/unlimited/);
  });

  it('ApproveChecked says the amount with the mint and its decimals, and works for Token-2022', async () => {
    const tx = buildTransaction(me, [getApproveCheckedInstruction({ source: accounts[0]!.address, mint: mint.address, delegate: thief.address, owner: me, amount: 2_500_000n, decimals: 6 }, { programAddress: address(TOKEN_2022_PROGRAM_ADDRESS) })]);
    const f = finding(await sign(tx), 'solana.approve-delegate');
    expect(f?.title).toContain('2.5 of the token');
    expect(f?.evidence?.mint).toBe(mint.address);
  });

  it('SetAuthority: the account owner handed to someone else blocks; the close authority warns; removing the mint authority is info', async () => {
    const owner = await sign(buildTransaction(me, [getSetAuthorityInstruction({ owned: accounts[0]!.address, owner: me, authorityType: AuthorityType.AccountOwner, newAuthority: thief.address })]));
    expect(owner.verdict).toBe('block');
    expect(ids(owner)).toContain('solana.set-authority-owner');
    const close = await sign(buildTransaction(me, [getSetAuthorityInstruction({ owned: accounts[0]!.address, owner: me, authorityType: AuthorityType.CloseAccount, newAuthority: thief.address })]));
    expect(close.verdict).toBe('warn');
    expect(ids(close)).toContain('solana.set-authority-close');
    const mintAuth = await sign(buildTransaction(me, [getSetAuthorityInstruction({ owned: mint.address, owner: me, authorityType: AuthorityType.MintTokens, newAuthority: thief.address })]));
    expect(ids(mintAuth)).toContain('solana.set-authority-mint');
    const renounce = await sign(buildTransaction(me, [getSetAuthorityInstruction({ owned: mint.address, owner: me, authorityType: AuthorityType.MintTokens, newAuthority: null })]));
    expect(renounce.verdict).toBe('allow');
    expect(ids(renounce)).toEqual(['solana.set-authority-kept']);
  });

  it('CloseAccount whose SOL goes to someone else warns; back to the signer it is info', async () => {
    const away = await sign(buildTransaction(me, [getCloseAccountInstruction({ account: accounts[0]!.address, destination: thief.address, owner: me })]));
    expect(away.verdict).toBe('warn');
    expect(ids(away)).toContain('solana.close-account-elsewhere');
    const home = await sign(buildTransaction(me, [getCloseAccountInstruction({ account: accounts[0]!.address, destination: me.address, owner: me })]));
    expect(home.verdict).toBe('allow');
    expect(ids(home)).toEqual(['solana.close-account']);
  });

  it('a token transfer is an info line with its amount; Revoke is a clean-up', async () => {
    const v = await sign(buildTransaction(me, [getTransferCheckedInstruction({ source: accounts[0]!.address, mint: mint.address, destination: accounts[1]!.address, authority: me, amount: 1_000_000n, decimals: 6 })]));
    expect(v.verdict).toBe('allow');
    expect(finding(v, 'solana.token-transfer')?.title).toContain('1 of the token');
    const r = await sign(buildTransaction(me, [getRevokeInstruction({ source: accounts[0]!.address, owner: me })]));
    expect(ids(r)).toEqual(['solana.revoke']);
  });

  it('many token accounts emptied in one transaction warn as a sweep', async () => {
    const drains = accounts.slice(0, 4).map((a) => getTransferInstruction({ source: a.address, destination: thief.address, authority: me, amount: 10n }));
    const v = await sign(buildTransaction(me, [...drains, getTransferSolInstruction({ source: me, destination: thief.address, amount: 9n })]));
    expect(v.verdict).toBe('warn');
    expect(finding(v, 'solana.many-assets')?.title).toBe('Moves 5 of your assets at once');
    // Two are not a sweep.
    const two = await sign(buildTransaction(me, drains.slice(0, 2)));
    expect(ids(two)).not.toContain('solana.many-assets');
  });
});

describe('system rules', () => {
  it('System Assign of the signer\'s own account blocks', async () => {
    const v = await sign(buildTransaction(me, [getAssignInstruction({ account: me, programAddress: thief.address })]));
    expect(v.verdict).toBe('block');
    expect(ids(v)).toContain('solana.assign-signer');
  });

  it('creating an account for a program is info', async () => {
    const v = await sign(buildTransaction(me, [getCreateAccountInstruction({ payer: me, newAccount: accounts[0]!, lamports: 2_039_280n, space: 165, programAddress: address(TOKEN_2022_PROGRAM_ADDRESS) })]));
    expect(v.verdict).toBe('allow');
    expect(finding(v, 'solana.create-account')?.title).toContain('the Token-2022 program');
  });

  it('a durable-nonce transaction (AdvanceNonceAccount first) warns that it never expires', async () => {
    const nonceAccount = accounts[5]!.address;
    const tx = buildTransaction(me, [getTransferSolInstruction({ source: me, destination: friend.address, amount: 5n })], { nonce: { nonceAccountAddress: nonceAccount, nonceAuthority: me, nonce: 'EkSnNWid2cvwEVnVx9aBqawnmiCNiDgp3gUdkDPTKN1N' } });
    const v = await sign(tx);
    expect(v.verdict).toBe('warn');
    expect(finding(v, 'solana.durable-nonce')?.evidence?.nonceAccount).toBe(nonceAccount);
    // Built with the System client's own instruction too.
    const explicit = buildTransaction(me, [getAdvanceNonceAccountInstruction({ nonceAccount, nonceAuthority: me }), getTransferSolInstruction({ source: me, destination: friend.address, amount: 5n })]);
    expect(ids(await sign(explicit))).toContain('solana.durable-nonce');
  });
});

describe('programs the firewall does not read', () => {
  const program = address('JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4');
  it('given the signer\'s account, warns; not given it, says so as info', async () => {
    const withMe = await sign(buildTransaction(me, [{ programAddress: program, accounts: [{ address: me.address, role: AccountRole.WRITABLE_SIGNER, signer: me } as never], data: new Uint8Array([1, 2, 3]) }]));
    expect(withMe.verdict).toBe('warn');
    expect(ids(withMe)).toContain('solana.unknown-program-signer');
    const without = await sign(buildTransaction(me, [{ programAddress: program, accounts: [{ address: friend.address, role: AccountRole.READONLY }], data: new Uint8Array([1]) }]));
    expect(without.verdict).toBe('allow');
    expect(ids(without)).toEqual(['solana.unknown-program']);
  });
});

describe('address lookup tables', () => {
  let table: Address;
  let tx: Uint8Array;
  beforeAll(() => {
    table = accounts[6]!.address;
    tx = buildTransaction(me, [getTransferSolInstruction({ source: me, destination: friend.address, amount: 7n })], { version: 0, lookupTables: { [table]: [accounts[7]!.address, friend.address] } });
  });

  it('without a reader, accounts from the table are unknown and a finding says so', async () => {
    const v = await sign(tx);
    expect(v.verdict).toBe('warn');
    expect(ids(v)).toContain('solana.lookup-unresolved');
    expect(finding(v, 'solana.lookup-unresolved')?.evidence?.tables).toEqual([table]);
    expect(finding(v, 'solana.sol-transfer')?.evidence?.to).toBeNull();
  });

  it('with a reader, the table is read and the transfer is an ordinary one', async () => {
    const chain: SolanaChainReader = { lookupTableAddresses: async (tables) => Object.fromEntries(tables.map((t) => [t, t === table ? [accounts[7]!.address, friend.address] : []])) };
    const v = await analyzeSolanaRequest({ request: { method: 'solana:signTransaction', params: { transaction: tx } }, origin: ORIGIN, signer: me.address }, { chain, now: NOW });
    expect(v.verdict).toBe('allow');
    expect(finding(v, 'solana.sol-transfer')?.evidence?.to).toBe(friend.address);
  });

  it('a reader that fails or answers nonsense leaves them unknown, said', async () => {
    for (const chain of [{ lookupTableAddresses: () => Promise.reject(new Error('node down')) }, { lookupTableAddresses: async () => ({ [table]: ['not an address'] }) }, { lookupTableAddresses: async () => ({}) }]) {
      const v = await analyzeSolanaRequest({ request: { method: 'solana:signTransaction', params: { transaction: tx } }, origin: ORIGIN, signer: me.address }, { chain, now: NOW });
      expect(ids(v)).toContain('solana.lookup-unresolved');
    }
  });
});

describe('messages', () => {
  const signMessage = (message: unknown) => analyzeSolanaRequest({ request: { method: 'solana:signMessage', params: { account: { address: me.address }, message } }, origin: ORIGIN }, { now: NOW });

  it('text is info', async () => {
    const v = await signMessage(new TextEncoder().encode('Sign in to Example\nNonce: 42'));
    expect(v.verdict).toBe('allow');
    expect(ids(v)).toEqual(['solana.message-text']);
  });

  it('the bytes of a transaction, of its message, or their base58 text, block as blind signing', async () => {
    const tx = buildTransaction(me, [getTransferSolInstruction({ source: me, destination: thief.address, amount: 5n })]);
    const { messageBytes } = getTransactionDecoder().decode(tx);
    for (const bytes of [tx, Uint8Array.from(messageBytes), new TextEncoder().encode(getBase58Decoder().decode(messageBytes))]) {
      const v = await signMessage(bytes);
      expect(v.verdict).toBe('block');
      expect(ids(v)).toContain('solana.message-transaction');
    }
  });

  it('binary that is no transaction warns', async () => {
    expect(ids(await signMessage(new Uint8Array([0, 1, 2, 250, 251])))).toEqual(['solana.message-binary']);
  });
});

describe('Sign-In With Solana', () => {
  const signIn = (input: unknown, origin = ORIGIN) => analyzeSolanaRequest({ request: { method: 'solana:signIn', params: input }, origin, signer: me.address }, { now: NOW });

  it('for the site asking, or with no domain (the wallet fills it in), is info', async () => {
    const v = await signIn({ domain: 'app.example.com', address: me.address, uri: 'https://app.example.com/login', statement: 'Welcome' });
    expect(v.verdict).toBe('allow');
    expect(v.summary).toBe('Signs you in to app.example.com');
    expect((await signIn(undefined)).verdict).toBe('allow');
  });

  it('for another domain blocks; another address or resource warns', async () => {
    const other = await signIn({ domain: 'bank.example.org' });
    expect(other.verdict).toBe('block');
    expect(ids(other)).toContain('solana.siws-domain-mismatch');
    expect(ids(await signIn({ domain: 'app.example.com', address: thief.address }))).toContain('solana.siws-address-mismatch');
    expect(ids(await signIn({ domain: 'app.example.com', uri: 'https://elsewhere.example.net/' }))).toContain('solana.siws-uri-mismatch');
  });

  it('a field that is not text is an unreadable request', async () => {
    const v = await signIn({ domain: 42 });
    expect(v.verdict).toBe('warn');
    expect(ids(v)).toEqual(['solana.input-unreadable']);
  });
});

describe('several transactions in one request', () => {
  it('judges each one and says which one a finding is about', async () => {
    const fine = buildTransaction(me, [getTransferSolInstruction({ source: me, destination: friend.address, amount: 5n })]);
    const bad = buildTransaction(me, [getAssignInstruction({ account: me, programAddress: thief.address })]);
    const v = await analyzeSolanaRequest({ request: { method: 'signAllTransactions', params: [{ transaction: fine }, { transaction: bad }, { transaction: new Uint8Array([9]) }] }, origin: ORIGIN, signer: me.address }, { now: NOW });
    expect(v.verdict).toBe('block');
    expect(finding(v, 'solana.assign-signer')?.evidence?.transaction).toBe(1);
    expect(finding(v, 'solana.transaction-unreadable')?.title).toBe('Transaction 3 could not be read');
  });
});

describe('bad input never throws and never allows', () => {
  const bad: unknown[] = [
    { method: 'solana:signTransaction', params: { transaction: new Uint8Array([1, 2, 3, 4, 5]) } },
    { method: 'solana:signTransaction', params: { transaction: 'not base anything!!' } },
    { method: 'solana:signTransaction', params: { transaction: [1, 2, 300] } },
    { method: 'solana:signTransaction', params: { transaction: new Uint8Array(70_000) } },
    { method: 'solana:signTransaction', params: {} },
    { method: 'solana:signTransaction' },
    { method: 'solana:signMessage', params: { message: 12 } },
    { method: 'solana:somethingElse', params: [] },
    { method: 7 },
    null,
    { method: 'solana:signTransaction', params: { get transaction() { throw new Error('a hostile getter'); } } },
  ];
  it.each(bad.map((r, i) => [i, r]))('case %i', async (_i, request) => {
    const v = await analyzeSolanaRequest({ request: request as never, origin: ORIGIN }, { now: NOW });
    expect(v.verdict).not.toBe('allow');
    expect(v.findings.length).toBeGreaterThan(0);
  });

  it('random bytes of every length up to 300 give a finding, never a throw or an allow', async () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    for (let n = 0; n < 300; n += 7) {
      const v = await sign(Uint8Array.from({ length: n }, next));
      expect(v.verdict).not.toBe('allow');
    }
  });

  it('bytes after a valid transaction make it unreadable', async () => {
    const tx = buildTransaction(me, [getTransferSolInstruction({ source: me, destination: friend.address, amount: 5n })]);
    const v = await sign(Uint8Array.from([...tx, 0]));
    expect(ids(v)).toEqual(['solana.transaction-unreadable']);
  });

  it('a message naming an account index it does not have is unreadable', async () => {
    const tx = buildTransaction(me, [getTransferSolInstruction({ source: me, destination: friend.address, amount: 5n })], { version: 'legacy' });
    const { messageBytes } = getTransactionDecoder().decode(tx);
    const { getCompiledTransactionMessageDecoder } = await import('@solana/kit');
    const compiled = getCompiledTransactionMessageDecoder().decode(messageBytes);
    if (compiled.version !== 'legacy') throw new Error('built as legacy');
    const broken = { ...compiled, instructions: compiled.instructions.map((ix) => ({ ...ix, accountIndices: [0, 9] })) };
    const v = await sign(Uint8Array.from(getCompiledTransactionMessageEncoder().encode(broken)));
    expect(ids(v)).toEqual(['solana.transaction-unreadable']);
  });
});
