import type { Finding } from '../analysis/types';
import { strings } from './strings';

export function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <section aria-labelledby="findings-title">
      <h2 id="findings-title">{strings.confirm.findings}</h2>
      <ul className="findings" data-testid="findings">
        {findings.map((f, i) => (
          <li key={`${f.id}-${i}`} className={`finding finding-${f.severity}`} data-severity={f.severity} data-id={f.id}>
            <span className="tag">{strings.severity[f.severity]}</span> <strong>{f.title}</strong>
            <p>{f.detail}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
