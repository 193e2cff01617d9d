import { useEffect } from 'react';
import { AssetChanges } from '../../components/AssetChanges';
import { DecisionBar } from '../../components/DecisionBar';
import { FindingList } from '../../components/FindingList';
import { SiteLine } from '../../components/SiteLine';
import { TechnicalDetails } from '../../components/TechnicalDetails';
import { VerdictBanner } from '../../components/VerdictBanner';
import { strings } from '../../components/strings';
import { useConfirmStore } from './confirm-state';

const isSiteFinding = (id: string) => id.startsWith('site.');

/**
 * The confirm window, in the order a person reads it in five seconds: what this does and how bad
 * it is, who asks, what would move, why, and — folded — the technical details.
 */
export function ConfirmApp({ requestId, pastId }: { requestId: string; pastId: string | null }) {
  const { shown, busy, load, loadPast, decide } = useConfirmStore();

  useEffect(() => {
    if (pastId) void loadPast(pastId);
    else void load(requestId);
  }, [requestId, pastId, load, loadPast]);

  if (shown === undefined) return <main aria-busy="true">{strings.loading}</main>;
  if (shown === null) return <main role="alert">{strings.confirm.gone}</main>;

  const { view, past, pastRequestJson } = shown;
  const { verdict } = view;
  const findings = verdict.findings.filter((f) => !isSiteFinding(f.id));
  const cut = pastRequestJson?.endsWith('(cut)');
  const rawJson = cut ? pastRequestJson! : JSON.stringify(view.request, null, 2);
  return (
    <main>
      <VerdictBanner kind={verdict.verdict} summary={verdict.summary} />
      {past && (
        <p data-testid="past-outcome">
          <strong>{strings.confirm.decidedTitle}:</strong> {strings.confirm.outcome[past.outcome]} ({new Date(past.time).toLocaleString()})
        </p>
      )}
      <SiteLine origin={view.origin} frameUrl={view.frameUrl} checkedOn={view.checkedOn} siteFindings={verdict.findings.filter((f) => isSiteFinding(f.id))} />
      <dl>
        <dt>{strings.confirm.method}</dt>
        <dd data-testid="method">{view.method}</dd>
      </dl>
      <AssetChanges report={verdict.assetChanges} signer={verdict.assetChanges?.result?.signer} />
      <FindingList findings={findings} />
      <TechnicalDetails findings={verdict.findings} rawJson={rawJson} />
      {!past && (
        <DecisionBar
          verdict={verdict.verdict}
          origin={view.requester ?? view.origin}
          busy={busy}
          onReject={() => void decide(requestId, 'reject')}
          onContinue={(trustSite) => void decide(requestId, 'continue', trustSite)}
        />
      )}
    </main>
  );
}
