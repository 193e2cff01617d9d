// wallet_addEthereumChain / wallet_switchEthereumChain: a malicious network can lie about balances,
// log every request, or pose as a chain the user trusts.
import { chainsNamedLike, knownChains, nameMatches } from '../registry/chains';
import { actionsOf, type Rule, type RuleHit } from './rule';

function url(u: string): URL | undefined {
  try {
    return new URL(u);
  } catch {
    return undefined;
  }
}

const isLoopback = (u: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);

export const chainRules: Rule[] = [
  {
    id: 'chain.insecure-rpc',
    severity: 'danger',
    summary: 'Adds a network whose RPC is not HTTPS (or not a URL), away from this computer.',
    check: (ctx) =>
      actionsOf(ctx, 'add-chain').flatMap((c) =>
        c.rpcUrls
          .filter((r) => {
            const u = url(r);
            return !u || (u.protocol !== 'https:' && u.protocol !== 'wss:' && !isLoopback(u));
          })
          .map((r) => ({
            title: `The network's RPC address (${r.slice(0, 80)}) is not secure`,
            detail: 'Everything your wallet asks this network travels unencrypted, and anyone on the way can change the answers: balances, gas prices, contract code.',
            evidence: { rpcUrl: r },
          })),
      ),
  },
  {
    id: 'chain.local-rpc',
    severity: 'info',
    summary: 'Adds a network served from this computer (development).',
    check: (ctx) =>
      actionsOf(ctx, 'add-chain').flatMap((c) =>
        c.rpcUrls.filter((r) => url(r) && isLoopback(url(r)!) && url(r)!.protocol === 'http:').map((r) => ({ title: 'Adds a network running on this computer', detail: `RPC ${r}: fine for development.`, evidence: { rpcUrl: r } })),
      ),
  },
  {
    id: 'chain.impersonation',
    severity: 'danger',
    summary: 'Adds a chain under the id or the name of another well-known chain.',
    check: (ctx) =>
      actionsOf(ctx, 'add-chain').flatMap((c): RuleHit[] => {
        const known = knownChains.get(c.chainId);
        const name = c.chainName ?? '';
        if (known) {
          const symbolMatches = c.nativeSymbol === undefined || c.nativeSymbol.toUpperCase() === known.symbol.toUpperCase();
          if (nameMatches(known, name) && symbolMatches) return [];
          return [
            {
              title: `Chain id ${c.chainId} belongs to ${known.name}, not "${name || c.nativeSymbol}"`,
              detail: `The site adds "${name}"${c.nativeSymbol ? ` (${c.nativeSymbol})` : ''} under ${known.name}'s chain id. Your wallet would then show and sign for ${known.name} through the site's server.`,
              evidence: { chainId: c.chainId, chainName: name, knownName: known.name, nativeSymbol: c.nativeSymbol },
            },
          ];
        }
        return chainsNamedLike(name, c.chainId).map((k) => ({
          title: `"${name}" poses as ${k.name} with another chain id (${c.chainId})`,
          detail: `${k.name} is chain ${k.id}. A look-alike network can show fake balances and collect signatures you believe are for ${k.name}.`,
          evidence: { chainId: c.chainId, chainName: name, knownId: k.id },
        }));
      }),
  },
  {
    id: 'chain.add',
    severity: 'info',
    summary: 'Describes the network being added.',
    check: (ctx) =>
      actionsOf(ctx, 'add-chain').map((c) => ({
        title: `Adds network "${c.chainName ?? '(no name)'}" (chain ${c.chainId})`,
        detail: `RPC: ${c.rpcUrls.join(', ') || '(none)'}.`,
        evidence: { chainId: c.chainId, rpcUrls: c.rpcUrls },
      })),
  },
  {
    id: 'chain.switch',
    severity: 'info',
    summary: 'Describes a network switch.',
    check: (ctx) =>
      actionsOf(ctx, 'switch-chain').map((c) => ({
        title: `Switches to ${knownChains.get(c.chainId)?.name ?? `chain ${c.chainId}`}`,
        detail: 'Switching networks moves nothing by itself.',
        evidence: { chainId: c.chainId },
      })),
  },
];
