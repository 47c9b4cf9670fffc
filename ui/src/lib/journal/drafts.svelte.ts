// Journal drafts: words written and not saved yet, kept in memory while Ebb is open. Back and
// Escape close the journal editor like any screen, and no data is ever lost, so leaving the
// editor any way but Save (Back, Escape, "Not now", another place, the lock) keeps what was
// typed, one draft per context: the craving an entry is about, a free entry, an entry being
// changed, the weekly reflection. Opening the editor for the same context brings it back.
//
// Nothing here is ever written anywhere (no localStorage, no IPC, no file): the person's words
// are stored only in the encrypted store, and only when they choose Save. A draft lasts until
// the app closes, and the notices say so.
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { WeekWent } from '../ipc/bindings';

/** Which entry a draft belongs to: a new one about a craving (`urge:<id>`), a new free one,
 *  or one already saved and being changed (`entry:<id>`). */
export type EntryDraftKey = 'free' | `urge:${string}` | `entry:${string}`;
/** Every draft's key: an entry's, or the weekly reflection's (there is only ever one). */
export type DraftKey = EntryDraftKey | 'reflection';

/** A new entry's key: its craving's, or the free entry's. */
export function newEntryKey(urgeId: string | null): EntryDraftKey {
  return urgeId ? `urge:${urgeId}` : 'free';
}

/** The key of an entry already saved, while it is being changed. */
export function savedEntryKey(entryId: string): EntryDraftKey {
  return `entry:${entryId}`;
}

/** An entry's unsaved words, and the prompt they answer (so it comes back with them). */
export interface EntryDraft {
  readonly text: string;
  readonly prompt: string | null;
}

/** The weekly reflection's answers so far (undefined: not answered; null: "Not sure" or
 *  "Keep going as I am", as in ReflectionState). */
export interface ReflectionDraft {
  readonly week: WeekWent | null;
  readonly helped: string | null | undefined;
  readonly next: string | null | undefined;
  readonly line: string;
}

/** Said where the person lands after leaving the editor with words unsaved. */
export const WRITING_KEPT = 'Your writing is kept as a draft while Ebb is open.';
export const ANSWERS_KEPT = 'Your answers are kept as a draft while Ebb is open.';

/** What the "Your draft is back" note needs from an editor holding a restored draft. */
export interface RestoredDraft {
  readonly restored: boolean;
  /** "Clear it" was tapped once: the note asks before the words go. */
  confirmingDiscard: boolean;
  /** Asks once, then clears the draft. */
  discard(): void;
}

/** The drafts, one per context, for as long as the app runs (App.svelte holds the one). */
export class JournalDrafts {
  private readonly entries = new SvelteMap<EntryDraftKey, EntryDraft>();
  private reflection = $state.raw<ReflectionDraft | null>(null);
  /** A short status for where the person landed ("Your writing is kept…"), or null. */
  notice = $state<string | null>(null);

  entry(key: EntryDraftKey): EntryDraft | null {
    return this.entries.get(key) ?? null;
  }

  keepEntry(key: EntryDraftKey, draft: EntryDraft): void {
    this.entries.set(key, { text: draft.text, prompt: draft.prompt });
  }

  reflectionDraft(): ReflectionDraft | null {
    return this.reflection;
  }

  keepReflection(draft: ReflectionDraft): void {
    const { week, helped, next, line } = draft;
    this.reflection = { week, helped, next, line };
  }

  /** Saved, cleared by the person, or nothing left to keep. */
  forget(key: DraftKey): void {
    if (key === 'reflection') this.reflection = null;
    else this.entries.delete(key);
  }

  /** How many drafts are kept. */
  get size(): number {
    return this.entries.size + (this.reflection ? 1 : 0);
  }

  say(notice: string): void {
    this.notice = notice;
  }

  /** The person moved on (another screen, another place, the lock): the notice has been said. */
  quiet(): void {
    this.notice = null;
  }
}

const key = Symbol('ebb-journal-drafts');

export function provideDrafts(drafts: JournalDrafts): void {
  setContext(key, drafts);
}

export function useDrafts(): JournalDrafts {
  const drafts = getContext<JournalDrafts | undefined>(key);
  if (!drafts) throw new Error('No JournalDrafts provided: App.svelte must call provideDrafts');
  return drafts;
}
