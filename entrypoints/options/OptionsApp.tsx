import { useEffect, useState } from 'react';
import { strings } from '../../components/strings';
import { clearHistory } from '../../common/decision-history';
import type { Severity } from '../../analysis/types';
import { exportSettings, parseSettingsFile } from './settings-file';
import { settingItems } from '../../common/settings';
import { toggled, useSettingsStore } from '../../components/settings-state';
import { RpcSettings } from './RpcSettings';

const o = strings.options;

function SiteList({ title, empty, action, actionLabel, sites, onRemove, testId }: { title: string; empty: string; action: string; actionLabel(site: string): string; sites: string[]; onRemove(site: string): void; testId: string }) {
  return (
    <section data-testid={testId}>
      <h2>{title}</h2>
      {sites.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button onClick={() => onRemove(site)} aria-label={actionLabel(site)}>
                {action}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OptionsApp() {
  const { settings, start, set } = useSettingsStore();
  const [status, setStatus] = useState('');
  useEffect(() => start(), [start]);
  if (!settings) return <main aria-busy="true">{strings.loading}</main>;

  async function importFile(file: File) {
    const result = parseSettingsFile(await file.text());
    if (!result.ok) return setStatus(o.importFailed(result.error));
    await Promise.all(Object.entries(result.settings).map(([k, v]) => (settingItems[k as keyof typeof settingItems] as { setValue(v: unknown): Promise<void> }).setValue(v)));
    setStatus(o.imported);
  }

  function download() {
    const url = URL.createObjectURL(new Blob([exportSettings(settings!)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'transaction-firewall-settings.json';
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <main>
      <h1>{o.title}</h1>
      <section>
        <h2 id="sensitivity-title">{o.sensitivity}</h2>
        <div role="radiogroup" aria-labelledby="sensitivity-title">
          {(['danger', 'warn', 'info'] as Severity[]).map((level) => (
            <label className="check" key={level}>
              <input type="radio" name="sensitivity" checked={settings.sensitivity === level} onChange={() => void set('sensitivity', level)} />
              {o.sensitivityLevels[level]}
            </label>
          ))}
        </div>
      </section>
      <SiteList
        testId="trusted-sites"
        title={o.trusted}
        empty={o.trustedNone}
        action={o.untrust}
        actionLabel={o.untrustSite}
        sites={settings.trustedSites}
        onRemove={(s) => void set('trustedSites', toggled(settings.trustedSites, s, false))}
      />
      <SiteList
        testId="paused-sites"
        title={o.paused}
        empty={o.pausedNone}
        action={o.resume}
        actionLabel={o.resumeSite}
        sites={settings.pausedSites}
        onRemove={(s) => void set('pausedSites', toggled(settings.pausedSites, s, false))}
      />
      <RpcSettings chosen={settings.rpcUrls} onSave={(next) => set('rpcUrls', next)} />
      <section>
        <h2>{o.lists}</h2>
        <label className="check">
          <input type="checkbox" checked={settings.listUpdates} onChange={(e) => void set('listUpdates', e.target.checked)} aria-describedby="lists-help" data-testid="list-updates" />
          {o.listsSwitch}
        </label>
        <p className="muted" id="lists-help">
          {o.listsHelp}
        </p>
      </section>
      <section>
        <h2>{o.history}</h2>
        <input
          type="number"
          min={1}
          max={3650}
          aria-label={o.history}
          value={settings.historyDays}
          onChange={(e) => {
            const days = Math.round(Number(e.target.value));
            if (days >= 1 && days <= 3650) void set('historyDays', days);
          }}
        />{' '}
        <button onClick={() => void clearHistory().then(() => setStatus(o.cleared))}>{o.clearHistory}</button>
      </section>
      <section>
        <h2>
          {o.exportSettings} / {o.importSettings}
        </h2>
        <button onClick={download}>{o.exportSettings}</button>{' '}
        <label>
          {o.importSettings}: <input type="file" accept="application/json,.json" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} data-testid="import" />
        </label>
      </section>
      <p role="status" data-testid="status">
        {status}
      </p>
    </main>
  );
}
