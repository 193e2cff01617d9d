import type { Finding } from '../analysis/types';
import { strings } from './strings';

const isSite = (f: Finding) => f.id.startsWith('site.');

/** A warning or danger: its title in view, its explanation one click away; the lead's explanation shows, as its title is the window's sentence. */
function Alarm({ f, lead }: { f: Finding; lead: boolean }) {
  const common = { className: `finding finding-${f.severity}`, 'data-severity': f.severity, 'data-id': f.id, ...(isSite(f) ? { 'data-testid': 'site-warning' } : {}) };
  const tag = <span className="tag">{strings.severity[f.severity]}</span>;
  if (lead) {
    return (
      <li {...common} data-lead="true">
        {/* The sentence above says it already; kept for screen readers and the history's text, not shown twice. */}
        <span className="visually-hidden">
          {tag} <strong>{f.title}</strong>
        </span>
        <p>{f.detail}</p>
      </li>
    );
  }
  return (
    <li {...common}>
      <details>
        <summary>
          {tag} <strong data-testid="finding-title">{f.title}</strong>
        </summary>
        <p>{f.detail}</p>
      </details>
    </li>
  );
}

function Note({ f }: { f: Finding }) {
  return (
    <li className="finding finding-info" data-severity="info" data-id={f.id}>
      <span className="tag">{strings.severity.info}</span> <strong data-testid="finding-title">{f.title}</strong>
      <p>{f.detail}</p>
    </li>
  );
}

/**
 * The reasons, strongest first: why the sentence above holds, then the other warnings by title, each
 * explained one click away; notes (what the request does, facts that only restate a warning) folded.
 */
export function FindingList({ findings, summary }: { findings: Finding[]; summary: string }) {
  if (findings.length === 0) return null;
  const alarms = findings.filter((f) => f.severity !== 'info');
  const notes = findings.filter((f) => f.severity === 'info');
  const leadIndex = alarms.findIndex((f) => f.title === summary);
  return (
    <section aria-labelledby="findings-title">
      <h2 id="findings-title">{strings.confirm.findings}</h2>
      {alarms.length > 0 && (
        <ul className="findings" data-testid="findings">
          {alarms.map((f, i) => (
            <Alarm key={`${f.id}-${i}`} f={f} lead={i === leadIndex} />
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <details data-testid="notes" open={alarms.length === 0}>
          <summary>{strings.confirm.notes(notes.length)}</summary>
          <ul className="findings" {...(alarms.length === 0 ? { 'data-testid': 'findings' } : {})}>
            {notes.map((f, i) => (
              <Note key={`${f.id}-${i}`} f={f} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
