// The app proper, in its own chunk: main.ts evaluates it only once the static first screen has
// been painted. It mounts App into #app behind the static copy, which stays until App draws its
// own first screen (see handover.ts).
import { mount } from 'svelte';
import App from '../App.svelte';
import { tauriClient } from '../lib/ipc/client';
import { tauriNotifier } from '../lib/ipc/notifier';
import { handOver } from './handover';
// After App, as before the split: the components' styles, then the theme's (same cascade).
import '../app.css';
import './boot.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const shown = handOver(target);
mount(App, { target, props: { client: tauriClient(), notifier: tauriNotifier(), onshown: shown } });
