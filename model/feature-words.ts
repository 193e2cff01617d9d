// Plain-language wording of features, for the reasons a confirm window shows next to the score.
// Features are grouped: the hundreds of opcode shares mean nothing one by one to a person, so they
// form one reason ("the code's instruction mix"), while a selector or a call fact is a reason of its own.
import { FEATURE_LAYOUT, FEATURE_NAMES } from './features.ts';

/** What a reason is about, as a user tells them apart: the contract's code, or this request (the call). */
export type ReasonSubject = 'contract' | 'request';

export interface ReasonGroup {
  id: string;
  about: ReasonSubject;
  /** Indices into the feature vector that this reason covers. */
  indices: number[];
  /** Wording for the request's values of this group. */
  words(features: Float32Array): string;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)} %`;
const yesNo = (v: number, yes: string, no: string, unknown = '') => (v < 0 ? unknown || no : v > 0 ? yes : no);

const WORDS: Record<string, (v: number) => string> = {
  target_has_no_code: (v) => yesNo(v, 'The address you are sending to has no code: it is a plain account, not a contract.', 'The address you are calling is a contract.'),
  'proxy:minimal_clone': (v) => yesNo(v, 'The contract is a minimal clone (EIP-1167) that forwards every call to another contract.', 'The contract is not a minimal clone.'),
  'proxy:eip7702_delegation': (v) => yesNo(v, 'The account delegates its code to another contract (EIP-7702).', 'The account does not delegate its code (EIP-7702).'),
  'proxy:storage_slot': (v) => yesNo(v, 'The contract is an upgradeable proxy: its owner can swap the code behind it.', 'The contract is not an upgradeable proxy.'),
  'proxy:safe': (v) => yesNo(v, 'The contract is a Safe multisig proxy.', 'The contract is not a Safe proxy.'),
  'proxy:delegating': (v) => yesNo(v, 'The contract is a small forwarder that runs another contract’s code.', 'The contract is not a small forwarder.'),
  implementation_resolved: (v) => yesNo(v, 'The code behind the proxy was read and scored.', 'The code behind the proxy was not available.'),
  code_size_log2: (v) => `The contract’s code is ${formatBytes(2 ** v - 1)} long.`,
  instruction_count_log2: (v) => `The contract has about ${Math.round(2 ** v - 1)} instructions.`,
  jumpdest_count_log2: (v) => `The code has about ${Math.round(2 ** v - 1)} jump targets.`,
  selector_count: (v) => `The contract exposes ${v} functions.`,
  'std:erc20': (v) => `The contract implements ${pct(v)} of the ERC-20 token functions.`,
  'std:erc2612': (v) => `The contract implements ${pct(v)} of the ERC-2612 permit functions.`,
  'std:erc721': (v) => `The contract implements ${pct(v)} of the ERC-721 NFT functions.`,
  'std:erc1155': (v) => `The contract implements ${pct(v)} of the ERC-1155 functions.`,
  'std:erc165': (v) => yesNo(v, 'The contract declares its interfaces (ERC-165).', 'The contract does not declare its interfaces (ERC-165).'),
  'std:ownable': (v) => `The contract has ${pct(v)} of the usual owner functions.`,
  'std:upgradeable': (v) => yesNo(v, 'The contract has upgrade functions.', 'The contract has no upgrade functions.'),
  'std:erc1271': (v) => yesNo(v, 'The contract can validate signatures as a smart account (ERC-1271).', 'The contract is not a smart account (ERC-1271).'),
  'std:erc4337Account': (v) => yesNo(v, 'The contract looks like a smart wallet (ERC-4337).', 'The contract is not an ERC-4337 smart wallet.'),
  'selectors:multicall': (v) => yesNo(v, 'The contract can run a batch of arbitrary calls (multicall), as drainers do to empty wallets in one go.', 'The contract has no multicall function.'),
  'selectors:bait_function_count': (v) => (v > 0 ? `The contract has ${v} function(s) named like Claim(), SecurityUpdate() or Connect(), names drainer sites ask victims to call.` : 'The contract has no Claim()/SecurityUpdate()-style bait function.'),
  'selectors:withdraw': (v) => yesNo(v, 'The contract has an owner cash-out function (withdraw/sweep).', 'The contract has no withdraw/sweep function.'),
  address_literal_count: (v) => (v > 0 ? `The code has ${v} address(es) written into it.` : 'The code has no address written into it.'),
  address_literal_well_known: (v) => (v > 0 ? `The code names ${v} major token or approval contract(s) (USDT, USDC, WETH, Permit2, Seaport…) directly, as sweepers do.` : 'The code names no major token contract directly.'),
  called_selector_count: (v) => (v > 0 ? `The code names ${v} function(s) it can call on other contracts.` : 'The code names no function of another contract: whatever it calls is handed to it.'),
  word_literal_count_log2: (v) => `The code has about ${Math.round(2 ** v - 1)} 32-byte constants.`,
  'uses:CALL': (v) => yesNo(v, 'The contract can send value or call other contracts.', 'The contract never calls other contracts.'),
  'uses:DELEGATECALL': (v) => yesNo(v, 'The contract can run other contracts’ code with its own storage and funds (DELEGATECALL).', 'The contract never runs foreign code (no DELEGATECALL).'),
  'uses:CALLCODE': (v) => yesNo(v, 'The contract uses the obsolete CALLCODE instruction.', 'The contract does not use CALLCODE.'),
  'uses:SELFDESTRUCT': (v) => yesNo(v, 'The contract can destroy itself (SELFDESTRUCT), a way to erase evidence.', 'The contract cannot destroy itself.'),
  'uses:CREATE': (v) => yesNo(v, 'The contract deploys other contracts.', 'The contract deploys no contracts.'),
  'uses:ORIGIN': (v) => yesNo(v, 'The contract checks who signed the transaction (tx.origin), a pattern of attacker contracts.', 'The contract does not use tx.origin.'),
  'count:CALL_log2': (v) => `The contract makes about ${Math.round(2 ** v - 1)} different external calls.`,
  'count:SSTORE_log2': (v) => `The contract writes storage in about ${Math.round(2 ** v - 1)} places.`,
  'count:LOG_log2': (v) => (v > 0 ? `The contract emits events in about ${Math.round(2 ** v - 1)} places.` : 'The contract emits no events, unlike ordinary tokens and protocols.'),
  'call:amount_log2': (v) => (v >= 128 ? 'The call names an effectively unlimited amount.' : v > 0 ? `The call names an amount of about 10^${Math.round(v * Math.LOG10E * Math.LN2)} base units.` : 'The call names no amount.'),
  'call:amount_unlimited': (v) => yesNo(v, 'The call grants an unlimited amount.', 'The call grants a limited amount.', 'The call names no amount.'),
  'call:grants_all': (v) => yesNo(v, 'The call hands over control of all your NFTs in this collection (setApprovalForAll).', 'The call does not grant control of all your NFTs.'),
  'call:revokes': (v) => yesNo(v, 'The call takes a permission back (a revoke), it grants nothing.', 'The call takes no permission back.'),
  'call:names_token_id': (v) => yesNo(v, 'The call names one NFT by its id, not an amount.', 'The call names no NFT id.'),
  'call:value_log10_micro_eth': (v) => (v > 0 ? `The request sends about ${formatEth(v)} ETH.` : 'The request sends no ETH.'),
  'call:value_nonzero': (v) => yesNo(v, 'The request sends ETH.', 'The request sends no ETH.'),
  'call:payable_bait': (v) => yesNo(v, 'You are sending ETH to a Claim()/SecurityUpdate()-style function: a classic drainer trick.', 'No ETH goes to a bait-style function.'),
  'call:calldata_bytes_log2': (v) => `The call data is ${Math.round(2 ** v - 1)} bytes long.`,
  'call:arg_words': (v) => `The call has ${v} argument words.`,
  'call:selector_in_dispatcher': (v) => yesNo(v, 'The function you call is one the contract declares.', 'The function you call is not one the contract declares (it lands in a catch-all).', 'The call names no function.'),
};

const CALL_KIND_WORDS: Record<string, string> = {
  none: 'The request carries no call and no value.',
  native_transfer: 'The request sends ETH without calling a function.',
  token_transfer: 'The request transfers tokens.',
  approve: 'The request lets another address spend your tokens (approve).',
  approval_for_all: 'The request sets an operator for a whole collection (setApprovalForAll).',
  permit: 'The request is a permit: a spending approval by signature.',
  transfer_from: 'The request moves tokens on someone’s behalf (transferFrom).',
  multicall: 'The request runs a batch of calls (multicall).',
  swap: 'The request is a swap on a known router.',
  mint: 'The request mints tokens or NFTs.',
  claim_with_proof: 'The request claims an airdrop with a Merkle proof.',
  bait_function: 'The request calls an argument-less Claim()/SecurityUpdate()-style function.',
  marketplace_order: 'The request fills a marketplace order.',
  wrap: 'The request wraps ETH.',
  other: 'The request calls a function the firewall does not classify.',
};

function formatBytes(n: number): string {
  return n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${Math.round(n)} bytes`;
}

function formatEth(log10MicroEth: number): string {
  const eth = (10 ** log10MicroEth - 1) / 1e6;
  return eth >= 1 ? eth.toFixed(2) : eth.toPrecision(2);
}

// The call's own features and whether the target is a plain account describe the request; everything
// read from the target's code describes the contract.
function subjectOf(feature: string): ReasonSubject {
  return feature.startsWith('call:') || feature === 'target_has_no_code' ? 'request' : 'contract';
}

function buildGroups(): ReasonGroup[] {
  const groups: ReasonGroup[] = [];
  const [opFrom] = FEATURE_LAYOUT.opcodeShares;
  const [, classTo] = FEATURE_LAYOUT.classPairShares;
  const profile: number[] = [];
  for (let i = opFrom; i < classTo; i++) profile.push(i);
  groups.push({
    id: 'code_profile',
    about: 'contract',
    indices: profile,
    words: () => 'The mix of instructions in the contract’s code resembles that of the contracts the model learned from.',
  });
  const callKinds: number[] = [];
  FEATURE_NAMES.forEach((name, i) => {
    if (i >= opFrom && i < classTo) return;
    if (name.startsWith('call_kind:')) {
      callKinds.push(i);
      return;
    }
    const w = WORDS[name];
    groups.push({ id: name, about: subjectOf(name), indices: [i], words: (f) => (w ? w(f[i]!) : `${name} = ${f[i]}`) });
  });
  groups.push({
    id: 'call_kind',
    about: 'request',
    indices: callKinds,
    words: (f) => {
      const hit = callKinds.find((i) => f[i] === 1);
      return hit === undefined ? 'The kind of request is unknown.' : CALL_KIND_WORDS[FEATURE_NAMES[hit]!.slice('call_kind:'.length)] ?? 'The kind of request is unknown.';
    },
  });
  return groups;
}

export const REASON_GROUPS: readonly ReasonGroup[] = buildGroups();
