import { useEffect, useState } from 'react';
import { browser } from '#imports';
import type { Decision, PageToBackground, PendingView } from '../../lib/messages';

function send(message: PageToBackground): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export function ConfirmApp({ requestId }: { requestId: string }) {
  const [view, setView] = useState<PendingView | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    send({ type: 'confirm/get', requestId }).then(
      (v) => setView((v as PendingView | null) ?? null),
      () => setView(null),
    );
  }, [requestId]);

  async function decide(decision: Decision) {
    setBusy(true);
    await send({ type: 'confirm/decide', requestId, decision }).catch(() => {});
    window.close();
  }

  if (view === undefined) return <p>Loading…</p>;
  if (view === null) return <p role="alert">This request is no longer waiting for a decision.</p>;

  const danger = view.verdict.verdict === 'block';
  return (
    <main className={danger ? 'verdict-block' : 'verdict-warn'}>
      <h1 data-testid="verdict">{danger ? 'Dangerous request' : 'Check this request'}</h1>
      <p data-testid="summary">{view.verdict.summary}</p>
      <dl>
        <dt>Site</dt>
        <dd data-testid="origin">{view.origin}</dd>
        {view.frameUrl && (
          <>
            <dt>Asked from a frame</dt>
            <dd data-testid="frame">{view.frameUrl}</dd>
          </>
        )}
        <dt>Request</dt>
        <dd data-testid="method">{view.method}</dd>
      </dl>
      <ul data-testid="findings">
        {view.verdict.findings.map((f) => (
          <li key={f.id} data-severity={f.severity}>
            <strong>{f.title}</strong> {f.detail}
          </li>
        ))}
      </ul>
      <details>
        <summary>Raw request</summary>
        <pre data-testid="raw">{JSON.stringify(view.request, null, 2)}</pre>
      </details>
      <div className="actions">
        <button autoFocus disabled={busy} onClick={() => decide('reject')}>
          Reject
        </button>
        <button disabled={busy} onClick={() => decide('continue')}>
          Continue
        </button>
      </div>
    </main>
  );
}
