// Rules on what the simulation says a request moves. They judge outcomes, not calldata: a drainer's
// harmless-looking `claim()` is caught because the signer's tokens end up with a stranger. Rules of
// the pipeline like the others, over a simulation result, which may arrive after the other rules have
// run, so they are a family of their own.
import type { Address } from 'viem';
import type { Action } from '../decode/actions';
import { assetKey } from '../simulate/changes';
import type { AssetChange, SimulatedAsset, SimulationResult } from '../simulate/types';
import type { Rule, RuleHit } from '../../findings/rule';
import { runRules } from '../../findings/runner';
import { sameAddress } from './rule';

export interface SimulationRuleContext {
  simulation: SimulationResult;
  actions: readonly Action[];
  chainId?: number;
}

export type SimulationRule = Rule<SimulationRuleContext>;

/** Less than this much of the native coin is dust: 0.001. */
const NATIVE_DUST = 10n ** 15n;
/** Less than a millionth of one token is dust. */
const TOKEN_DUST_DIGITS = 6;
const ZERO = '0x0000000000000000000000000000000000000000';

const lossForNothing: SimulationRule = {
  id: 'simulation.loss-for-nothing',
  severity: 'danger',
  summary: 'The simulation shows you lose tokens, NFTs or coins that you did not ask to send, and get nothing (or only dust) back.',
  check(ctx) {
    const s = ctx.simulation;
    if (s.outcome !== 'success' || !s.signer) return [];
    // Permits are judged by the approval rules; a signature here means an order.
    if (s.when === 'on-submit' && ctx.actions.some((a) => a.kind === 'approval' && a.signature)) return [];
    const mine = s.changes.filter((c) => sameAddress(c.party, s.signer));
    const losses = s.when === 'now' ? unexplainedLosses(ctx) : mine.filter((c) => BigInt(c.amount) < 0n);
    if (losses.length === 0) return [];
    const gains = mine.filter((c) => BigInt(c.amount) > 0n && !isDust(c.asset, BigInt(c.amount)));
    if (gains.length > 0) return [];
    const dust = mine.filter((c) => BigInt(c.amount) > 0n);
    const lost = losses.map((c) => c.display.replace(/^-/, '')).join(', ');
    const back = dust.length ? `only ${dust.map((c) => c.display.replace(/^\+/, '')).join(', ')}` : 'nothing';
    return [
      {
        title: s.when === 'now' ? 'You would lose assets and get nothing back' : 'Signing this lets someone take your assets for nothing',
        detail:
          s.when === 'now'
            ? `Running this transaction on the current state of the chain takes ${lost} from you and gives you ${back} in return. This is what wallet drainers do.`
            : `When someone submits this signature, you give ${lost} and get ${back} in return.`,
        evidence: { losses: losses.map(brief), gains: dust.map(brief) },
      },
    ];
  },
};

const assetsToThirdParty: SimulationRule = {
  id: 'simulation.assets-to-stranger',
  severity: 'warn',
  summary: 'Your assets end up with a plain account (not a contract) that is neither you, the contract you call, nor a recipient you named.',
  check(ctx) {
    const s = ctx.simulation;
    if (s.outcome !== 'success' || s.when !== 'now' || !s.signer) return [];
    const lostKeys = new Set(unexplainedLosses(ctx).map((c) => assetKey(c.asset)));
    const hits = new Map<string, AssetChange[]>();
    for (const c of s.changes) {
      if (BigInt(c.amount) <= 0n || !lostKeys.has(assetKey(c.asset))) continue;
      if (sameAddress(c.party, s.signer) || sameAddress(c.party, ZERO) || s.targets.some((t) => sameAddress(t, c.party))) continue;
      if (isNamedRecipient(ctx.actions, c.party)) continue;
      if (s.parties[c.party] !== 'eoa') continue;
      hits.set(c.party, [...(hits.get(c.party) ?? []), c]);
    }
    return [...hits].map(([party, got]) => ({
      title: 'Your assets go to an unknown account',
      detail: `${party} receives ${got.map((c) => c.display.replace(/^\+/, '')).join(', ')} from this transaction. It is a plain account, not the contract you are calling, and you did not name it as a recipient.`,
      evidence: { recipient: party, received: got.map(brief) },
    }));
  },
};

const reverted: SimulationRule = {
  id: 'simulation.reverted',
  severity: 'warn',
  summary: 'The simulation shows the transaction would fail; the network fee would be paid for nothing.',
  check(ctx) {
    const s = ctx.simulation;
    if (s.outcome !== 'reverted' || !s.revert) return [];
    const where = s.targets.length > 1 ? ` at call ${s.revert.call + 1}` : '';
    return [
      {
        title: 'This transaction would fail',
        detail: `Run on the current state of the chain, it stops${where} with ${s.revert.reason}. If you send it anyway, it fails and you still pay the network fee.`,
        evidence: { call: s.revert.call, reason: s.revert.reason, ...(s.revert.data ? { data: s.revert.data } : {}) },
      },
    ];
  },
};

const hiddenApproval: SimulationRule = {
  id: 'simulation.hidden-approval',
  severity: 'danger',
  summary: 'The simulation shows the transaction grants an approval over your tokens that its call data does not show.',
  check(ctx) {
    const s = ctx.simulation;
    if (s.outcome !== 'success' || s.when !== 'now' || !s.signer) return [];
    const decoded = ctx.actions.filter((a) => a.kind === 'approval');
    return s.approvals
      .filter((a) => sameAddress(a.owner, s.signer) && !a.revokes)
      .filter((a) => !decoded.some((d) => sameAddress(d.token, a.token) && sameAddress(d.spender, a.spender)))
      .map((a) => {
        const what = a.scope === 'all' ? `all your ${a.symbol ?? a.token}` : a.scope === 'item' ? `${a.symbol ?? a.token} #${a.tokenId}` : a.unlimited ? `an unlimited amount of your ${a.symbol ?? a.token}` : `${a.amount} units of your ${a.symbol ?? a.token}`;
        return {
          title: 'This transaction secretly gives someone access to your tokens',
          detail: `Besides what it appears to do, it lets ${a.spender} take ${what}. Nothing in the request itself shows this approval.`,
          evidence: { token: a.token, spender: a.spender, scope: a.scope, unlimited: a.unlimited },
        };
      });
  },
};

/** A rule on a simulation that did not run: one for a node that failed (`nodeFailed`), one for the known limits. */
function notSimulated(rule: Omit<SimulationRule, 'check'>, nodeFailed: boolean, hit: (s: SimulationResult, reason: string) => RuleHit): SimulationRule {
  return { ...rule, check: ({ simulation: s }) => (s.outcome === 'unavailable' && !!s.nodeFailure === nodeFailed ? [hit(s, s.reason ?? 'no reason given')] : []) };
}

// A node that cannot simulate (no method for it) is a known limit and stays a note; a node that fails is
// a fault, and passing the request on quietly would look like "simulated, nothing found".
const nodeFailed = notSimulated(
  { id: 'simulation.node-failed', severity: 'warn', summary: 'The node did not answer the simulation, or serves another chain, so what the request would move is not known.' },
  true,
  (s, reason) => {
    const why = s.nodeFailure === 'wrong-chain' ? 'your node is on another network, so the firewall did not simulate on it' : 'your node did not answer';
    // The node's own error message stays in the evidence (technical details): it means nothing to most people.
    return { title: 'What this would move could not be checked', detail: `The firewall could not simulate this request: ${why}. What it would move is not known.`, evidence: { reason, nodeFailure: s.nodeFailure } };
  },
);

const unavailable = notSimulated(
  { id: 'simulation.unavailable', severity: 'info', summary: 'What the request would move could not be worked out (no node configured, the node offers no way to simulate); says why.' },
  false,
  (s, reason) => ({ title: 'What this request moves could not be worked out', detail: `The firewall could not simulate it: ${reason}.`, evidence: { reason: s.reason } }),
);

export const simulationRules: readonly SimulationRule[] = [lossForNothing, assetsToThirdParty, hiddenApproval, reverted, nodeFailed, unavailable];

/** Runs every enabled simulation rule through the pipeline's runner. */
export function checkSimulation(ctx: SimulationRuleContext, disabled: ReadonlySet<string> = new Set()) {
  return runRules(simulationRules, ctx, disabled);
}

/** The signer's losses that the request does not openly ask for. Paying the contract you call (a mint
 *  price, a deposit) or sending to a recipient named in the call is asked for, as long as that is where
 *  the asset stays: a drainer's `claim()` takes the ETH sent with it and passes it on. */
function unexplainedLosses(ctx: SimulationRuleContext): AssetChange[] {
  const s = ctx.simulation;
  const gained = (party: Address, key: string) => s.changes.some((c) => sameAddress(c.party, party) && assetKey(c.asset) === key && BigInt(c.amount) > 0n);
  return s.changes.filter((c) => {
    if (!sameAddress(c.party, s.signer) || BigInt(c.amount) >= 0n) return false;
    const key = assetKey(c.asset);
    if (c.asset.kind === 'native' && s.targets.some((t) => gained(t, key))) return false;
    const named = ctx.actions.filter((a) => a.kind === 'transfer' && (a.token === undefined ? c.asset.kind === 'native' : sameAddress(a.token, c.asset.token)));
    return !named.some((a) => a.kind === 'transfer' && gained(a.to, key));
  });
}

function isNamedRecipient(actions: readonly Action[], party: Address): boolean {
  return actions.some((a) => (a.kind === 'transfer' && sameAddress(a.to, party)) || (a.kind === 'payout' && sameAddress(a.recipient, party)));
}

function isDust(asset: SimulatedAsset, amount: bigint): boolean {
  if (asset.kind === 'native') return amount < NATIVE_DUST;
  if (asset.kind === 'erc20' && asset.decimals !== undefined) return asset.decimals >= TOKEN_DUST_DIGITS && amount < 10n ** BigInt(asset.decimals - TOKEN_DUST_DIGITS);
  return false;
}

function brief(c: AssetChange) {
  return { asset: c.asset.kind, token: c.asset.token, tokenId: c.asset.tokenId, amount: c.amount, display: c.display };
}
