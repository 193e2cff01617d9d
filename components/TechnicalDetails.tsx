import type { Finding } from '../analysis/types';
import { strings } from './strings';

/** The decoded facts behind the findings and the raw request, folded: for those who want to check. */
export function TechnicalDetails({ findings, rawJson }: { findings: Finding[]; rawJson: string }) {
  const withEvidence = findings.filter((f) => f.evidence);
  return (
    <>
      {withEvidence.length > 0 && (
        <details>
          <summary>{strings.confirm.technical}</summary>
          <pre data-testid="decoded">{JSON.stringify(Object.fromEntries(withEvidence.map((f) => [f.id, f.evidence])), null, 2)}</pre>
        </details>
      )}
      <details>
        <summary>{strings.confirm.raw}</summary>
        <pre data-testid="raw">{rawJson}</pre>
      </details>
    </>
  );
}
