// Which contract of a verified source file is the one deployed at the address. A verified file holds the
// deployed contract together with its bases and helpers (Ownable, SafeMath, a Log contract it writes to).
//
// Rule: among the contracts with code, keep those no other contract inherits from (the most derived);
// of these, drop the ones another contract names (as a type, `new X`, a cast: helpers like Log that the
// main contract uses); if several remain, take the one with the most code. When every candidate is
// named by another (two contracts that refer to each other), fall back to the largest most-derived one.
// index.csv's contract_names lists names in file order, and the last one is not always the deployed one
// (`PrivateBank;Log`), so it is only compared against, in honeybadgerReport.

interface Declared {
  name: string;
  bases: string[];
}

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
const stripStrings = (s: string) => s.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');

/** Contract declarations (`contract X is A, B(1) {`); libraries and interfaces are never deployed here. */
export function declaredContracts(source: string): Declared[] {
  const code = stripStrings(stripComments(source));
  const out: Declared[] = [];
  for (const m of code.matchAll(/\bcontract\s+([A-Za-z_$][\w$]*)\s*(?:is\s+([^{]*))?\{/g)) {
    // Base lists may carry constructor arguments: keep the identifier before each `(`.
    const bases = (m[2] ?? '')
      .replace(/\([^)]*\)/g, '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    out.push({ name: m[1]!, bases });
  }
  return out;
}

export function pickDeployedContract(source: string, compiled: Record<string, string>): string | null {
  const declared = declaredContracts(source).filter((d) => (compiled[d.name] ?? '').length > 2);
  if (!declared.length) return null;
  const all = declaredContracts(source);
  const inherited = new Set(all.flatMap((d) => d.bases));
  const mostDerived = declared.filter((d) => !inherited.has(d.name));
  const code = stripStrings(stripComments(source));
  const namedElsewhere = (name: string) => {
    // Count uses of the name other than its own declaration and 0.4-style constructors (`function X(`).
    const uses = [...code.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].length;
    const own = [...code.matchAll(new RegExp(`\\b(?:contract|function)\\s+${name}\\b`, 'g'))].length;
    return uses - own > 0;
  };
  const size = (n: string) => compiled[n]!.length;
  const bySize = (list: Declared[]) => [...list].sort((a, b) => size(b.name) - size(a.name) || a.name.localeCompare(b.name));
  const unnamed = mostDerived.filter((d) => !namedElsewhere(d.name));
  const pool = unnamed.length ? unnamed : mostDerived.length ? mostDerived : declared;
  return bySize(pool)[0]!.name;
}
