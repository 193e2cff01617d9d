// Handing over control: contract ownership, proxy admin rights and upgrades, AccessControl roles,
// Safe owners, modules, guards and handlers, ENS names. Such a call moves no asset, so nothing else
// warns, yet it gives away everything the contract, proxy or Safe holds or controls.
//
// Each change is judged once, by who receives the power: you (or the Safe acting), a well-known
// contract, an address you have sent to before, or a contract you deployed yourself is ordinary admin
// work and only described; a plain account you never dealt with receiving full control is the drainer
// pattern and blocks; an unrecognised contract, an address the chain could not be asked about, new
// code behind a proxy, or lesser powers for a stranger warn; giving control up for good warns too.
import { toHex, toRlp, keccak256, type Address, type Hex } from 'viem';
import type { ControlAction, ControlPower } from '../decode/actions';
import { safeHandler, safeLibrary } from '../decode/safe';
import { evidence, short } from '../format';
import { actionsOf, sameAddress, type Rule, type RuleContext, type RuleHit } from './rule';

/** Who receives the power, in the order the checks below ask. */
type Holder =
  | { kind: 'nobody' }
  | { kind: 'you' }
  | { kind: 'itself' }
  | { kind: 'known'; name: string }
  | { kind: 'sent-before' }
  | { kind: 'deployed-by-you'; nonce: number }
  | { kind: 'contract' }
  | { kind: 'plain-account'; fresh: boolean }
  | { kind: 'unchecked' };

type Outcome = 'to-plain-account' | 'to-unverified' | 'upgrade' | 'gives-up' | 'summary';

interface Assessment {
  outcome: Outcome;
  holder: Holder;
}

const TRUSTED = new Set<Holder['kind']>(['you', 'known', 'sent-before', 'deployed-by-you']);

const DEFAULT_ADMIN_ROLE: Hex = `0x${'00'.repeat(32)}`;
// Role ids are keccak256 of their names: the presets of @openzeppelin/contracts 4.9
// (ERC20PresetMinterPauser and kin) define these two; AccessControl defines DEFAULT_ADMIN_ROLE = 0x00.
const ROLE_NAMES = new Map<string, string>([
  [DEFAULT_ADMIN_ROLE, 'DEFAULT_ADMIN_ROLE'],
  ...['MINTER_ROLE', 'PAUSER_ROLE'].map((n) => [keccak256(toHex(n)), n] as [string, string]),
]);

/** Plain-account burn addresses: ownership sent there is ownership nobody has. */
const NOBODY = new Set([0n, 0xdeadn]);

/**
 * A deployer's CREATE addresses are checked up to its nonce, at most this many (about 55 µs each).
 * A contract (a Safe deploying through CreateCall) rarely creates more than a few, and its nonce is not read.
 */
const MAX_NONCES = 1024;
const MAX_CONTRACT_NONCES = 64;

const isAdminRole = (a: ControlAction) => a.role !== undefined && BigInt(a.role) === 0n;

/** Full control: whoever holds it can take everything the contract, proxy or Safe holds. */
function isFullPower(a: ControlAction): boolean {
  switch (a.power) {
    case 'ownership':
      // An ENS name's registry owner sets where it points; its NFT, which can reclaim it, is a plain transfer elsewhere.
      return !a.name;
    case 'proxy-admin':
    case 'safe-module':
    case 'safe-swap-owner':
      return true;
    case 'role':
      return isAdminRole(a);
    case 'safe-add-owner':
      return a.threshold === undefined || a.threshold <= 1n;
    default:
      return false;
  }
}

const assessed = new WeakMap<ControlAction, Assessment>();

function assess(a: ControlAction, ctx: RuleContext): Assessment {
  let result = assessed.get(a);
  if (!result) {
    result = judge(a, ctx);
    assessed.set(a, result);
  }
  return result;
}

function judge(a: ControlAction, ctx: RuleContext): Assessment {
  const holder = holderOf(a, ctx);
  const trusted = TRUSTED.has(holder.kind);
  const outcome = ((): Outcome => {
    switch (a.power) {
      case 'accept-ownership':
      case 'safe-threshold':
        return 'summary';
      case 'renounce-ownership':
        return 'gives-up';
      case 'renounce-role':
        return isAdminRole(a) && isYou(a.removed, a, ctx) ? 'gives-up' : 'summary';
      case 'safe-remove-owner':
        return isYou(a.removed, a, ctx) ? 'gives-up' : 'summary';
      case 'upgrade':
        return holder.kind === 'known' || holder.kind === 'deployed-by-you' ? 'summary' : 'upgrade';
      case 'safe-delegatecall':
        return !a.unreadable && (holder.kind === 'known' || holder.kind === 'deployed-by-you') ? 'summary' : 'to-unverified';
      case 'safe-guard':
      case 'safe-fallback':
        return holder.kind === 'nobody' || trusted ? 'summary' : 'to-unverified';
      default:
        if (holder.kind === 'nobody' || holder.kind === 'itself') return 'gives-up';
        if (trusted) return 'summary';
        if (holder.kind === 'plain-account') return isFullPower(a) ? 'to-plain-account' : 'to-unverified';
        return 'to-unverified';
    }
  })();
  return { outcome, holder };
}

function isYou(address: Address | undefined, a: ControlAction, ctx: RuleContext): boolean {
  return sameAddress(address, ctx.signer) || sameAddress(address, a.by);
}

function knownName(address: Address, ctx: RuleContext): string | undefined {
  return ctx.facts.address(address).known?.name ?? safeHandler(address) ?? safeLibrary(address);
}

function holderOf(a: ControlAction, ctx: RuleContext): Holder {
  const g = a.grantee;
  if (!g || NOBODY.has(BigInt(g))) return { kind: 'nobody' };
  if (isYou(g, a, ctx)) return { kind: 'you' };
  if (sameAddress(g, a.subject)) return { kind: 'itself' };
  const name = knownName(g, ctx);
  if (name) return { kind: 'known', name };
  if (ctx.history?.has(g)) return { kind: 'sent-before' };
  const f = ctx.facts.address(g);
  if (f.code === 'eoa' || f.code === 'delegated') return { kind: 'plain-account', fresh: f.code === 'eoa' && f.nonce === 0 };
  const nonce = deployedBy(g, a, ctx);
  if (nonce !== undefined) return { kind: 'deployed-by-you', nonce };
  return f.code === 'contract' ? { kind: 'contract' } : { kind: 'unchecked' };
}

/** The nonce at which the signer (or the Safe acting) deployed `g` with CREATE, if it did. */
function deployedBy(g: Address, a: ControlAction, ctx: RuleContext): number | undefined {
  const deployers = [ctx.signer, a.by].filter((d, i, all): d is Address => !!d && all.findIndex((x) => sameAddress(x, d)) === i);
  const target = g.toLowerCase();
  for (const deployer of deployers) {
    const f = ctx.facts.address(deployer);
    const limit = Math.min(f.nonce ?? (f.code === 'contract' ? MAX_CONTRACT_NONCES : MAX_NONCES), MAX_NONCES);
    const nonce = createAddresses(deployer, limit).indexOf(target);
    if (nonce >= 0) return nonce;
  }
  return undefined;
}

// The addresses an account's CREATE gives at nonces 0…n-1 never change; with no node the search runs
// to 1,024 for every hand-over, and each address costs a keccak (a checksummed one two: 11 % of the scan
// path's time). Kept per deployer, lower-case, for the few accounts a user signs with.
const CREATE_MEMO_DEPLOYERS = 8;
const createMemo = new Map<string, string[]>();
function createAddresses(deployer: Address, count: number): string[] {
  const key = deployer.toLowerCase();
  const known = createMemo.get(key) ?? [];
  for (let nonce = known.length; nonce < count; nonce++) known.push(`0x${keccak256(toRlp([key as Hex, nonce === 0 ? '0x' : toHex(nonce)])).slice(26)}`);
  createMemo.delete(key);
  createMemo.set(key, known);
  if (createMemo.size > CREATE_MEMO_DEPLOYERS) createMemo.delete(createMemo.keys().next().value!);
  return known.slice(0, count);
}

// ---- words ----

function name(address: Address, ctx: RuleContext): string {
  const known = knownName(address, ctx);
  return known ? `${known} (${short(address)})` : short(address);
}

function subjectText(a: ControlAction, ctx: RuleContext): string {
  if (isYou(a.subject, a, ctx)) return sameAddress(a.subject, ctx.signer) ? 'your account' : `your account ${short(a.subject)}`;
  return `contract ${name(a.subject, ctx)}`;
}

function roleText(a: ControlAction): string {
  const known = a.role ? ROLE_NAMES.get(a.role.toLowerCase()) : undefined;
  return known ? `the ${known === 'DEFAULT_ADMIN_ROLE' ? 'admin role (DEFAULT_ADMIN_ROLE)' : `role ${known}`}` : `role ${a.role ? `${a.role.slice(0, 10)}…` : '(unknown)'}`;
}

/** What is handed over, as the object of "Hands … to". */
function powerText(a: ControlAction, ctx: RuleContext): string {
  const subject = subjectText(a, ctx);
  const safe = `the Safe ${short(a.subject)}`;
  const words: Record<ControlPower, string> = {
    ownership: a.name ? `control of an ENS name (${a.name.slice(0, 10)}…) in ${subject}` : a.signature.startsWith('transferProxyOwnership') ? `ownership of proxy ${name(a.subject, ctx)}` : `ownership of ${subject}`,
    'renounce-ownership': `ownership of ${subject}`,
    'accept-ownership': a.role ? `the admin role of ${subject}` : `ownership of ${subject}`,
    'proxy-admin': `the right to upgrade ${subject}`,
    upgrade: `the code of ${subject}`,
    role: `${roleText(a)} of ${subject}`,
    'renounce-role': `${roleText(a)} of ${subject}`,
    'safe-add-owner': `a seat as owner of ${safe}`,
    'safe-remove-owner': `a seat as owner of ${safe}`,
    'safe-swap-owner': `${a.removed && isYou(a.removed, a, ctx) ? 'your' : a.removed ? `${short(a.removed)}'s` : 'a'} seat as owner of ${safe}`,
    'safe-threshold': `the number of signatures ${safe} needs`,
    'safe-module': `a module's unlimited access to ${safe}`,
    'safe-guard': `a guard over every transaction of ${safe}`,
    'safe-fallback': `the fallback handler of ${safe}`,
    'safe-delegatecall': `the full power of ${safe}`,
    'ens-manager': `the management of an ENS name (${a.name ? `${a.name.slice(0, 10)}…` : ''}) in ${subject}`,
  };
  return words[a.power];
}

function holderText(h: Holder, g: Address | undefined, ctx: RuleContext): string {
  const at = g ? short(g) : '';
  switch (h.kind) {
    case 'nobody':
      return 'nobody (the zero address)';
    case 'you':
      return 'you';
    case 'itself':
      return 'the contract itself';
    case 'known':
      return name(g!, ctx);
    case 'sent-before':
      return `${at}, an address you have sent to before`;
    case 'deployed-by-you':
      return `${at}, a contract you deployed`;
    case 'contract':
      return `${at}, a contract that is not among the well-known ones`;
    case 'plain-account':
      return `${at}, a personal account${h.fresh ? ' that has never sent a transaction' : ''}`;
    case 'unchecked':
      return `${at}, an address the firewall could not check`;
  }
}

/** What the holder can do afterwards, and how final it is. */
function consequence(a: ControlAction, ctx: RuleContext): string {
  const twoStep = a.power === 'ownership' && !a.name && hasAcceptOwnership(a.subject, ctx);
  switch (a.power) {
    case 'ownership':
      if (a.name) return 'The owner of the name decides where it points, so coins and tokens sent to the name go to them; only they can give it back.';
      return `The owner can change everything only the owner may change (minting, fees, withdrawals, upgrades, depending on the contract), and only the new owner can give it back.${twoStep ? ' This contract is two-step: the change takes effect once the new owner accepts, and until then you can name someone else.' : ''}`;
    case 'renounce-ownership':
      return 'Nobody will be owner again: what only the owner could change is fixed for good, including anything you still needed to fix or withdraw. This cannot be undone.';
    case 'accept-ownership':
      return 'You take over the control the previous holder offered you.';
    case 'proxy-admin':
      return 'The admin can replace the contract\'s code at any time, and with it take everything the contract holds or is allowed to spend. Only the new admin can change the admin again.';
    case 'upgrade':
      return `From this transaction on, the contract runs the new code${a.initData && a.initData !== '0x' ? ', and runs a call in it right away' : ''}: that code can do anything with what the contract holds and with every approval given to it. Only an admin can change it back.`;
    case 'role':
      return isAdminRole(a)
        ? 'An admin can grant every role, including to themselves, and take yours away.'
        : 'A role is a power the contract gives its holder (for example minting or pausing); the firewall does not know this one\'s limits.';
    case 'renounce-role':
      return isAdminRole(a) ? 'You give up the admin role: unless another admin grants it back, you cannot manage the contract\'s roles again.' : 'You give up this role.';
    case 'safe-add-owner':
      return a.threshold !== undefined && a.threshold <= 1n
        ? 'With a threshold of 1, the new owner alone can move everything in the Safe, and remove the other owners.'
        : `The Safe will need ${a.threshold ?? 'several'} owner signatures per transaction; the new owner is one of them.`;
    case 'safe-remove-owner':
      return `${isYou(a.removed, a, ctx) ? 'You will no longer be an owner of this Safe and cannot approve or block its transactions.' : `${a.removed ? short(a.removed) : 'An owner'} will no longer be an owner.`} The Safe will then need ${a.threshold ?? 'some'} signature${a.threshold === 1n ? '' : 's'}.`;
    case 'safe-swap-owner':
      return 'The new owner takes over that seat, with the same say over everything in the Safe.';
    case 'safe-threshold':
      return `From then on ${a.threshold ?? 'that many'} owner signature${a.threshold === 1n ? '' : 's'} will be enough to move anything in the Safe.`;
    case 'safe-module':
      return 'A module can move everything in the Safe without any owner signing, and stays until a Safe transaction removes it.';
    case 'safe-guard':
      return a.grantee ? 'A guard checks every Safe transaction and can block all of them, including the one that would remove it.' : 'This removes the guard.';
    case 'safe-fallback':
      return a.grantee
        ? 'The handler answers every call the Safe itself does not know, outside the owners\' control (Safe\'s own code calls this a security risk): a malicious handler can, for example, confirm signatures in the Safe\'s name.'
        : 'This removes the fallback handler.';
    case 'safe-delegatecall':
      return a.unreadable
        ? 'The batch of calls the Safe would run (MultiSend) does not read to its end, so the firewall cannot tell what all of it does; it runs with the Safe\'s full power.'
        : 'A delegatecall runs that contract\'s code as the Safe itself: it can change the owners, add modules or move everything, and nothing in the Safe checks what it does.';
    case 'ens-manager':
      return 'The manager decides where the name points, so payments sent to the name; as holder of the name\'s NFT you can reclaim it later.';
  }
}

const ACCEPT_OWNERSHIP_PUSH = '6379ba5097'; // PUSH4 acceptOwnership() in a Solidity dispatcher

/** Ownable2Step contracts carry `acceptOwnership()` in their dispatcher. */
function hasAcceptOwnership(subject: Address, ctx: RuleContext): boolean {
  return ctx.facts.address(subject).bytecode?.toLowerCase().includes(ACCEPT_OWNERSHIP_PUSH) ?? false;
}

function facts(a: ControlAction, h: Holder) {
  return evidence({ power: a.power, subject: a.subject, grantee: a.grantee, removed: a.removed, by: a.by, holder: h.kind, threshold: a.threshold, role: a.role, name: a.name, function: a.signature, where: a.where });
}

function hits(ctx: RuleContext, outcome: Outcome, hit: (a: ControlAction, h: Holder) => RuleHit): RuleHit[] {
  return actionsOf(ctx, 'control')
    .map((a) => [a, assess(a, ctx)] as const)
    .filter(([, x]) => x.outcome === outcome)
    .map(([a, x]) => hit(a, x.holder));
}

function strangerText(a: ControlAction, h: Holder): string {
  if (a.power === 'safe-delegatecall' && !a.unreadable) return 'That contract is not one of Safe\'s own libraries (MultiSend, SignMessageLib, CreateCall, migrations), not a well-known contract, and not one you deployed.';
  if (a.unreadable) return '';
  if (h.kind === 'unchecked') return 'The firewall could not check on chain what this address is.';
  if (h.kind === 'contract') return 'That contract is not among the well-known ones, and it is not one you deployed or sent to before; if it is your own multisig or timelock, this is fine.';
  return 'You have never sent anything to this address and it is not a known protocol.';
}

const handsTitle = (a: ControlAction, h: Holder, ctx: RuleContext) => `Hands ${powerText(a, ctx)} to ${holderText(h, a.grantee, ctx)}`;

export const controlRules: Rule[] = [
  {
    id: 'control.to-plain-account',
    severity: 'danger',
    summary: 'Hands full control (ownership, proxy admin, admin role, a Safe owner seat or module) to a personal account you never sent to: the drainer pattern.',
    check: (ctx) =>
      hits(ctx, 'to-plain-account', (a, h) => ({
        title: handsTitle(a, h, ctx),
        detail: `${consequence(a, ctx)} The new holder is a personal account that is not you, not a known protocol, and not an address you have sent to before. Scam sites ask for exactly this: once it goes through, whoever holds that key controls everything this gives.`,
        evidence: facts(a, h),
      })),
  },
  {
    id: 'control.to-unverified',
    severity: 'warn',
    summary: 'Hands control to a contract that is not well known, to an address that could not be checked, or lesser powers (a role, an ENS name, a Safe seat under a higher threshold, a guard, a handler, a delegatecall) to a stranger.',
    check: (ctx) =>
      hits(ctx, 'to-unverified', (a, h) => ({
        title: a.unreadable
          ? `Runs a batch as the Safe ${short(a.subject)} that the firewall cannot read to its end`
          : a.power === 'safe-delegatecall'
            ? `Lets ${a.grantee ? short(a.grantee) : 'another contract'} run code as the Safe ${short(a.subject)}`
            : handsTitle(a, h, ctx),
        detail: `${consequence(a, ctx)} ${strangerText(a, h)} Only continue if you know who receives this.`,
        evidence: facts(a, h),
      })),
  },
  {
    id: 'control.upgrade',
    severity: 'warn',
    summary: 'Replaces the code behind a proxy (or your smart account) with a contract that is neither well known nor deployed by you.',
    check: (ctx) =>
      hits(ctx, 'upgrade', (a, h) => ({
        title: `Replaces the code of ${subjectText(a, ctx)} with ${holderText(h, a.grantee, ctx)}`,
        detail: `${consequence(a, ctx)} ${h.kind === 'you' || ['eoa', 'delegated'].includes(ctx.facts.address(a.grantee!).code) ? 'The new "code" is an account without code, so the contract would stop working or behave unpredictably.' : 'The firewall cannot tie the new code to you or to a known protocol. Phishing sites ask owners to "upgrade" a proxy (for example an NFT marketplace proxy) to a contract that empties it.'}`,
        evidence: facts(a, h),
      })),
  },
  {
    id: 'control.gives-up',
    severity: 'warn',
    summary: 'Gives control up for good: renounces ownership or the admin role, sends ownership to the zero address, or removes you as a Safe owner.',
    check: (ctx) =>
      hits(ctx, 'gives-up', (a, h) => ({
        title:
          a.power === 'safe-remove-owner'
            ? `Removes you as an owner of the Safe ${short(a.subject)}`
            : a.power === 'renounce-ownership' || a.power === 'renounce-role'
              ? `Gives up ${powerText(a, ctx)}, for good`
              : `Hands ${powerText(a, ctx)} to ${holderText(h, a.grantee, ctx)}, for good`,
        detail: a.power === 'renounce-ownership' || a.power === 'safe-remove-owner' || a.power === 'renounce-role' ? consequence(a, ctx) : `Nobody can use control given to ${holderText(h, a.grantee, ctx)}: what only the holder could change is fixed for good. This cannot be undone.`,
        evidence: facts(a, h),
      })),
  },
  {
    id: 'control.summary',
    severity: 'info',
    summary: 'Describes a change of control that stays with you, a well-known contract, an address you have sent to before, or a contract you deployed.',
    check: (ctx) =>
      hits(ctx, 'summary', (a, h) => ({
        title:
          a.power === 'accept-ownership'
            ? `Makes you the ${a.role ? 'admin' : 'owner'} of ${subjectText(a, ctx)}`
            : a.power === 'safe-threshold'
              ? `Sets the Safe ${short(a.subject)} to need ${a.threshold} signature${a.threshold === 1n ? '' : 's'}`
              : a.power === 'safe-remove-owner' || a.power === 'renounce-role'
                ? `Removes ${a.removed ? short(a.removed) : 'an account'} from ${powerText(a, ctx)}`
                : (a.power === 'safe-guard' || a.power === 'safe-fallback') && !a.grantee
                  ? `Removes ${powerText(a, ctx)}`
                  : a.power === 'safe-delegatecall'
                    ? `Runs ${holderText(h, a.grantee, ctx)} as the Safe ${short(a.subject)}`
                    : a.power === 'upgrade'
                      ? `Upgrades ${subjectText(a, ctx)} to new code at ${holderText(h, a.grantee, ctx)}`
                      : handsTitle(a, h, ctx),
        detail: consequence(a, ctx),
        evidence: facts(a, h),
      })),
  },
];
