import { useEffect } from 'react';
import { AskedBy } from '../../components/AskedBy';
import { AssetChanges } from '../../components/AssetChanges';
import { CounterpartyLine } from '../../components/CounterpartyLine';
import { DecisionBar } from '../../components/DecisionBar';
import { FindingList } from '../../components/FindingList';
import { TechnicalDetails } from '../../components/TechnicalDetails';
import { VerdictBanner } from '../../components/VerdictBanner';
import { strings } from '../../components/strings';
import { useConfirmStore } from './confirm-state';

/**
 * The confirm window, in the order a person reads it in five seconds: how bad it is and what it would
 * do, who asks, what would move and to whom, why, the buttons (always in view); the technical details folded.
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
      <AskedBy origin={view.origin} frameUrl={view.frameUrl} />
      <AssetChanges report={verdict.assetChanges} signer={verdict.assetChanges?.result?.signer} />
      <CounterpartyLine party={verdict.counterparty} />
      <FindingList findings={verdict.findings} summary={verdict.summary} />
      <TechnicalDetails origin={view.origin} frameUrl={view.frameUrl} checkedOn={view.checkedOn} method={view.method} findings={verdict.findings} rawJson={rawJson} />
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
