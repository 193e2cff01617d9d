import { useState } from 'react';
import { strings } from '../../components/strings';
import { checkRpc } from './rpc-check';
import { DEFAULT_RPC_URLS } from '../../analysis/ethereum/context/default-nodes';

const o = strings.options;

export function RpcSettings({ chosen, onSave }: { chosen: Record<string, string>; onSave(next: Record<string, string>): Promise<void> }) {
  const chains = [...new Set([...Object.keys(DEFAULT_RPC_URLS), ...Object.keys(chosen)])].sort((a, b) => Number(a) - Number(b));
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [newChain, setNewChain] = useState('');

  async function save(chain: string) {
    const url = (drafts[chain] ?? chosen[chain] ?? DEFAULT_RPC_URLS[Number(chain)] ?? '').trim();
    const check = await checkRpc(url);
    let note: string;
    if (!check.ok) note = o.rpcFailed(check.reason);
    else if (check.chainId !== Number(chain)) note = o.rpcWrongChain(Number(chain), check.chainId);
    else {
      await onSave({ ...chosen, [chain]: url });
      note = o.rpcOk(check.chainId);
    }
    setNotes((n) => ({ ...n, [chain]: note }));
  }

  return (
    <section aria-labelledby="rpc-title">
      <h2 id="rpc-title">{o.rpc}</h2>
      <p className="muted">{o.rpcHelp}</p>
      <table>
        <thead>
          <tr>
            <th>{o.chainId}</th>
            <th>{o.url}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {[...chains, ...(newChain && /^[1-9][0-9]*$/.test(newChain) && !chains.includes(newChain) ? [newChain] : [])].map((chain) => (
            <tr key={chain} data-chain={chain}>
              <td>{chain}</td>
              <td>
                <input
                  type="url"
                  aria-label={`${o.url} ${chain}`}
                  style={{ width: '100%' }}
                  value={drafts[chain] ?? chosen[chain] ?? DEFAULT_RPC_URLS[Number(chain)] ?? ''}
                  onChange={(e) => setDrafts((d) => ({ ...d, [chain]: e.target.value }))}
                />
                {notes[chain] && <div role="status">{notes[chain]}</div>}
              </td>
              <td>
                <button onClick={() => void save(chain)}>{o.check}</button>
                {chosen[chain] && DEFAULT_RPC_URLS[Number(chain)] && (
                  <button
                    onClick={() => {
                      const { [chain]: _removed, ...rest } = chosen;
                      void onSave(rest);
                      setDrafts(({ [chain]: _d, ...d }) => d);
                    }}
                  >
                    {o.reset}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {o.chainId}: <input type="text" inputMode="numeric" value={newChain} onChange={(e) => setNewChain(e.target.value.trim())} size={10} />
      </label>
    </section>
  );
}
