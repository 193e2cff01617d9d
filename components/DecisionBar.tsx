import { useEffect, useRef, useState } from 'react';
import type { VerdictKind } from '../analysis/types';
import { strings } from './strings';

export interface DecisionBarProps {
  verdict: VerdictKind;
  origin: string;
  busy: boolean;
  onReject(): void;
  onContinue(trustSite: boolean): void;
}

/**
 * Reject is the default and focused button. A `block` verdict needs a deliberate second step before
 * Continue works; "trust this site" is offered for warn-level verdicts only.
 */
export function DecisionBar({ verdict, origin, busy, onReject, onContinue }: DecisionBarProps) {
  const [understood, setUnderstood] = useState(false);
  const [trust, setTrust] = useState(false);
  const reject = useRef<HTMLButtonElement>(null);
  // Focused for the keyboard, without scrolling to it: the window must open at its verdict, also where
  // the bar is not pinned to the bottom (high zoom).
  useEffect(() => reject.current?.focus({ preventScroll: true }), []);
  const blocked = verdict === 'block';
  return (
    <footer className="decision">
      {blocked && (
        <label className="check">
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="understand" />
          {strings.confirm.understand}
        </label>
      )}
      {verdict === 'warn' && (
        <label className="check">
          <input type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} data-testid="trust-site" />
          {strings.confirm.trustSite(origin)}
        </label>
      )}
      <div className="actions">
        <button className="primary" ref={reject} disabled={busy} onClick={onReject}>
          {strings.confirm.reject}
        </button>
        <button disabled={busy || (blocked && !understood)} onClick={() => onContinue(trust)}>
          {strings.confirm.continue}
        </button>
      </div>
    </footer>
  );
}
