// The person's preferences every screen reads: the one-tap breathing exercise, cues (tones,
// vibration), reduced motion and the colour scheme. Loaded once by the app shell and shared
// through context; a refused change is shown and nothing changes.
import { getContext, setContext } from 'svelte';
import type { Settings, SettingsUpdate, Theme } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

/** What Ebb does before the person changes anything (as the core's defaults). */
export const DEFAULT_SETTINGS: Settings = {
  rerateMinutes: 10,
  setupDone: false,
  reminders: false,
  defaultTechniqueId: 'breathing.box',
  tones: false,
  haptics: true,
  reduceMotion: false,
  theme: 'system',
  journalPrompts: true,
  weeklyReflection: false,
  region: null,
  lockAfterMinutes: 1,
  coverWhenAway: false,
};

export class Preferences {
  settings = $state<Settings | null>(null);
  error = $state<string | null>(null);

  constructor(private readonly client: EbbClient) {}

  async load(): Promise<void> {
    try {
      this.settings = await this.client.getSettings();
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** Saves a change; returns whether it was kept. */
  async set(update: SettingsUpdate): Promise<boolean> {
    this.error = null;
    try {
      this.settings = await this.client.updateSettings(update);
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    }
  }

  get defaultTechniqueId(): string {
    return this.settings?.defaultTechniqueId ?? 'breathing.box';
  }
}

/** Whether the player must not scale anything: the system asks for less motion, or the person did. */
export function reducedMotion(setting: boolean, media: Pick<MediaQueryList, 'matches'> | null): boolean {
  return setting || (media?.matches ?? false);
}

/** The scheme to paint: the person's choice, or the system's when they left it to the system. */
export function resolvedTheme(theme: Theme, media: Pick<MediaQueryList, 'matches'> | null): 'light' | 'dark' {
  if (theme === 'system') return media?.matches ? 'dark' : 'light';
  return theme;
}

const key = Symbol('ebb-preferences');

export function providePreferences(preferences: Preferences): void {
  setContext(key, preferences);
}

export function usePreferences(): Preferences {
  const preferences = getContext<Preferences | undefined>(key);
  if (!preferences) throw new Error('No Preferences provided: App.svelte must call providePreferences');
  return preferences;
}
