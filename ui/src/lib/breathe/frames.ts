// Drives a breathing player from the frame clock. The loop starts in the same moment as the
// player, never after the start record is written: with another connection holding SQLite's
// write lock for seconds, waiting for the record froze the screen on "Breathe in / 4" and then
// jumped (issue #14). Where the session is comes from the clock alone, so a late frame shows
// the right phase, never a drifted one.

/** The frame clock: `requestAnimationFrame` and `performance.now()` in the app, timers in tests. */
export interface FrameClock {
  now(): number;
  request(frame: (nowMs: number) => void): number;
  cancel(handle: number): void;
}

/** What the loop needs of a player (BreathingPlayer). */
export interface FramePlayer {
  readonly stage: string;
  start(nowMs: number): Promise<void>;
  tick(nowMs: number): void;
}

export const browserFrames: FrameClock = {
  now: () => performance.now(),
  request: (frame) => requestAnimationFrame(frame),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** Starts `player` now and ticks it every frame while it runs; returns what stops the loop. */
export function runFrames(player: FramePlayer, clock: FrameClock = browserFrames): () => void {
  let handle = 0;
  let stopped = false;
  const loop = (now: number) => {
    if (stopped) return;
    player.tick(now);
    if (player.stage === 'running') handle = clock.request(loop);
  };
  // The record is written alongside: its promise never rejects, and nothing here waits for it.
  void player.start(clock.now());
  handle = clock.request(loop);
  return () => {
    stopped = true;
    clock.cancel(handle);
  };
}
