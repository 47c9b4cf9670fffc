// Keeps the screen awake during a session where the platform allows (the Wake Lock API);
// where it doesn't, nothing happens and nothing fails. Returns the release.
type WakeLock = { release(): Promise<void> };

export function keepAwake(): () => void {
  let lock: WakeLock | null = null;
  let released = false;
  const wake = (globalThis.navigator as (Navigator & { wakeLock?: { request(t: 'screen'): Promise<WakeLock> } }) | undefined)
    ?.wakeLock;
  wake
    ?.request('screen')
    .then((l) => {
      if (released) l.release().catch(() => {});
      else lock = l;
    })
    .catch(() => {});
  return () => {
    released = true;
    lock?.release().catch(() => {});
  };
}
