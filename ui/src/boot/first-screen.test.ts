// The static first screen (now-static.html) against the components that draw the real one,
// rendered here on the server as the app renders them: the same elements, classes (the scoped
// svelte-… ones included, which is how the app's CSS draws the copy), texts and labels. A
// change to Now's top, the scale, the nav or the Help now bar fails here until the copy follows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import { readFileSync } from 'node:fs';
import { FakeClient } from '../lib/ipc/fake';
import { provideClient, provideNotifier } from '../lib/ipc/context';
import { Navigation, provideNavigation } from '../lib/nav/navigation.svelte';
import { JournalDrafts, provideDrafts } from '../lib/journal/drafts.svelte';
import { Preferences, providePreferences } from '../lib/settings/preferences.svelte';
import { LockState, provideLock } from '../lib/lock/lock.svelte';
import WithContext from '../components/shared/WithContext.svelte';
import NowView from '../components/views/NowView.svelte';
import IntensityScale from '../components/urges/IntensityScale.svelte';
import BottomNav from '../components/shared/BottomNav.svelte';
import App, { places } from '../App.svelte';
import { STATIC_BOOT } from './handover';
import type { IndexHtmlTransformContext, IndexHtmlTransformResult, ResolvedConfig } from 'vite';
import { firstScreen } from '../../vite.config';

// As written (Vitest hands CSS imports over empty, even `?raw`).
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const staticMarkup = read('./now-static.html');
const bootCss = read('./boot.css');
const appCss = read('../app.css');
const indexHtml = read('../../index.html');
const paintedHtml = read('../../painted.html');

// ---- A small HTML reader: enough for Svelte's server output and the static file. ----

interface El {
  tag: string;
  attrs: Map<string, string>;
  children: Node[];
}
type Node = El | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The elements and texts of `html` (comments dropped, whitespace-only texts dropped). */
function parse(html: string): Node[] {
  const root: El = { tag: '#root', attrs: new Map(), children: [] };
  const open: El[] = [root];
  const token = /<!--[\s\S]*?-->|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|[^<]+/g;
  const attribute = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const [whole, closing, opening, attrText] of html.matchAll(token)) {
    const parent = open[open.length - 1]!;
    if (whole.startsWith('<!--')) continue;
    if (closing) {
      const at = open.map((e) => e.tag).lastIndexOf(closing.toLowerCase());
      if (at <= 0) throw new Error(`</${closing}> closes nothing`);
      open.length = at;
    } else if (opening) {
      const attrs = new Map<string, string>();
      for (const [, name, a, b, c] of (attrText ?? '').matchAll(attribute)) {
        attrs.set(name!.toLowerCase(), unescape(a ?? b ?? c ?? ''));
      }
      const el: El = { tag: opening.toLowerCase(), attrs, children: [] };
      parent.children.push(el);
      if (!VOID.has(el.tag) && !whole.endsWith('/>')) open.push(el);
    } else {
      const text = unescape(whole).replace(/\s+/g, ' ');
      if (text.trim()) parent.children.push(text);
    }
  }
  if (open.length !== 1) throw new Error(`<${open[open.length - 1]!.tag}> is never closed`);
  return root.children;
}

function elements(nodes: Node[]): El[] {
  return nodes.flatMap((n) => (typeof n === 'string' ? [] : [n, ...elements(n.children)]));
}

function find(nodes: Node[], test: (el: El) => boolean, what: string): El {
  const found = elements(nodes).find(test);
  if (!found) throw new Error(`no ${what}`);
  return found;
}

const byClass = (name: string) => (el: El) => (el.attrs.get('class') ?? '').split(/\s+/).includes(name);

/**
 * An element as a person and the CSS meet it, one line per element: what the static copy must
 * share with the app. Left out: the app's test and script hooks (data-*), which the copy must
 * not have. The copy's ids carry a `boot-` prefix (never the app's ids, in the page at once).
 */
function shape(node: Node, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  if (typeof node === 'string') return [`${pad}"${node.trim()}"`];
  const attrs = [...node.attrs]
    .filter(([name]) => !name.startsWith('data-'))
    .map(([name, value]): [string, string] => {
      if (name === 'class') return [name, value.split(/\s+/).filter(Boolean).sort().join(' ')];
      if (name === 'id' || name === 'aria-labelledby') return [name, value.replace(/^boot-/, '')];
      return [name, value];
    })
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => (value === '' ? name : `${name}="${value}"`));
  return [`${pad}<${[node.tag, ...attrs].join(' ')}>`, ...node.children.flatMap((c) => shape(c, depth + 1))];
}

// ---- The real first screen, as the app draws it before any data has come. ----

const history = { state: null, pushState() {}, replaceState() {}, back() {}, go() {} };
const notifier = { permit: async () => true, send: async () => {} };

function drawNow(): Node[] {
  const client = new FakeClient();
  const { body } = render(WithContext, {
    props: {
      view: NowView as never,
      setup: () => {
        provideClient(client);
        provideNotifier(notifier);
        provideNavigation(new Navigation(history));
        provideDrafts(new JournalDrafts());
        providePreferences(new Preferences(client));
        provideLock(new LockState(client));
      },
    },
  });
  return parse(body);
}

/** App's own markup around the screens: the Help now bar and the place's box. */
function drawShell(): Node[] {
  vi.stubGlobal('window', { history, setTimeout, clearTimeout });
  const client = new FakeClient();
  // The status never comes: only the shell is drawn, and nothing runs afterwards.
  client.appStatus = () => new Promise(() => {});
  return parse(render(App, { props: { client, notifier } }).body);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const copy = parse(staticMarkup);
const copyOf = (test: (el: El) => boolean, what: string) => find(copy, test, `${what} in now-static.html`);

describe('the static first screen', () => {
  it('draws the scale exactly as IntensityScale does: 11 buttons, 0 to 10, same classes and labels', () => {
    const real = parse(render(IntensityScale, { props: { onpick: () => {} } }).body);
    const realButtons = elements(real).filter(byClass('level'));
    const copyButtons = elements(copy).filter(byClass('level'));
    expect(realButtons.map((b) => b.attrs.get('data-intensity')), 'the scale is 0 to 10').toEqual(
      Array.from({ length: 11 }, (_, i) => String(i)),
    );
    expect(copyButtons.map((b) => shape(b).join('\n'))).toEqual(realButtons.map((b) => shape(b).join('\n')));
    for (const part of ['scale', 'ends']) {
      expect(shape(copyOf(byClass(part), `.${part}`)), `.${part} as a whole`).toEqual(
        shape(find(real, byClass(part), `.${part}`)),
      );
    }
  });

  it('draws the whole of Now’s top as NowView does before its data comes', () => {
    const real = find(drawNow(), byClass('now'), 'section.now from NowView');
    expect(shape(copyOf(byClass('now'), 'section.now')).join('\n')).toBe(shape(real).join('\n'));
  });

  it('draws the bottom nav as BottomNav does, with App’s places, Now current', () => {
    const real = parse(render(BottomNav, { props: { places, current: 'now', onselect: () => {} } }).body);
    expect(shape(copyOf((e) => e.tag === 'nav', '<nav>')).join('\n')).toBe(
      shape(find(real, (e) => e.tag === 'nav', 'nav from BottomNav')).join('\n'),
    );
  });

  it('draws App’s Help now bar and the place’s box, with App’s classes', () => {
    const shell = drawShell();
    expect(shape(copyOf((e) => e.tag === 'header', '<header>')).join('\n')).toBe(
      shape(find(shell, (e) => e.tag === 'header', 'header from App')).join('\n'),
    );
    const box = find(shell, (e) => e.tag === 'main', 'main from App');
    // `bare` is for screens without the nav (nothing loaded yet, here); Now has the nav.
    const classes = (box.attrs.get('class') ?? '').split(/\s+/).filter((c) => c && c !== 'bare');
    expect(copyOf(byClass('place'), '.place').attrs.get('class')?.split(/\s+/).sort()).toEqual(classes.sort());
  });

  it('lays the parts out as the app does: the bar, the place holding Now, then the nav', () => {
    expect(copy.length, 'one container').toBe(1);
    const parts = (copy[0] as El).children;
    expect(parts.map((c) => (typeof c === 'string' ? c : c.tag))).toEqual(['header', 'div', 'nav']);
    const place = parts[1] as El;
    expect(byClass('place')(place), 'the place’s box').toBe(true);
    expect(place.attrs.get('role'), 'the main landmark, as <main> is in the app (axe: one main)').toBe('main');
    expect(place.children.length === 1 && byClass('now')(place.children[0] as El), 'holding Now alone').toBe(true);
  });

  it('can never be taken for the app: no test hooks, no <main>, no id of the app’s, no script', () => {
    const container = copy[0] as El;
    expect(container.tag).toBe('div');
    expect(container.attrs.has('data-static-boot'), `found by ${STATIC_BOOT}`).toBe(true);
    expect(container.attrs.get('aria-busy'), 'said to be on its way').toBe('true');
    for (const el of elements(copy)) {
      const hooks = [...el.attrs.keys()].filter((name) => name.startsWith('data-') && el !== container);
      expect(hooks, `<${el.tag}> has no data-* hooks (E2E tests and scripts find the app by them)`).toEqual([]);
      const id = el.attrs.get('id');
      if (id !== undefined) expect(id, 'ids are the copy’s own').toMatch(/^boot-/);
      expect(el.tag, 'the E2E harness waits for "main": only the app has one').not.toBe('main');
      expect(el.tag).not.toBe('script');
      expect(el.tag, 'no inline style element (the CSP would then refuse inline styles)').not.toBe('style');
    }
  });
});

describe('the pages that show it', () => {
  const slot = '<!-- ebb:first-screen -->';

  it('index.html paints it before the app, and painted.html the same with no script at all', () => {
    for (const [name, html] of [
      ['index.html', indexHtml],
      ['painted.html', paintedHtml],
    ] as const) {
      expect(html.split(slot).length - 1, `${name} asks for it once`).toBe(1);
    }
    expect(indexHtml.indexOf(slot), 'before #app, so it is parsed and painted first').toBeLessThan(
      indexHtml.indexOf('<div id="app">'),
    );
    expect(paintedHtml, 'the painted floor runs no JavaScript').not.toMatch(/<script/i);
  });
});

describe('the build (vite.config.ts)', () => {
  const plugin = firstScreen();
  const configResolved = plugin.configResolved as (config: ResolvedConfig) => void;
  configResolved({ root: '/ui', base: '/' } as ResolvedConfig);
  const hook = plugin.transformIndexHtml as {
    handler: (html: string, ctx: IndexHtmlTransformContext) => IndexHtmlTransformResult;
  };
  const chunk = (fileName: string, more: object) => ({
    type: 'chunk',
    fileName,
    isEntry: false,
    imports: [],
    dynamicImports: [],
    viteMetadata: { importedCss: new Set<string>(), importedAssets: new Set() },
    ...more,
  });
  const css = (...files: string[]) => ({ viteMetadata: { importedCss: new Set(files), importedAssets: new Set() } });
  // The entry (main.ts) imports the app (start.ts) after the first paint; the app shares a chunk
  // with the places loaded later, and loads those itself.
  const bundle = {
    'assets/index-1.js': chunk('assets/index-1.js', {
      isEntry: true,
      facadeModuleId: '/ui/index.html',
      dynamicImports: ['assets/start-2.js'],
    }),
    'assets/start-2.js': chunk('assets/start-2.js', {
      imports: ['assets/shared-3.js'],
      dynamicImports: ['assets/Settings-4.js'],
      ...css('assets/start-2.css'),
    }),
    'assets/shared-3.js': chunk('assets/shared-3.js', css('assets/shared-3.css')),
    'assets/Settings-4.js': chunk('assets/Settings-4.js', { imports: ['assets/shared-3.js'], ...css('assets/Settings-4.css') }),
  };
  const build = (filename: string, html: string, files: object = bundle) =>
    hook.handler(html, { path: filename.slice(3), filename, bundle: files } as never);
  const markupOf = (result: IndexHtmlTransformResult) => (typeof result === 'string' ? result : 'html' in result ? result.html : '');
  const linksOf = (result: IndexHtmlTransformResult) =>
    (typeof result === 'object' && 'tags' in result ? result.tags : []).map((t) => `${t.tag} ${t.attrs?.rel} ${t.attrs?.href}`);

  it('puts the copy, without its source comments, where the page asks for it', () => {
    const page = markupOf(build('/ui/index.html', indexHtml));
    expect(page).not.toContain('<!-- ebb:first-screen -->');
    expect(page).toContain('<div data-static-boot aria-busy="true">');
    expect(page.indexOf('data-static-boot')).toBeLessThan(page.indexOf('<div id="app">'));
    expect(page, 'the file’s own comments stay in the source').not.toContain('One source for index.html');
  });

  it('links the app’s stylesheets into both pages, the same files, but not those of later places', () => {
    const expected = ['link stylesheet /assets/shared-3.css', 'link stylesheet /assets/start-2.css'];
    expect(
      linksOf(build('/ui/index.html', indexHtml)).filter((l) => l.includes('stylesheet')),
      'before the first paint, not after the app runs',
    ).toEqual(expected);
    const painted = build('/ui/painted.html', paintedHtml);
    expect(linksOf(painted)).toEqual(expected);
    expect(markupOf(painted)).toContain('data-static-boot');
    expect(markupOf(painted)).not.toMatch(/<script/i);
  });

  it('has index.html fetch the app’s code while the first screen paints, and nothing of later places', () => {
    const preloads = linksOf(build('/ui/index.html', indexHtml)).filter((l) => l.includes('modulepreload'));
    expect(preloads, 'the app and the chunk it shares, never the entry itself or Settings').toEqual([
      'link modulepreload /assets/start-2.js',
      'link modulepreload /assets/shared-3.js',
    ]);
    expect(
      linksOf(build('/ui/painted.html', paintedHtml)).filter((l) => l.includes('modulepreload')),
      'the painted floor fetches no script',
    ).toEqual([]);
  });

  it('fails the build rather than ship a first screen without the app’s styles', () => {
    expect(() => build('/ui/painted.html', paintedHtml, {})).toThrow(/stylesheet/);
  });
});

describe('its colours before any script', () => {
  /** The custom properties a rule block sets. */
  function properties(css: string, selector: string): Record<string, string> {
    const start = css.indexOf(`${selector} {`);
    if (start < 0) throw new Error(`no ${selector} block`);
    const block = css.slice(start, css.indexOf('}', start)).replace(/\/\*[\s\S]*?\*\//g, '');
    return Object.fromEntries([...block.matchAll(/(--[\w-]+|color-scheme)\s*:\s*([^;]+);/g)].map(([, k, v]) => [k, v!.trim()]));
  }

  it('follows a dark system with exactly app.css’s dark theme', () => {
    const dark = properties(appCss, ":root[data-theme='dark']");
    expect(Object.keys(dark).length).toBeGreaterThan(10);
    expect(bootCss).toMatch(/@media \(prefers-color-scheme: dark\)\s*{\s*:root:not\(\[data-theme\]\) {/);
    expect(properties(bootCss, ':root:not([data-theme])')).toEqual(dark);
  });
});
