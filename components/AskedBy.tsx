import { strings } from './strings';

/** The site that asks, as the browser reports it, in one line (an embedded frame named beside it: that is where the request came from). */
export function AskedBy({ origin, frameUrl }: { origin: string; frameUrl?: string }) {
  const host = (url: string) => {
    try {
      return new URL(url).host || url;
    } catch {
      return url;
    }
  };
  return (
    <p className="asked-by muted" data-testid="asked-by" title={origin}>
      {strings.confirm.askedBy} <strong>{host(origin)}</strong>
      {frameUrl && <> {strings.confirm.inFrame(host(frameUrl))}</>}
    </p>
  );
}
