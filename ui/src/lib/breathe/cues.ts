// Cues beside the shape (care.md §4), each a setting: a soft tone per phase (Web Audio, made on
// the fly, no sound files) and a vibration per phase on phones (one buzz in, two out, so it
// works with eyes closed). Where a platform has neither, nothing happens and nothing fails.
import type { PhaseName } from './engine';

/** A gentle pitch per phase: rising for in, middle for holds, lower for out. */
export const PHASE_TONES: Record<PhaseName, number> = {
  in: 392,
  topUp: 440,
  holdIn: 330,
  out: 262,
  holdOut: 330,
};

/** Vibration per phase, as on/off milliseconds: one buzz in, two out, a short tap on holds. */
export const PHASE_BUZZES: Record<PhaseName, number[]> = {
  in: [60],
  topUp: [30],
  holdIn: [15],
  out: [60, 120, 60],
  holdOut: [15],
};

/** What plays a cue; each part may be missing on a platform. */
export interface CueOutputs {
  /** Plays a tone of `hz` for `ms`. */
  tone?: (hz: number, ms: number) => void;
  /** Plays a vibration pattern. */
  vibrate?: (pattern: number[]) => void;
}

export class Cues {
  constructor(
    private readonly outputs: CueOutputs,
    private readonly settings: { tones: boolean; haptics: boolean },
  ) {}

  /** Called once as each phase begins. Never throws: a cue is a nicety, breathing goes on. */
  phase(name: PhaseName): void {
    try {
      if (this.settings.tones) this.outputs.tone?.(PHASE_TONES[name], 350);
    } catch {
      /* no audio here: the shape and words still guide */
    }
    try {
      if (this.settings.haptics) this.outputs.vibrate?.(PHASE_BUZZES[name]);
    } catch {
      /* no vibration here */
    }
  }
}

/** Web Audio tones with a soft attack and release, so they never click. */
export function webAudioTone(): CueOutputs['tone'] {
  const Ctx = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctx) return undefined;
  let ctx: AudioContext | null = null;
  return (hz, ms) => {
    ctx ??= new Ctx();
    const now = ctx.currentTime;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(0.12, now + 0.05);
    gain.gain.linearRampToValueAtTime(0, now + ms / 1000);
    osc.connect(gain).connect(ctx.destination);
    osc.start(now);
    osc.stop(now + ms / 1000 + 0.05);
  };
}

/**
 * Vibration: the web's `navigator.vibrate` where the webview has it (Android), otherwise the
 * Tauri haptics plugin (iOS; a no-op on desktop). Buzzes of a pattern are played in turn.
 */
export function deviceVibrate(plugin: (ms: number) => Promise<unknown>): CueOutputs['vibrate'] {
  const nav = globalThis.navigator as Navigator | undefined;
  if (nav && typeof nav.vibrate === 'function') return (pattern) => void nav.vibrate(pattern);
  return (pattern) => {
    let at = 0;
    pattern.forEach((ms, i) => {
      if (i % 2 === 0) setTimeout(() => plugin(ms).catch(() => {}), at);
      at += ms;
    });
  };
}
