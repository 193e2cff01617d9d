// The toolbar popup answers one question first: is this site known to be bad, and is the firewall on
// here? Then the last decisions, as the sentences the confirm window said, and the counts last.
import { useEffect, useState } from 'react';
import { strings } from '../../components/strings';
import { activeSite, activeTamperReport, openOptions, openPastDecision, siteStatusOf, type ActiveSite } from './active-site';
import type { SiteStatus } from '../../common/messages';
import type { TamperReport } from '../../common/tamper-report';
import type { Settings } from '../../common/settings';
import { hostToUnicode } from '../../analysis/site/punycode';
import { toggled, useSettingsStore } from '../../components/settings-state';
import { VerdictIcon } from '../../components/VerdictBanner';

const p = strings.popup;
const RECENT = 5;

type Tone = 'danger' | 'warn' | 'ok' | 'unknown';
/** The confirm window's shapes for the same news, so the popup reads the same without its colours. */
const TONE_SHAPE = { danger: 'block', warn: 'warn', ok: 'allow' } as const;

/** The one line that answers "is this site known to be bad?", in the site rules' own words. */
function headline(status: SiteStatus): { tone: Tone; text: string } {
  const worst = status.findings.find((f) => f.severity === 'danger') ?? status.findings.find((f) => f.severity === 'warn');
  if (worst) return { tone: worst.severity === 'danger' ? 'danger' : 'warn', text: worst.title };
  if (!status.listsLoaded) return { tone: 'unknown', text: p.listsMissing };
  const known = status.findings.find((f) => f.id === 'site.allowlisted');
  if (known) return { tone: 'ok', text: known.title };
  return { tone: 'unknown', text: p.nothingKnown };
}

function SiteSection({ site, status, settings, set }: { site: ActiveSite; status: SiteStatus | undefined | 'checking'; settings: Settings; set: ReturnType<typeof useSettingsStore.getState>['set'] }) {
  const host = hostToUnicode(new URL(site.origin).hostname);
  const paused = settings.pausedSites.includes(site.origin);
  const trusted = settings.trustedSites.includes(site.origin);
  const state = !settings.protection ? p.offEverywhere : paused ? p.pausedHere : p.protectedHere;
  const lead = status && status !== 'checking' ? headline(status) : undefined;
  const others = status && status !== 'checking' && lead ? status.findings.filter((f) => f.title !== lead.text) : [];
  return (
    <section aria-labelledby="site-title" data-testid="site" className="site">
      <h2 id="site-title">
        <span className="visually-hidden">{p.siteHeading}: </span>
        {host}
      </h2>
      {site.blocked && <p className="site-note">{p.blockedPage}</p>}
      {status === 'checking' ? (
        <p aria-busy="true" className="muted">
          {p.checking}
        </p>
      ) : !status || !lead ? (
        <p className="site-verdict site-unknown" data-testid="site-verdict">
          {p.listsMissing}
        </p>
      ) : (
        <>
          <p className={`site-verdict site-${lead.tone}`} data-testid="site-verdict" data-tone={lead.tone}>
            {lead.tone !== 'unknown' && <VerdictIcon kind={TONE_SHAPE[lead.tone]} />}
            <span>{lead.text}</span>
          </p>
          {others.length > 0 && (
            <ul className="site-findings">
              {others.map((f) => (
                <li key={f.id + f.title}>{f.title}</li>
              ))}
            </ul>
          )}
          {status.model.kind === 'scored' && status.model.score < status.model.threshold && <p className="muted" data-testid="site-model">{p.modelFine}</p>}
          {status.model.kind === 'unavailable' && status.listsLoaded && <p className="muted" data-testid="site-model">{p.modelUnavailable}</p>}
          {status.openedAnyway && <p className="muted">{p.openedAnyway}</p>}
        </>
      )}
      <p className={`site-state ${!settings.protection || paused ? 'site-off' : 'site-on'}`} data-testid="site-state">
        {state}
      </p>
      {trusted && (
        <p data-testid="site-trusted">
          {p.trusted}{' '}
          <button className="inline" onClick={() => void set('trustedSites', toggled(settings.trustedSites, site.origin, false))} aria-label={p.untrustSite(host)}>
            {p.untrust}
          </button>
        </p>
      )}
      <label className="check switch">
        <input
          type="checkbox"
          role="switch"
          checked={!paused}
          disabled={!settings.protection}
          onChange={(e) => void set('pausedSites', toggled(settings.pausedSites, site.origin, !e.target.checked))}
          data-testid="site-protection"
        />
        {p.switchSite}
      </label>
    </section>
  );
}

export function PopupApp() {
  const { settings, history, counts, start, set } = useSettingsStore();
  const [site, setSite] = useState<ActiveSite | undefined | 'none'>();
  const [status, setStatus] = useState<SiteStatus | undefined | 'checking'>('checking');
  const [tamper, setTamper] = useState<TamperReport | undefined>();
  useEffect(() => start(), [start]);
  useEffect(() => {
    void activeSite().then((found) => {
      setSite(found ?? 'none');
      if (found) void siteStatusOf(found.origin).then(setStatus);
    });
  }, []);
  useEffect(() => void activeTamperReport().then(setTamper), []);
  if (!settings || !counts || site === undefined) return <main aria-busy="true">{strings.loading}</main>;

  return (
    <main className="popup">
      <h1>{strings.appName}</h1>
      {tamper && (
        <section role="alert" className="tamper" data-testid="tamper">
          <strong>{strings.tamper.heading}</strong>
          <ul>
            {tamper.what.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p>{strings.tamper.explain}</p>
        </section>
      )}
      {site === 'none' ? <p className="muted">{p.noSite}</p> : <SiteSection site={site} status={status} settings={settings} set={set} />}
      <label className="check switch">
        <input type="checkbox" role="switch" checked={settings.protection} onChange={(e) => void set('protection', e.target.checked)} data-testid="protection" />
        {p.switchAll}
      </label>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{p.recent}</h2>
        {history.length === 0 ? (
          <p className="muted">{p.empty}</p>
        ) : (
          <ul className="recent">
            {history.slice(0, RECENT).map((e) => (
              <li key={e.requestId} data-verdict={e.verdict} data-testid="recent" className={`recent-${e.verdict}`}>
                {e.hasDetails ? (
                  <button className="sentence" onClick={() => openPastDecision(e.requestId)} aria-describedby={`meta-${e.requestId}`} title={p.openDetails}>
                    {e.summary}
                  </button>
                ) : (
                  <span className="sentence">{e.summary}</span>
                )}
                <small id={`meta-${e.requestId}`}>
                  {strings.confirm.iconLabel[e.verdict]} · {strings.confirm.outcome[e.outcome]}, {p.decidedBy[e.decidedBy]} · {hostOf(e.origin)}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="counts-title" className="counts">
        <h2 id="counts-title">{p.countsHeading}</h2>
        <dl data-testid="counts">
          {(Object.keys(p.counts) as (keyof typeof p.counts)[]).map((k) => (
            <div key={k}>
              <dt>{p.counts[k]}</dt>
              <dd data-count={k}>{counts[k]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <p>
        <button onClick={openOptions}>{p.settings}</button>
      </p>
    </main>
  );
}

function hostOf(origin: string): string {
  try {
    return hostToUnicode(new URL(origin).hostname);
  } catch {
    return origin;
  }
}
