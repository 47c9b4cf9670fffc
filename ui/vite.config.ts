import { defineConfig, type Plugin } from 'vitest/config';
import type { HtmlTagDescriptor } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

/** Where index.html and painted.html ask for the static first screen. */
const FIRST_SCREEN_SLOT = '<!-- ebb:first-screen -->';

/**
 * Issue #13, a faster first screen: puts Now, drawn as static markup (src/boot/now-static.html,
 * the one source), into index.html, so the webview paints it before the app's code runs, and
 * into painted.html, the startup benchmark's painted floor: the same screen, same CSS and
 * fonts, and no JavaScript at all. Both link the app's stylesheet, the very same file.
 */
export function firstScreen(): Plugin {
  const source = new URL('./src/boot/now-static.html', import.meta.url);
  let root = '';
  let base = '/';
  return {
    name: 'ebb-first-screen',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    configureServer(server) {
      // index.html is read afresh on every request; a reload shows a change to the markup.
      server.watcher.on('change', (file) => {
        if (file.replaceAll('\\', '/').endsWith('/src/boot/now-static.html')) server.ws.send({ type: 'full-reload' });
      });
    },
    transformIndexHtml: {
      // After the bundle is written, when the build knows index.html's stylesheet.
      order: 'post',
      handler(html, ctx) {
        if (!html.includes(FIRST_SCREEN_SLOT)) return html;
        // The file's comments are for readers of the source, not for every start.
        const markup = readFileSync(source, 'utf8').replace(/<!--[\s\S]*?-->\s*/g, '').trim();
        const indent = /^([ \t]*)<!-- ebb:first-screen -->/m.exec(html)?.[1] ?? '';
        const page = html.replace(FIRST_SCREEN_SLOT, () => markup.replaceAll('\n', `\n${indent}`));
        if (!ctx.bundle) {
          if (!ctx.filename.endsWith('/painted.html')) return page;
          // `vite` (dev) serves styles through scripts: this one is for looking at the page
          // while working on it. The built painted.html has no script at all.
          return {
            html: page,
            tags: [{ tag: 'script', attrs: { type: 'module', src: '/src/boot/painted-dev.ts' }, injectTo: 'head' }],
          };
        }
        // The app's stylesheets: those of the chunks index.html's entry imports, the app itself
        // (src/boot/start.ts, evaluated after the first paint) included. Linked here, both pages
        // have them before their first paint, and the app finds them loaded (Vite doesn't load
        // a stylesheet the page already links).
        const chunks = new Map(
          Object.values(ctx.bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])),
        );
        const entry = [...chunks.values()].find((c) => c.isEntry && c.facadeModuleId === `${root}/index.html`);
        const styles = new Set<string>();
        const seen = new Set<string>();
        const collect = (name: string) => {
          const chunk = chunks.get(name);
          if (!chunk || seen.has(name)) return;
          seen.add(name);
          chunk.imports.forEach(collect);
          chunk.viteMetadata?.importedCss.forEach((file) => styles.add(file));
        };
        if (entry) [entry.fileName, ...entry.dynamicImports].forEach(collect);
        if (styles.size === 0) throw new Error(`${ctx.filename}: the app's stylesheet is not in the bundle`);
        const linked = [...styles].filter((file) => !page.includes(`href="${base}${file}"`));
        const tags: HtmlTagDescriptor[] = linked.map((file) => ({
          tag: 'link',
          attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head',
        }));
        // index.html also fetches the app's code (start.ts's chunk and those it imports) while
        // the first screen parses and paints: it is in the page's cache when main.ts imports it
        // after the first paint, one fetch fewer between that paint and the app's first screen.
        // The painted floor runs no script and fetches none.
        if (entry && ctx.filename.endsWith('/index.html')) {
          const scripts = new Set<string>();
          const walk = (name: string) => {
            const chunk = chunks.get(name);
            if (!chunk || scripts.has(name) || name === entry.fileName) return;
            scripts.add(name);
            chunk.imports.forEach(walk);
          };
          entry.dynamicImports.forEach(walk);
          for (const file of scripts) {
            tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' });
          }
        }
        return { html: page, tags };
      },
    },
  };
}

// The UI is built into the Tauri binary; `make dev` serves it on a fixed port instead.
export default defineConfig({
  plugins: [svelte(), firstScreen()],
  clearScreen: false,
  // Vite's and Vitest's caches stay in the ignored node_modules (never under src/, never committed).
  cacheDir: 'node_modules/.vite',
  server: { port: 5173, strictPort: true },
  build: {
    // WebKitGTK on Linux, WKWebView on iOS/macOS, Chromium WebView on Android and Windows.
    target: ['safari15', 'chrome105'],
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      // The app, and the startup benchmark's painted floor (EBB_STARTUP_PROBE=painted).
      input: { index: 'index.html', painted: 'painted.html' },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
