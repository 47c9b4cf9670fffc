// The Breathe place's list: built-ins and the person's own patterns, what they hid, and the
// editor for a custom pattern. Numbers move in half-second steps within care.md's bounds; the
// core has the last word and its message is shown as it is.
import type { Library, Technique } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

export const PHASE_MAX = 20;
export const PHASE_STEP = 0.5;

export class TechniqueLibrary {
  library = $state<Library | null>(null);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);

  constructor(private readonly client: EbbClient) {}

  async load(): Promise<void> {
    try {
      this.library = await this.client.listTechniques();
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  private get all(): Technique[] {
    return this.library?.techniques ?? [];
  }

  isHidden(id: string): boolean {
    return this.library?.hidden.includes(id) ?? false;
  }

  /** What is shown, of one kind; custom patterns are listed apart. */
  shown(kind: Technique['kind'], custom = false): Technique[] {
    return this.all.filter((t) => t.kind === kind && t.custom === custom && !this.isHidden(t.id));
  }

  get hiddenTechniques(): Technique[] {
    return this.all.filter((t) => this.isHidden(t.id));
  }

  get breathing(): Technique[] {
    return this.all.filter((t) => t.kind === 'breathing');
  }

  byId(id: string): Technique | undefined {
    return this.all.find((t) => t.id === id);
  }

  /** The one-tap exercise: the person's default, or box breathing. */
  get defaultTechnique(): Technique | undefined {
    return this.byId(this.library?.defaultTechniqueId ?? 'breathing.box') ?? this.byId('breathing.box');
  }

  async setHidden(id: string, hidden: boolean): Promise<void> {
    this.error = null;
    try {
      this.library = await this.client.setTechniqueHidden({ techniqueId: id, hidden });
      const name = this.byId(id)?.name ?? 'It';
      this.notice = hidden ? `${name} is hidden. It's under “Hidden” if you want it back.` : `${name} is back.`;
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** Saves a new or edited pattern; returns whether it was kept. */
  async save(draft: PatternDraft): Promise<boolean> {
    draft.error = null;
    const input = draft.input();
    try {
      if (draft.id) await this.client.updatePattern({ id: draft.id, pattern: input });
      else await this.client.createPattern(input);
      this.notice = `Saved “${input.name.trim()}”.`;
      await this.load();
      return true;
    } catch (error) {
      draft.error = toFailure(error).message;
      return false;
    }
  }

  async remove(id: string): Promise<void> {
    this.error = null;
    const name = this.byId(id)?.name ?? 'The pattern';
    try {
      await this.client.deletePattern({ id });
      this.notice = `Deleted “${name}”. Times you used it stay in History.`;
      await this.load();
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }
}

type Field = 'inhale' | 'holdIn' | 'exhale' | 'holdOut';

/** The editor's state for one pattern: a name and four numbers. */
export class PatternDraft {
  name = $state('');
  inhale = $state(4);
  holdIn = $state(0);
  exhale = $state(6);
  holdOut = $state(0);
  error = $state<string | null>(null);

  constructor(
    readonly id: string | null = null,
    from?: Technique,
  ) {
    if (from?.pattern) {
      this.name = from.name;
      this.inhale = from.pattern.inhale;
      this.holdIn = from.pattern.holdIn;
      this.exhale = from.pattern.exhale;
      this.holdOut = from.pattern.holdOut;
    }
  }

  /** One half-second up or down, kept within 0–20 (the core checks the rest). */
  nudge(field: Field, by: number): void {
    const next = Math.round((this[field] + by) * 2) / 2;
    this[field] = Math.min(PHASE_MAX, Math.max(0, next));
  }

  /** One breath, in seconds. */
  get cycleSeconds(): number {
    return this.inhale + this.holdIn + this.exhale + this.holdOut;
  }

  input() {
    return { name: this.name, inhale: this.inhale, holdIn: this.holdIn, exhale: this.exhale, holdOut: this.holdOut };
  }
}
