import type { Finding } from '../analysis/types';
import type { CheckedOn } from '../common/messages';
import { strings } from './strings';

/** The site as the browser reports it, with any finding about the site itself beside it. */
export function SiteLine({ origin, frameUrl, siteFindings, checkedOn }: { origin: string; frameUrl?: string; siteFindings: Finding[]; checkedOn?: CheckedOn }) {
  return (
    <section aria-label={strings.confirm.site} className="site">
      <dl>
        <dt>
          {strings.confirm.site} <small>({strings.confirm.siteNote})</small>
        </dt>
        <dd data-testid="origin">{origin}</dd>
        {frameUrl && (
          <>
            <dt>{strings.confirm.frame}</dt>
            <dd data-testid="frame">{frameUrl}</dd>
          </>
        )}
        {checkedOn && (
          <>
            <dt>{strings.confirm.checkedOn}</dt>
            <dd data-testid="checked-on" data-kind={checkedOn.kind} title={checkedOn.passedOver.join('; ')}>
              {strings.confirm.checkedVia[checkedOn.kind](checkedOn.url ?? '')}
            </dd>
          </>
        )}
      </dl>
      {siteFindings.map((f, i) => (
        <p key={i} className={`finding-${f.severity}`} data-testid="site-warning">
          <strong>{f.title}</strong> {f.detail}
        </p>
      ))}
    </section>
  );
}
