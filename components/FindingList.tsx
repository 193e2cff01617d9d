import type { Finding } from '../analysis/types';
import { strings } from './strings';

function Item({ f }: { f: Finding }) {
  return (
    <li className={`finding finding-${f.severity}`} data-severity={f.severity} data-id={f.id}>
      <span className="tag">{strings.severity[f.severity]}</span> <strong data-testid="finding-title">{f.title}</strong>
      <p>{f.detail}</p>
    </li>
  );
}

/**
 * The reasons: warnings and dangers in view, strongest first; notes (what the request does, facts
 * that only restate a warning) one click away, so the first screen says why in a few lines.
 */
export function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  const alarms = findings.filter((f) => f.severity !== 'info');
  const notes = findings.filter((f) => f.severity === 'info');
  return (
    <section aria-labelledby="findings-title">
      <h2 id="findings-title">{strings.confirm.findings}</h2>
      {alarms.length > 0 && <ul className="findings" data-testid="findings">{alarms.map((f, i) => <Item key={`${f.id}-${i}`} f={f} />)}</ul>}
      {notes.length > 0 && (
        <details data-testid="notes" open={alarms.length === 0}>
          <summary>{strings.confirm.notes(notes.length)}</summary>
          <ul className="findings" {...(alarms.length === 0 ? { 'data-testid': 'findings' } : {})}>{notes.map((f, i) => <Item key={`${f.id}-${i}`} f={f} />)}</ul>
        </details>
      )}
    </section>
  );
}
