// Issue 21: every user-visible string of the extension's pages is a message of
// public/_locales/en/messages.json. This test reads the pages' sources and fails on text written in them:
// JSX text, a user-facing attribute (title, aria-label, placeholder…) or a string shown in JSX, a sentence
// in a string anywhere in a page's code, and text in the pages' HTML. Data (origins, addresses, amounts, the
// analysis' finding titles) reaches the pages as values, never as literals, so it is not caught here.
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getMessageFrom, readMessages } from './messages-file';
import { strings } from './strings';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const messages = readMessages();

/** The pages' code: every component, and the entrypoints that render a page (not the background or content scripts). */
const PAGE_DIRS = ['components', 'entrypoints/confirm', 'entrypoints/popup', 'entrypoints/options', 'entrypoints/blocked'];
// Code that is not a page's text: the messages' own plumbing.
const NOT_PAGES = new Set(['components/strings.ts', 'components/messages-file.ts']);

function pageFiles(ext: RegExp): string[] {
  return PAGE_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((f) => join(dir, f))
      .filter((f) => ext.test(f) && !/\.test\.tsx?$/.test(f) && !NOT_PAGES.has(f)),
  );
}

// Attributes a user reads or hears (screen readers).
const USER_ATTRS = new Set(['title', 'alt', 'placeholder', 'label', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext']);
const LETTER = /\p{L}/u;
// Two words: a sentence or a phrase, wherever it is in a page's code.
const WORDS = /\p{L}{2,}[ \u00a0]+\p{L}/u;

type Found = { file: string; line: number; text: string; why: string };

/** Literal text in one source file's code. */
export function literalsIn(file: string, source: string): Found[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Found[] = [];
  const report = (node: ts.Node, why: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.getText(sf).trim().slice(0, 80), why });
  const textOf = (node: ts.Node): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    return undefined;
  };
  // shown: inside JSX children or a user-facing attribute, where any word is text the user reads.
  const visit = (node: ts.Node, shown: boolean): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, 'JSX text');
      return;
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (name === 'className' || name === 'key' || name === 'id' || name.startsWith('data-')) return;
      if (node.initializer) visit(node.initializer, USER_ATTRS.has(name));
      return;
    }
    // Keys and comparisons name things in code, not text: obj['key'], x === 'value', a: 'b' keyed in an object's key.
    if (ts.isElementAccessExpression(node)) {
      visit(node.expression, shown);
      return;
    }
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.operatorToken.kind)) return;
    if (ts.isPropertyAssignment(node) && /^(className|key|id|data-.*)$/.test(node.name.getText(sf).replace(/['"]/g, ''))) return;
    // A call's value is what shows, not its arguments or the object it is called on (['danger', 'warn'].map(…)):
    // those count only when they hold words.
    if (ts.isCallExpression(node)) {
      ts.forEachChild(node, (child) => visit(child, false));
      return;
    }
    const text = textOf(node);
    if (text !== undefined) {
      if (shown && LETTER.test(text)) report(node, 'string shown in JSX');
      else if (WORDS.test(text)) report(node, 'words in a string');
    }
    const childShown = ts.isJsxExpression(node) ? ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent) || shown : shown;
    ts.forEachChild(node, (child) => visit(child, childShown && !ts.isJsxAttributes(child)));
  };
  visit(sf, false);
  return found;
}

/** Text in a page's HTML: every element's text comes from a message (data-i18n, or the page's script). */
export function htmlTextIn(file: string, html: string): Found[] {
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  const found: Found[] = [];
  for (const m of body.matchAll(/>([^<]+)</g)) {
    const text = m[1]!.trim();
    // __MSG_name__ is resolved by the browser (the popup's title becomes the manifest's action title).
    if (LETTER.test(text) && !/^__MSG_\w+__$/.test(text)) found.push({ file, line: body.slice(0, m.index).split('\n').length, text, why: 'HTML text' });
  }
  for (const m of body.matchAll(/\s(title|alt|placeholder|aria-label)="([^"]*)"/g)) {
    if (LETTER.test(m[2]!)) found.push({ file, line: body.slice(0, m.index).split('\n').length, text: m[0].trim(), why: 'HTML attribute' });
  }
  return found;
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const show = (found: Found[]) => found.map((f) => `${f.file}:${f.line} ${f.why}: ${f.text}`);

describe('every string in a page is a message', () => {
  it('has no text written in the pages’ code', () => {
    const files = pageFiles(/\.tsx?$/);
    expect(files.length).toBeGreaterThan(15);
    expect(show(files.flatMap((f) => literalsIn(f, read(f))))).toEqual([]);
  });

  it('has no text written in the pages’ HTML, and names only messages that exist', () => {
    const files = pageFiles(/\.html$/);
    expect(files).toHaveLength(4);
    expect(show(files.flatMap((f) => htmlTextIn(f, read(f))))).toEqual([]);
    for (const f of files) for (const m of read(f).matchAll(/data-i18n="([^"]+)"|__MSG_(\w+)__/g)) expect(messages, f).toHaveProperty(m[1] ?? m[2]!);
  });

  it('catches text in each place it can be written', () => {
    const tsx = `
      import { x } from 'some module';
      type T = 'a type';
      export const A = () => (
        <p className="two classes" title="Hover text" aria-label={ok ? 'Yes' : s.no}>
          Hello {'there'} {\`you \${name}\`} {s.ok} · {items.join(', ')} {kind === 'some kind' && s.x} {s.byKind['one kind']}
          {(['one', 'two'] as const).map((k) => <b key={k} {...{ className: \`x x-\${k}\` }}>{s.why(k ?? 'no reason')}</b>)}
        </p>
      );
      const fallback = reason ?? 'no reason given';`;
    expect(literalsIn('x.tsx', tsx).map((f) => `${f.why}: ${f.text}`)).toEqual([
      'string shown in JSX: "Hover text"',
      "string shown in JSX: 'Yes'",
      'JSX text: Hello',
      "string shown in JSX: 'there'",
      'string shown in JSX: `you ${name}`',
      "words in a string: 'no reason'",
      "words in a string: 'no reason given'",
    ]);
    expect(htmlTextIn('x.html', '<title>A page</title><p data-i18n="x"></p><b title="Tip">\n</b><script>const a = "b c";</script>').map((f) => f.text)).toEqual(['A page', 'title="Tip"']);
  });
});

describe('the messages file', () => {
  const sources = [...pageFiles(/\.(tsx?|html)$/), 'components/strings.ts', 'wxt.config.ts', 'entrypoints/background/check-request.ts', 'entrypoints/background/tamper-store.ts']
    .map(read)
    .join('\n');

  it('is well formed: names the browsers accept, each placeholder defined, used, and fed by an argument in order', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message, key).not.toBe('');
      const used = [...entry.message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
      const defined = Object.keys(entry.placeholders ?? {});
      expect(new Set(used), key).toEqual(new Set(defined));
      expect(defined.map((n) => entry.placeholders![n]!.content).sort(), key).toEqual(defined.map((_, i) => `$${i + 1}`));
    }
  });

  it('holds only messages in use', () => {
    const unused = Object.keys(messages).filter((key) => !sources.includes(`'${key}'`) && !sources.includes(`"${key}"`) && !sources.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });

  it('names the extension and describes it in the manifest and the store listing', () => {
    const config = read('wxt.config.ts');
    expect(config).toContain("name: '__MSG_extName__'");
    expect(config).toContain("description: '__MSG_extDescription__'");
    expect(config).toContain("default_locale: 'en'");
    // The stores' limits: 75 characters for a name, 132 for the short description.
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
    const listing = read('store/description.md');
    expect(listing).toContain(`**Name:** ${messages.extName!.message}\n`);
    expect(listing).toContain(`\n${messages.extDescription!.message}\n`);
  });
});

describe('strings', () => {
  it('reads the messages, with their arguments in place', () => {
    expect(strings.confirm.reject).toBe('Reject');
    expect(strings.confirm.trustSite('https://app.example.org')).toBe('Trust https://app.example.org for warnings like this (undo in settings)');
    expect(strings.options.rpcWrongChain('Ethereum', 'Base')).toBe('This node serves Base, not Ethereum. Not saved.');
    expect(strings.confirm.notes(1)).toBe('One more note on what this does');
    expect(strings.confirm.notes(4)).toBe('4 more notes on what this does');
    expect(strings.confirm.otherGets('0xab…cd', '')).toBe('What 0xab…cd gets');
    expect(strings.confirm.otherGets('0xab…cd', 'a contract')).toBe('What 0xab…cd, a contract, gets');
    expect(strings.confirm.counterparty.role['EIP-7702 delegate']).toBe('Your account would run');
    // A dollar sign in an argument is text, as in the browsers.
    expect(strings.confirm.changesReverted('cost $1')).toBe('The simulation says this transaction would fail: cost $1');
    expect(getMessageFrom({ m: { message: 'costs $$5 for $WHO$', placeholders: { who: { content: '$1' } } } }, 'm', ['you'])).toBe('costs $5 for you');
  });

  it('finds every page file', () => {
    expect(pageFiles(/\.tsx$/).map((f) => relative('.', f))).toEqual(expect.arrayContaining(['entrypoints/confirm/ConfirmApp.tsx', 'entrypoints/popup/PopupApp.tsx', 'entrypoints/options/OptionsApp.tsx', 'components/AssetChanges.tsx']));
  });
});
