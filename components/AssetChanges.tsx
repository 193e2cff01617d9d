import type { AssetChangesReport, AssetChange, ApprovalChange as Approval } from '../analysis/ethereum/simulate/types';
import { sayOnce } from '../analysis/findings/group';
import { shortAddress } from './short-address';
import { strings } from './strings';

const s = strings.confirm;

const loses = (c: AssetChange) => c.amount.startsWith('-');
const only = (others: Map<string, unknown>) => [...others.keys()][0]!;
const words = (c: AssetChange) => c.display.replace(/^[+-]\s*/, '');

/** One line per direction and way of saying it: "loses up to an unlimited amount of USDC, USDT and DAI", not three. */
function ChangeLines({ changes }: { changes: AssetChange[] }) {
  const lines: { out: boolean; text: string }[] = [];
  for (const out of [true, false]) {
    const side = changes.filter((c) => loses(c) === out).map(words);
    const once = side.length > 1 ? sayOnce(side) : undefined;
    for (const text of once ? [once] : side) lines.push({ out, text });
  }
  return (
    <ul>
      {lines.map(({ out, text }, i) => (
        <li key={i} className={out ? 'change-out' : 'change-in'} data-direction={out ? 'out' : 'in'}>
          <span aria-hidden="true">{out ? '−' : '+'}</span> <span className="visually-hidden">{out ? s.sends : s.receives}</span> {text}
        </li>
      ))}
    </ul>
  );
}

function scopeOf(a: Approval): string {
  return a.scope === 'all' ? s.scope.all : a.unlimited ? s.scope.unlimited : a.scope === 'item' ? `#${a.tokenId}` : (a.amount ?? '');
}

/** Permissions by spender: "0x0000…0000 may take USDC, USDT and DAI (unlimited)" in one line. */
function Permissions({ approvals }: { approvals: Approval[] }) {
  const bySpender = new Map<string, Approval[]>();
  for (const a of approvals) bySpender.set(a.spender.toLowerCase(), [...(bySpender.get(a.spender.toLowerCase()) ?? []), a]);
  return (
    <ul data-party="approvals">
      {[...bySpender.values()].map((list) => {
        const granted = list.filter((a) => !a.revokes);
        const revoked = list.filter((a) => a.revokes);
        const tokens = (l: Approval[]) => l.map((a) => `${a.symbol ?? shortAddress(a.token)} (${scopeOf(a)})`);
        const who = shortAddress(list[0]!.spender);
        return (
          <li key={who} title={list[0]!.spender}>
            {granted.length > 0 && <>⚑ {s.mayTake(who, sayOnce(tokens(granted)) ?? tokens(granted).join(', '))}</>}
            {revoked.length > 0 && <>✕ {s.noLongerTakes(who, tokens(revoked).join(', '))}</>}
          </li>
        );
      })}
    </ul>
  );
}

/** The asset changes as the user should read them: theirs and the rights they give in view, everyone else's one click away. */
export function AssetChanges({ report, signer }: { report?: AssetChangesReport; signer?: string }) {
  if (!report) return null;
  let body: React.ReactNode;
  if (report.state === 'late') body = <p aria-busy="true">{s.changesLate}</p>;
  else if (report.state === 'unavailable' || !report.result || report.result.outcome === 'unavailable') {
    body = <p>{s.changesUnavailable(report.reason ?? report.result?.reason ?? s.noSimulation)}</p>;
  } else {
    const result = report.result;
    const mine = (c: AssetChange) => signer !== undefined && c.party.toLowerCase() === signer.toLowerCase();
    const you = result.changes.filter(mine);
    const others = new Map<string, AssetChange[]>();
    for (const c of result.changes.filter((c) => !mine(c))) others.set(c.party, [...(others.get(c.party) ?? []), c]);
    body = (
      <>
        {result.outcome === 'reverted' && <p className="finding-danger">{s.changesReverted(result.revert?.reason ?? s.unknownReason)}</p>}
        {result.when === 'on-submit' && <p className="muted">{s.changesOnSubmit}</p>}
        {result.changes.length === 0 && result.approvals.length === 0 && result.outcome === 'success' && <p>{s.changesNone}</p>}
        {you.length > 0 && (
          <div className="party" data-party="you">
            <ChangeLines changes={you} />
          </div>
        )}
        {result.approvals.length > 0 && <Permissions approvals={result.approvals} />}
        {others.size > 0 && (
          <details className="others">
            <summary>{others.size === 1 ? s.otherGets(shortAddress(only(others)), s.partyCode[result.parties[only(others)] ?? 'unknown']) : s.others(others.size)}</summary>
            {[...others].map(([party, changes]) => (
              <div className="party" key={party} data-party={party.toLowerCase()}>
                <h3 title={party}>{shortAddress(party)}</h3>
                <ChangeLines changes={changes} />
              </div>
            ))}
          </details>
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
