// vite.config.ts (build and dev) and first-screen.test.ts run in Node and read files with this
// one function. The app itself never runs in Node, so the UI has no @types/node: this declares
// just what those two use.
declare module 'node:fs' {
  export function readFileSync(path: URL, encoding: 'utf8'): string;
}
