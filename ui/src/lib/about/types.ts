// Settings → About (issue #13): generated from the Rust types into bindings.ts.
export type { About, Licence } from '../ipc/bindings';
