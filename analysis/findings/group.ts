// One rule's findings over several tokens, calls or signatures read as one line: "… an unlimited
// amount of USDC, USDT and DAI", not three cards that differ by a word. The verdict groups them, so
// the window, the popup and the history all say it once.
import type { Finding } from '../types';

/** "USDC", "USDC and USDT", "USDC, USDT and DAI". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The words every title shares at its start and its end, cut at a word's edge, and what each says between. */
function commonFrame(titles: readonly string[]): { head: string; tail: string; middles: string[] } {
  const first = titles[0]!;
  let head = 0;
  while (head < first.length && titles.every((t) => t[head] === first[head])) head++;
  // Back to the start of the word that differs, so "USDC"/"USDT" do not share "USD".
  while (head > 0 && !/\s/.test(first[head - 1]!)) head--;
  const rest = titles.map((t) => t.slice(head));
  const shortest = Math.min(...rest.map((t) => t.length));
  let tail = 0;
  while (tail < shortest && rest.every((t) => t[t.length - 1 - tail] === rest[0]![rest[0]!.length - 1 - tail])) tail++;
  while (tail > 0 && !/[\s,.;:)]/.test(rest[0]![rest[0]!.length - tail]!)) tail--;
  return { head: first.slice(0, head), tail: rest[0]!.slice(rest[0]!.length - tail), middles: rest.map((t) => t.slice(0, t.length - tail)) };
}

/** What the grouped findings are about, from their evidence: tokens, when each names one. */
function unitOf(group: readonly Finding[]): string {
  const tokens = new Set(group.map((f) => f.evidence?.token).filter((t) => typeof t === 'string'));
  return tokens.size === group.length ? 'tokens' : 'times';
}

/**
 * Sentences that differ by a word or two said once ("… of USDC, USDT and DAI"); undefined when they
 * share too little to be one sentence.
 */
export function sayOnce(sentences: readonly string[]): string | undefined {
  const distinct = [...new Set(sentences)];
  if (distinct.length === 1) return distinct[0];
  const { head, tail, middles } = commonFrame(distinct);
  return head.length + tail.length >= 12 && middles.every((m) => m.length > 0 && m.length <= 40) ? `${head}${listText([...new Set(middles)])}${tail}` : undefined;
}

function merge(group: readonly Finding[]): Finding {
  const first = group[0]!;
  const titles = [...new Set(group.map((f) => f.title))];
  let title: string;
  if (titles.length === 1) {
    const unit = unitOf(group);
    title = unit === 'times' ? `${first.title} (${group.length} times)` : `${first.title} (for ${group.length} ${unit})`;
  } else {
    // Titles that share little are different sentences: keep the first, count the rest.
    title = sayOnce(titles) ?? `${first.title} (and ${group.length - 1} more like it)`;
  }
  const details = [...new Set(group.map((f) => f.detail))];
  return {
    id: first.id,
    severity: first.severity,
    title,
    detail: details.join(' '),
    count: group.length,
    ...(group.some((f) => f.evidence) ? { evidence: { each: group.map((f) => f.evidence ?? {}) } } : {}),
  };
}

/** Findings of one rule and severity become one, where the first of them stood. */
export function groupFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.id}\u0000${f.severity}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((g) => (g.length === 1 ? g[0]! : merge(g)));
}
