import type { VerdictKind } from '../analysis/types';
import { strings } from './strings';

/** An outline with an exclamation mark in it: its bar's top and length, and where its dot sits. */
const ALERT_SHAPES = {
  block: { outline: '7,2 17,2 22,7 22,17 17,22 7,22 2,17 2,7', barTop: 6, barLength: 8, dotTop: 16 },
  warn: { outline: '12,2 23,21 1,21', barTop: 8, barLength: 7, dotTop: 17 },
} as const;

/** Shapes as well as colours, so the verdict reads the same for colour-blind users. */
export function VerdictIcon({ kind }: { kind: VerdictKind }) {
  const label = strings.confirm.iconLabel[kind];
  if (kind === 'allow') {
    return (
      <svg className="icon" viewBox="0 0 24 24" role="img" aria-label={label}>
        <circle cx="12" cy="12" r="10" fill="currentColor" />
        <polyline points="7,12 11,16 17,8" fill="none" stroke="var(--bg)" strokeWidth="2.5" />
      </svg>
    );
  }
  const shape = ALERT_SHAPES[kind];
  return (
    <svg className="icon" viewBox="0 0 24 24" role="img" aria-label={label}>
      <polygon points={shape.outline} fill="currentColor" />
      <rect x="11" y={shape.barTop} width="2" height={shape.barLength} fill="var(--bg)" />
      <rect x="11" y={shape.dotTop} width="2" height="2" fill="var(--bg)" />
    </svg>
  );
}

export function VerdictBanner({ kind, summary }: { kind: VerdictKind; summary: string }) {
  return (
    <header className={`banner banner-${kind}`} role={kind === 'allow' ? undefined : 'alert'}>
      <h1>
        <VerdictIcon kind={kind} />
        <span data-testid="verdict">{strings.confirm.verdict[kind]}</span>
      </h1>
      <p data-testid="summary">{summary}</p>
    </header>
  );
}
