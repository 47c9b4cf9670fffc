import { mount } from 'svelte';
import App from './App.svelte';
import { tauriClient } from './lib/ipc/client';
import { tauriNotifier } from './lib/ipc/notifier';
import './app.css';

// Paint the system's scheme from the first frame; App.svelte applies the person's choice.
document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target, props: { client: tauriClient(), notifier: tauriNotifier() } });
