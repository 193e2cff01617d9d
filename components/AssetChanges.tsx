import type { AssetChangesReport, AssetChange } from '../analysis/ethereum/simulate/types';
import { strings } from './strings';

const s = strings.confirm;

function short(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

function ChangeLine({ change }: { change: AssetChange }) {
  const loses = change.amount.startsWith('-');
  return (
    <li className={loses ? 'change-out' : 'change-in'} data-direction={loses ? 'out' : 'in'}>
      <span aria-hidden="true">{loses ? '−' : '+'}</span> <span className="visually-hidden">{loses ? s.sends : s.receives}</span>{' '}
      {change.display.replace(/^[+-]\s*/, '')}
    </li>
  );
}

/** The asset changes as the user should read them: theirs first, then everyone else's. */
export function AssetChanges({ report, signer }: { report?: AssetChangesReport; signer?: string }) {
  if (!report) return null;
  let body: React.ReactNode;
  if (report.state === 'late') body = <p aria-busy="true">{s.changesLate}</p>;
  else if (report.state === 'unavailable' || !report.result || report.result.outcome === 'unavailable') {
    body = <p>{s.changesUnavailable(report.reason ?? report.result?.reason ?? 'no simulation')}</p>;
  } else {
    const result = report.result;
    const mine = (c: AssetChange) => signer !== undefined && c.party.toLowerCase() === signer.toLowerCase();
    const you = result.changes.filter(mine);
    const others = new Map<string, AssetChange[]>();
    for (const c of result.changes.filter((c) => !mine(c))) others.set(c.party, [...(others.get(c.party) ?? []), c]);
    body = (
      <>
        {result.outcome === 'reverted' && <p className="finding-danger">{s.changesReverted(result.revert?.reason ?? 'unknown reason')}</p>}
        {result.when === 'on-submit' && <p>{s.changesOnSubmit}</p>}
        {result.changes.length === 0 && result.approvals.length === 0 && result.outcome === 'success' && <p>{s.changesNone}</p>}
        {you.length > 0 && (
          <div className="party" data-party="you">
            <h3>{s.you}</h3>
            <ul>{you.map((c, i) => <ChangeLine key={i} change={c} />)}</ul>
          </div>
        )}
        {[...others].map(([party, changes]) => (
          <div className="party" key={party} data-party={party.toLowerCase()}>
            <h3 title={party}>{s.party(short(party))}</h3>
            <ul>{changes.map((c, i) => <ChangeLine key={i} change={c} />)}</ul>
          </div>
        ))}
        {result.approvals.length > 0 && (
          <div className="party" data-party="approvals">
            <h3>{s.approvals}</h3>
            <ul>
              {result.approvals.map((a, i) => (
                <li key={i}>
                  {a.revokes ? '✕' : '⚑'} {a.symbol ?? short(a.token)} → {short(a.spender)}{' '}
                  {a.scope === 'all' ? '(all items)' : a.unlimited ? '(unlimited)' : a.scope === 'item' ? `#${a.tokenId}` : a.amount}
                </li>
              ))}
            </ul>
          </div>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="changes-title" data-testid="asset-changes" data-state={report.state}>
      <h2 id="changes-title">{s.changes}</h2>
      {body}
    </section>
  );
}
