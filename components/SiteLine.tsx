import type { Finding } from '../analysis/types';
import { strings } from './strings';

/** The site as the browser reports it, with any finding about the site itself beside it. */
export function SiteLine({ origin, frameUrl, siteFindings }: { origin: string; frameUrl?: string; siteFindings: Finding[] }) {
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
      </dl>
      {siteFindings.map((f, i) => (
        <p key={i} className={`finding-${f.severity}`} data-testid="site-warning">
          <strong>{f.title}</strong> {f.detail}
        </p>
      ))}
    </section>
  );
}
