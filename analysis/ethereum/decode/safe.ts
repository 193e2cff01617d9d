// Safe (safe-global/safe-smart-account) specifics the calldata decoder needs: which contracts a Safe
// may delegatecall without handing its power to a stranger (Safe's own libraries), which fallback
// handlers Safe ships, and MultiSend's packed batch format.
//
// Addresses from Safe's own deployment registry, safe-global/safe-deployments, commit
// d0989c95929c76e1723121566b3f2b764ffb94ee, src/assets/<version>/<contract>.json (every address under
// "deployments": canonical, eip155 and zksync). The packed format follows MultiSend.sol of
// @safe-global/safe-smart-account 1.5.0 (contracts/libraries/MultiSend.sol): per transaction,
// operation (1 byte), to (20), value (32), data length (32), data.
import { getAddress, type Address, type Hex } from 'viem';

const LIBRARIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['MultiSend 1.1.1', ['0x8D29bE29923b68abfDD21e541b9374737B49cdAD']],
  ['CreateCall 1.1.1', ['0x8538FcBccba7f5303d2C679Fa5d7A629A8c9bf4A']],
  ['MultiSend 1.3.0', ['0x0dFcccB95225ffB03c6FBB2559B530C2B7C8A912', '0x998739BFdAAdde7C933B942a68053933098f9EDa', '0xA238CBeb142c10Ef7Ad8442C6D1f9E89e07e7761']],
  ['MultiSendCallOnly 1.3.0', ['0x40A2aCCbd92BCA938b02010E17A5b8929b49130D', '0xA1dabEF33b3B82c7814B6D82A79e50F4AC44102B', '0xf220D3b4DFb23C4ade8C88E526C1353AbAcbC38F']],
  ['SignMessageLib 1.3.0', ['0x357147caf9C0cCa67DfA0CF5369318d8193c8407', '0x98FFBBF51bb33A056B08ddf711f289936AafF717', '0xA65387F16B013cf2Af4605Ad8aA5ec25a2cbA3a2']],
  ['CreateCall 1.3.0', ['0x7cbB62EaA69F79e6873cD1ecB2392971036cFAa4', '0xB19D6FFc2182150F8Eb585b79D4ABcd7C5640A9d', '0xcB8e5E438c5c2b45FbE17B02Ca9aF91509a8ad56']],
  ['MultiSend 1.4.1', ['0x309D0B190FeCCa8e1D5D8309a16F7e3CB133E885', '0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526']],
  ['MultiSendCallOnly 1.4.1', ['0x0408EF011960d02349d50286D20531229BCef773', '0x9641d764fc13c8B624c04430C7356C1C7C8102e2']],
  ['SignMessageLib 1.4.1', ['0xAca1ec0a1A575CDCCF1DC3d5d296202Eb6061888', '0xd53cd0aB83D845Ac265BE939c57F53AD838012c9']],
  ['CreateCall 1.4.1', ['0x9b35Af71d77eaf8d7e40252370304687390A1A52', '0xAAA566Fe7978bB0fb0B5362B7ba23038f4428D8f']],
  ['SafeMigration 1.4.1', ['0x526643F69b81B008F46d95CD5ced5eC0edFFDaC6', '0x817756C6c555A94BCEE39eB5a102AbC1678b09A7']],
  ['SafeToL2Migration 1.4.1', ['0xa26620d1f8f1a2433F0D25027F141aaCAFB3E590', '0xfF83F6335d8930cBad1c0D439A841f01888D9f69']],
  ['MultiSend 1.5.0', ['0x218543288004CD07832472D464648173c77D7eB7']],
  ['MultiSendCallOnly 1.5.0', ['0xA83c336B20401Af773B6219BA5027174338D1836']],
  ['SignMessageLib 1.5.0', ['0x4FfeF8222648872B3dE295Ba1e49110E61f5b5aa']],
  ['CreateCall 1.5.0', ['0x2Ef5ECfbea521449E4De05EDB1ce63B75eDA90B4']],
  ['SafeMigration 1.5.0', ['0x6439e7ABD8Bb915A5263094784C5CF561c4172AC']],
];

const HANDLERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['DefaultCallbackHandler 1.1.1', ['0xd5D82B6aDDc9027B22dCA772Aa68D5d74cdBdF44']],
  ['CompatibilityFallbackHandler 1.3.0', ['0x017062a1dE2FE6b99BE3d9d37841FeD19F573804', '0x2f870a80647BbC554F3a0EBD093f11B4d2a7492A', '0xf48f2B2d2a534e402487b3ee7C18c33Aec0Fe5e4']],
  ['CompatibilityFallbackHandler 1.4.1', ['0x9301E98DD367135f21bdF66f342A249c9D5F9069', '0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99']],
  ['CompatibilityFallbackHandler 1.5.0', ['0x3EfCBb83A4A7AfcB4F68D501E2c2203a38be77f4']],
  ['ExtensibleFallbackHandler 1.5.0', ['0x85a8ca358D388530ad0fB95D0cb89Dd44Fc242c3']],
  ['TokenCallbackHandler 1.5.0', ['0x54e86d004d71a8D2112ec75FaCE57D730b0433F3']],
];

const index = (list: typeof LIBRARIES) => new Map(list.flatMap(([name, addresses]) => addresses.map((a) => [a.toLowerCase(), `Safe ${name}`] as const)));
const libraries = index(LIBRARIES);
const handlers = index(HANDLERS);

/** "Safe MultiSend 1.4.1" for Safe's own libraries (the contracts Safe{Wallet} delegatecalls), else undefined. */
export function safeLibrary(address: Address | undefined): string | undefined {
  return address ? libraries.get(address.toLowerCase()) : undefined;
}

/** "Safe CompatibilityFallbackHandler 1.4.1" for the fallback handlers Safe ships, else undefined. */
export function safeHandler(address: Address | undefined): string | undefined {
  return address ? handlers.get(address.toLowerCase()) : undefined;
}

export interface PackedTransaction {
  /** 0 call, 1 delegatecall; MultiSend reverts on anything else. */
  operation: number;
  /** Zero means the Safe itself (MultiSend 1.5.0 defaults `to` to `address(this)`). */
  to: Address;
  value: bigint;
  data: Hex;
}

const HEAD = 85 * 2; // operation + to + value + data length, in hex characters

/**
 * Splits MultiSend's packed `transactions`. `complete` is false when the bytes do not end exactly at
 * an entry's end, an entry's length runs past the end, an operation is neither call nor delegatecall,
 * or more than `max` entries are packed: MultiSend would read such bytes differently or revert, so the
 * caller must not present the part it read as the whole.
 */
export function decodeMultiSend(packed: Hex, max: number): { transactions: PackedTransaction[]; complete: boolean } {
  const hex = packed.slice(2);
  const transactions: PackedTransaction[] = [];
  let i = 0;
  while (i < hex.length) {
    if (transactions.length >= max || hex.length - i < HEAD) return { transactions, complete: false };
    const operation = parseInt(hex.slice(i, i + 2), 16);
    const to = getAddress(`0x${hex.slice(i + 2, i + 42)}`);
    const value = BigInt(`0x${hex.slice(i + 42, i + 106)}`);
    const length = BigInt(`0x${hex.slice(i + 106, i + HEAD)}`);
    const start = i + HEAD;
    if (operation > 1 || length * 2n > BigInt(hex.length - start)) return { transactions, complete: false };
    const end = start + Number(length) * 2;
    transactions.push({ operation, to, value, data: `0x${hex.slice(start, end)}` });
    i = end;
  }
  return { transactions, complete: true };
}
