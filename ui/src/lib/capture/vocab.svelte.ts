// What logging offers: the tracked things, the chips, and the settings. Loaded once per screen.
import type { Chip, ChipKind, Settings, TrackedThing } from '../ipc/bindings';
import { DEFAULT_SETTINGS } from '../settings/preferences.svelte';
import { toFailure, type EbbClient } from '../ipc/client';

export const CHIP_KINDS: { kind: ChipKind; title: string }[] = [
  { kind: 'trigger', title: 'What set it off?' },
  { kind: 'feeling', title: 'How are you feeling?' },
  { kind: 'place', title: 'Where are you?' },
  { kind: 'company', title: 'Who are you with?' },
];

export class Vocab {
  things = $state<TrackedThing[]>([]);
  chips = $state<Chip[]>([]);
  settings = $state<Settings>({ ...DEFAULT_SETTINGS, setupDone: true });
  error = $state<string | null>(null);

  constructor(private readonly client: EbbClient) {}

  async load(): Promise<void> {
    try {
      const [things, chips, settings] = await Promise.all([
        this.client.listThings(),
        this.client.listChips(),
        this.client.getSettings(),
      ]);
      this.things = things;
      this.chips = chips;
      this.settings = settings;
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  get activeThings(): TrackedThing[] {
    return this.things.filter((t) => !t.archived);
  }

  /** Chips of a kind that logging offers (hidden ones left out), in the person's order. */
  visible(kind: ChipKind): Chip[] {
    return this.chips
      .filter((c) => c.kind === kind && !c.hidden)
      .sort((a, b) => a.position - b.position);
  }

  chipLabel(id: string): string | undefined {
    return this.chips.find((c) => c.id === id)?.label;
  }

  thing(id: string | null): TrackedThing | null {
    return this.things.find((t) => t.id === id) ?? null;
  }
}
