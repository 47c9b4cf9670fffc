// The entry: as little as possible runs before the first paint. index.html already shows Now,
// drawn statically (src/boot/now-static.html); the app's own code (boot/start.ts, its own chunk,
// its stylesheet linked from index.html) is evaluated only once that has been painted, else a
// module script runs first and holds the first paint back by all of its work.
import { startEarly } from './boot/early';
import { afterFirstPaint, STATIC_BOOT } from './boot/handover';

// Paint the system's scheme from the first frame; App.svelte applies the person's choice.
document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

const painted = document.querySelector(STATIC_BOOT) ? afterFirstPaint() : Promise.resolve();
// The first screen's data is asked for as the app's code loads, so it is there when the app is
// (not before the first paint: the answers come through the same thread that paints). The app's
// code is asked for first, ahead of the seven reads.
void painted.then(() => {
  const app = import('./boot/start');
  startEarly();
  return app;
});
