// Who the request deals with, as a person can recognise them: the addresses that would receive assets
// or rights (the address-list rule checks each), and of them the one the window names first.
import type { Address } from 'viem';
import type { Action } from './decode/actions';
import type { Facts } from './context/facts';
import type { SiteRisk } from '../site/site-risk';
import type { Counterparty, CounterpartyRole } from '../types';

export interface Party {
  address: Address;
  role: CounterpartyRole;
}

/** Addresses that receive assets or rights in the request, with the role each plays, each once. */
export function counterparties(actions: readonly Action[]): Party[] {
  const out: Party[] = [];
  for (const a of actions) {
    switch (a.kind) {
      case 'approval':
        out.push({ address: a.spender, role: a.standard === 'setApprovalForAll' ? 'operator' : 'spender' });
        break;
      case 'transfer':
        out.push({ address: a.to, role: 'recipient' });
        break;
      case 'payout':
        out.push({ address: a.recipient, role: 'recipient' });
        break;
      case 'call':
        if (a.to) out.push({ address: a.to, role: 'target contract' });
        break;
      case 'order':
        for (const p of a.paysOthers) out.push({ address: p.recipient, role: 'order recipient' });
        if (a.taker) out.push({ address: a.taker, role: 'order taker' });
        break;
      case 'authorization':
        out.push({ address: a.delegate, role: 'EIP-7702 delegate' });
        break;
      case 'typed-data':
        if (a.verifyingContract) out.push({ address: a.verifyingContract, role: 'verifying contract' });
        break;
      default:
        break;
    }
  }
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(`${c.address.toLowerCase()}:${c.role}`) && seen.add(`${c.address.toLowerCase()}:${c.role}`));
}

/** Who receives the rights or assets comes before the contract that is merely called. */
const ROLE_ORDER: readonly CounterpartyRole[] = ['spender', 'operator', 'EIP-7702 delegate', 'recipient', 'order recipient', 'order taker', 'target contract', 'verifying contract'];

function describe(party: Party, facts: Facts, site: SiteRisk | undefined): Counterparty {
  const { address, role } = party;
  if (site?.listedAddress(address).length) return { address, role, kind: 'listed' };
  const f = facts.address(address);
  if (f.known) return { address, role, kind: 'known', name: f.known.name, ...(f.known.protocol ? { protocol: f.known.protocol } : {}) };
  switch (f.code) {
    case 'eoa':
      // What should run as code (a delegate, a called contract) but has none is not someone's account.
      if (role === 'EIP-7702 delegate' || role === 'target contract') return { address, role, kind: 'no-code' };
      return { address, role, kind: f.nonce === 0 ? 'new-account' : 'personal-account' };
    case 'contract':
      return { address, role, kind: 'unknown-contract' };
    case 'delegated':
      return { address, role, kind: 'delegated-account' };
    default:
      return { address, role, kind: 'unchecked' };
  }
}

const WORRY: Record<Counterparty['kind'], number> = { listed: 0, 'no-code': 1, 'new-account': 1, 'personal-account': 1, 'delegated-account': 1, 'unknown-contract': 2, unchecked: 2, known: 3 };

/**
 * The counterparty the window names: the most worrying of those that are not the signer (a listed
 * address, then a personal account, then a contract nobody names, then a known protocol), and among
 * equals the one that receives rights or assets before the one merely called.
 */
export function leadCounterparty(actions: readonly Action[], facts: Facts, signer: Address | undefined, site: SiteRisk | undefined): Counterparty | undefined {
  const others = counterparties(actions).filter((p) => p.address.toLowerCase() !== signer?.toLowerCase());
  const described = others.map((p) => describe(p, facts, site));
  return described.sort((a, b) => WORRY[a.kind] - WORRY[b.kind] || ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))[0];
}
