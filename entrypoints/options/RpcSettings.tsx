// The chains, by name, and the node each is read from: automatic unless the user chose one, which is
// checked (eth_chainId) before it is saved. Names come from chain-names.ts, not `viem/chains`, so the
// options page stays small.
import { useState } from 'react';
import { strings } from '../../components/strings';
import { checkRpc } from './rpc-check';
import { DEFAULT_RPC_URLS } from '../../analysis/ethereum/context/default-nodes';
import { CHAIN_NAMES } from '../../analysis/ethereum/context/chain-names';

const o = strings.options;

/** The chain's name, or "Chain 12345" for one the firewall does not know. */
export function chainName(id: number): string {
  return CHAIN_NAMES[id]?.name ?? o.unknownChain(id);
}

/** A plain badge for a chain (no chain icons are shipped): two letters on a colour of its own. */
function ChainBadge({ id }: { id: number }) {
  const name = CHAIN_NAMES[id]?.name ?? String(id);
  return (
    // Dark enough for white letters at every hue (axe: 4.5:1 and more; at 38 % the yellows fell short).
    <span className="chain-badge" aria-hidden="true" style={{ background: `hsl(${(id * 47) % 360} 55% 26%)` }}>
      {name.slice(0, 2)}
    </span>
  );
}

function ChainRow({ id, chosen, onSave, onReset }: { id: number; chosen?: string; onSave(url: string): Promise<void>; onReset(): void }) {
  const [draft, setDraft] = useState(chosen ?? '');
  const [note, setNote] = useState('');
  const name = chainName(id);
  const known = CHAIN_NAMES[id];
  const fallback = DEFAULT_RPC_URLS[id];

  async function save() {
    const url = draft.trim();
    const check = await checkRpc(url);
    if (!check.ok) return setNote(o.rpcFailed(check.reason));
    const served = CHAIN_NAMES[check.chainId] ? `${chainName(check.chainId)} (${o.chainNumber(check.chainId)})` : o.unknownChain(check.chainId);
    if (check.chainId !== id) return setNote(o.rpcWrongChain(name, served));
    await onSave(url);
    setNote(o.rpcOk(name));
  }

  return (
    <li data-chain={id} className="chain">
      <div className="chain-head">
        <ChainBadge id={id} />
        <div>
          <strong data-testid="chain-name">{name}</strong>
          {known?.test && <span className="tag"> · {o.testNetwork}</span>}
          <br />
          <small data-testid="chain-node">{chosen ? o.yourNode(chosen) : o.automatic}</small>
        </div>
      </div>
      <details open={!!note || undefined}>
        <summary>{o.chooseNode}</summary>
        <p className="muted">{fallback ? o.automaticUses(fallback) : o.automaticOther}</p>
        <label className="node-url">
          {o.nodeUrl(name)}
          <input type="url" value={draft} placeholder={o.nodeUrlPlaceholder} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void save()} />
        </label>
        <p className="muted">{o.nodeHelp}</p>
        <div className="actions">
          <button onClick={() => void save()} disabled={draft.trim() === ''}>
            {o.check}
          </button>
          {chosen && (
            <button
              onClick={() => {
                onReset();
                setDraft('');
                setNote('');
              }}
            >
              {o.reset}
            </button>
          )}
        </div>
        {note && <p role="status">{note}</p>}
      </details>
    </li>
  );
}

export function RpcSettings({ chosen, onSave }: { chosen: Record<string, string>; onSave(next: Record<string, string>): Promise<void> }) {
  const [added, setAdded] = useState<number[]>([]);
  const [otherId, setOtherId] = useState('');
  const shown = [...new Set([...Object.keys(DEFAULT_RPC_URLS), ...Object.keys(chosen)].map(Number).concat(added))].filter((id) => Number.isSafeInteger(id) && id > 0);
  // Known chains first in their usual order (mainnets, then test networks), then any other by id.
  const order = (id: number) => [CHAIN_NAMES[id] ? (CHAIN_NAMES[id].test ? 1 : 0) : 2, id] as const;
  shown.sort((a, b) => order(a)[0] - order(b)[0] || a - b);
  const addable = Object.keys(CHAIN_NAMES)
    .map(Number)
    .filter((id) => !shown.includes(id))
    .sort((a, b) => chainName(a).localeCompare(chainName(b)));

  const add = (id: number) => id > 0 && Number.isSafeInteger(id) && setAdded((a) => [...new Set([...a, id])]);

  return (
    <section aria-labelledby="chains-title" className="chains-section">
      <h2 id="chains-title">{o.chains}</h2>
      <p className="muted">{o.chainsHelp}</p>
      <ul className="chains">
        {shown.map((id) => (
          <ChainRow
            key={id}
            id={id}
            chosen={chosen[String(id)]}
            onSave={(url) => onSave({ ...chosen, [String(id)]: url })}
            onReset={() => {
              const { [String(id)]: _removed, ...rest } = chosen;
              void onSave(rest);
            }}
          />
        ))}
      </ul>
      <details>
        <summary>{o.addChain}</summary>
        <div className="actions">
          <label>
            {o.addChainPick}{' '}
            <select value="" onChange={(e) => add(Number(e.target.value))}>
              <option value="">{o.addChainNone}</option>
              {addable.map((id) => (
                <option key={id} value={id}>
                  {chainName(id)}
                </option>
              ))}
            </select>
          </label>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!/^[1-9][0-9]{0,15}$/.test(otherId)) return;
              add(Number(otherId));
              setOtherId('');
            }}
          >
            <label>
              {o.addChainId} <input type="text" inputMode="numeric" size={10} value={otherId} onChange={(e) => setOtherId(e.target.value.trim())} />
            </label>{' '}
            <button type="submit">{o.addChainButton}</button>
          </form>
        </div>
      </details>
    </section>
  );
}
