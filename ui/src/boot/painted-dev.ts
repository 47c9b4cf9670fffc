// `vite` (dev) only: the painted floor's styles, as main.ts brings them in, without the app
// running. The built painted.html has no script; it links the app's stylesheet instead.
import '../App.svelte';
import '../app.css';
import './boot.css';
