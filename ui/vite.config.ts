import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The UI is built into the Tauri binary; `make dev` serves it on a fixed port instead.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // Vite's and Vitest's caches stay in the ignored node_modules (never under src/, never committed).
  cacheDir: 'node_modules/.vite',
  server: { port: 5173, strictPort: true },
  build: {
    // WebKitGTK on Linux, WKWebView on iOS/macOS, Chromium WebView on Android and Windows.
    target: ['safari15', 'chrome105'],
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
