import type { Counterparty } from '../analysis/types';
import { shortAddress } from './short-address';
import { strings } from './strings';

const s = strings.confirm.counterparty;

/** Who the request deals with, named the way a person recognises them: a protocol, a personal account, a known scam address. */
export function CounterpartyLine({ party }: { party?: Counterparty }) {
  if (!party) return null;
  const known = party.kind === 'known' && party.name;
  return (
    <p className="counterparty" data-testid="counterparty" data-kind={party.kind}>
      <span className="muted">{s.role[party.role]}:</span>{' '}
      <strong title={party.address} className={party.kind === 'listed' ? 'finding-danger' : undefined}>
        {known ? party.name : shortAddress(party.address)}
      </strong>
      , {s.kind[party.kind]}
    </p>
  );
}
