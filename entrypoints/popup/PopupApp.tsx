import { useEffect, useState } from 'react';
import { strings } from '../../components/strings';
import { activeSite, activeTamperReport, openOptions, openPastDecision } from './active-site';
import type { TamperReport } from '../../common/tamper-report';
import { toggled, useSettingsStore } from '../../components/settings-state';

const p = strings.popup;
const RECENT = 8;

export function PopupApp() {
  const { settings, history, counts, start, set } = useSettingsStore();
  const [site, setSite] = useState<string | undefined>();
  useEffect(() => start(), [start]);
  const [tamper, setTamper] = useState<TamperReport | undefined>();
  useEffect(() => void activeSite().then(setSite), []);
  useEffect(() => void activeTamperReport().then(setTamper), []);
  if (!settings || !counts) return <main aria-busy="true">{strings.loading}</main>;

  const siteOn = site !== undefined && !settings.pausedSites.includes(site);
  return (
    <main>
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
      <label className="check">
        <input type="checkbox" checked={settings.protection} onChange={(e) => void set('protection', e.target.checked)} data-testid="protection" />
        {p.protection}: {settings.protection ? p.on : p.off}
      </label>
      {site ? (
        <label className="check">
          <input
            type="checkbox"
            checked={siteOn}
            disabled={!settings.protection}
            onChange={(e) => void set('pausedSites', toggled(settings.pausedSites, site, !e.target.checked))}
            data-testid="site-protection"
          />
          {p.thisSite(site)}
        </label>
      ) : (
        <p className="muted">{p.noSite}</p>
      )}
      <dl data-testid="counts">
        {(Object.keys(p.counts) as (keyof typeof p.counts)[]).map((k) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{p.counts[k]}</dt>
            <dd data-count={k}>{counts[k]}</dd>
          </div>
        ))}
      </dl>
      <h2>{p.recent}</h2>
      {history.length === 0 ? (
        <p className="muted">{p.empty}</p>
      ) : (
        <table>
          <tbody>
            {history.slice(0, RECENT).map((e) => (
              <tr key={e.requestId} data-verdict={e.verdict}>
                <td>
                  <strong>{strings.confirm.iconLabel[e.verdict]}</strong>
                  <br />
                  <small>{strings.confirm.outcome[e.outcome]}, {p.decidedBy[e.decidedBy]}</small>
                </td>
                <td>
                  {e.summary}
                  <br />
                  <small>
                    {e.origin} · {e.method}
                  </small>
                </td>
                <td>{e.hasDetails && <button onClick={() => openPastDecision(e.requestId)}>{p.details}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button onClick={openOptions}>{p.settings}</button>
      </p>
    </main>
  );
}
