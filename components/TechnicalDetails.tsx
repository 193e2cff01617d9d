import type { Finding } from '../analysis/types';
import type { CheckedOn } from '../common/messages';
import { strings } from './strings';

const s = strings.confirm;

export interface TechnicalDetailsProps {
  origin: string;
  frameUrl?: string;
  checkedOn?: CheckedOn;
  method: string;
  findings: Finding[];
  rawJson: string;
}

/** Who asked through which node, the decoded facts behind the findings and the raw request, folded: for those who want to check. */
export function TechnicalDetails({ origin, frameUrl, checkedOn, method, findings, rawJson }: TechnicalDetailsProps) {
  const withEvidence = findings.filter((f) => f.evidence);
  return (
    <details className="technical">
      <summary>{s.technical}</summary>
      <dl>
        <dt>
          {s.site} <small>({s.siteNote})</small>
        </dt>
        <dd data-testid="origin">{origin}</dd>
        {frameUrl && (
          <>
            <dt>{s.frame}</dt>
            <dd data-testid="frame">{frameUrl}</dd>
          </>
        )}
        {checkedOn && (
          <>
            <dt>{s.checkedOn}</dt>
            <dd data-testid="checked-on" data-kind={checkedOn.kind} title={checkedOn.passedOver.join('; ')}>
              {s.checkedVia[checkedOn.kind](checkedOn.url ?? '')}
            </dd>
          </>
        )}
        <dt>{s.method}</dt>
        <dd data-testid="method">{method}</dd>
      </dl>
      {withEvidence.length > 0 && (
        <details>
          <summary>{s.decoded}</summary>
          <pre data-testid="decoded">{JSON.stringify(Object.fromEntries(withEvidence.map((f) => [f.id, f.evidence])), null, 2)}</pre>
        </details>
      )}
      <details>
        <summary>{s.raw}</summary>
        <pre data-testid="raw">{rawJson}</pre>
      </details>
    </details>
  );
}
