// The journal's state: the list (newest first, searched and filtered, paged by a keyset
// cursor), the editor (its words stay in memory: nothing crosses IPC until Save, and leaving
// without Save keeps them as a draft, see drafts.svelte.ts), the rotating prompts, and the
// weekly reflection's three taps. The core has the last word on every rule.
import type {
  JournalCursor,
  JournalEntry,
  JournalFilter,
  ReflectionStatus,
  WeekWent,
} from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { newEntryKey, savedEntryKey, type EntryDraftKey, type JournalDrafts } from './drafts.svelte';

/** The longest entry, in characters (as the core counts them: code points, not UTF-16 units). */
export const MAX_ENTRY_CHARS = 50_000;
/** From here on the editor shows how many characters are left. */
export const SHOW_LEFT_FROM = 45_000;
export const JOURNAL_PAGE = 20;
const DAY_MS = 86_400_000;

/**
 * Characters left before the limit, or null while far from it. Cheap on every keystroke: a
 * string's UTF-16 length is never below its character count, so short drafts are never counted.
 */
export function charsLeft(text: string): number | null {
  if (text.length < SHOW_LEFT_FROM) return null;
  const chars = Array.from(text.trim()).length;
  return chars >= SHOW_LEFT_FROM ? MAX_ENTRY_CHARS - chars : null;
}

/** The prompt of the day: the prompts rotate once a day (in local time). */
export function promptIndexFor(now: Date, count: number): number {
  if (count === 0) return 0;
  const day = Math.floor((now.getTime() - now.getTimezoneOffset() * 60_000) / DAY_MS);
  return ((day % count) + count) % count;
}

/** A one-line excerpt: whitespace folded, cut at about `max` characters on a word. */
export function oneLine(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export type LinkedChoice = 'all' | 'linked' | 'alone' | 'reflections';

export class JournalListState {
  entries = $state<JournalEntry[]>([]);
  next = $state<JournalCursor | null>(null);
  loading = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);
  /** The search words as typed. */
  text = $state('');
  /** Which entries: all, about a craving, standing alone, weekly reflections. */
  show = $state<LinkedChoice>('all');

  constructor(private readonly client: EbbClient) {}

  get filter(): JournalFilter {
    const filter: JournalFilter = {};
    const text = this.text.trim();
    if (text) filter.text = text;
    if (this.show === 'linked') filter.linked = true;
    if (this.show === 'alone') filter.linked = false;
    if (this.show === 'reflections') filter.kind = 'reflection';
    return filter;
  }

  get filtering(): boolean {
    return Object.keys(this.filter).length > 0;
  }

  get hasMore(): boolean {
    return this.next !== null;
  }

  setShow(show: LinkedChoice): Promise<void> {
    this.show = show;
    return this.refresh();
  }

  setText(text: string): Promise<void> {
    this.text = text;
    return this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(null, true);
  }

  async loadMore(): Promise<void> {
    if (this.next) await this.load(this.next, false);
  }

  /** Bumped by every reload: an answer for an older search is dropped, never shown. */
  private generation = 0;

  private async load(after: JournalCursor | null, replace: boolean): Promise<void> {
    if (this.loading && !replace) return;
    const generation = replace ? ++this.generation : this.generation;
    this.loading = true;
    this.error = null;
    try {
      const filter = this.filter;
      const page = await this.client.listJournal(
        after ? { filter, after, limit: JOURNAL_PAGE } : { filter, limit: JOURNAL_PAGE },
      );
      if (generation !== this.generation) return;
      this.entries = replace ? page.entries : [...this.entries, ...page.entries];
      this.next = page.next;
      this.loaded = true;
    } catch (error) {
      if (generation === this.generation) this.error = toFailure(error).message;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }
}

/** The rotating prompts: one a day, "Another prompt" moves on. */
export class PromptPicker {
  prompts = $state<string[]>([]);
  index = $state(0);
  /** A draft's prompt, asked for before the prompts had loaded. */
  private wanted: string | null = null;

  async load(client: EbbClient, now: Date): Promise<void> {
    try {
      this.prompts = await client.journalPrompts();
      const wanted = this.wanted === null ? -1 : this.prompts.indexOf(this.wanted);
      this.index = wanted >= 0 ? wanted : promptIndexFor(now, this.prompts.length);
    } catch {
      // Prompts are an offer: without them the editor works just the same.
      this.prompts = [];
    }
    this.wanted = null;
  }

  /** Shows the prompt a draft answers, now or once the prompts have loaded (one no longer
   *  offered leaves the prompt of the day). */
  choose(prompt: string | null): void {
    if (prompt === null) return;
    const index = this.prompts.indexOf(prompt);
    if (index >= 0) this.index = index;
    else if (this.prompts.length === 0) this.wanted = prompt;
  }

  get current(): string | null {
    return this.prompts[this.index] ?? null;
  }

  another(): void {
    if (this.prompts.length > 0) this.index = (this.index + 1) % this.prompts.length;
  }
}

/** Where an editor keeps its unsaved words, and the prompts a new entry's draft answers. */
export interface DraftOptions {
  drafts?: JournalDrafts | null;
  prompts?: PromptPicker | null;
}

/** Writing or changing one entry. The words stay here until Save; leaving without Save keeps
 *  them as this context's draft (`keep`), and opening the same context brings them back. */
export class JournalEditorState {
  /** The entry being changed, or null for a new one. */
  entry = $state<JournalEntry | null>(null);
  text = $state('');
  busy = $state(false);
  error = $state<string | null>(null);
  /** The entry as last saved. */
  saved = $state<JournalEntry | null>(null);
  confirmingDelete = $state(false);
  deleted = $state(false);
  /** The words came back from a draft ("Your draft is back."). */
  restored = $state(false);
  /** "Clear it" was tapped once. */
  confirmingDiscard = $state(false);
  /** The words as opened or last saved: what is unsaved is measured against them. */
  private base = '';
  /** The saved entry this editor is about, known before it has loaded. */
  private entryId: string | null = null;
  private readonly drafts: JournalDrafts | null;
  private readonly prompts: PromptPicker | null;

  constructor(
    private readonly client: EbbClient,
    /** The craving a new entry is about, if any. */
    readonly urgeId: string | null = null,
    options: DraftOptions = {},
  ) {
    this.drafts = options.drafts ?? null;
    this.prompts = options.prompts ?? null;
  }

  /** A new entry: brings back the draft kept for its context (its craving, or a free entry),
   *  words and prompt. Returns whether there was one. */
  resume(): boolean {
    if (this.entryId !== null || !this.drafts) return false;
    const draft = this.drafts.entry(newEntryKey(this.urgeId));
    if (!draft) return false;
    this.text = draft.text;
    this.restored = true;
    this.confirmingDiscard = false;
    this.prompts?.choose(draft.prompt);
    return true;
  }

  /** Opens an existing entry, whole — or with the changes kept from last time. */
  async open(id: string): Promise<void> {
    this.entryId = id;
    this.error = null;
    try {
      const entry = await this.client.getJournalEntry({ id });
      const draft = this.drafts?.entry(savedEntryKey(entry.id)) ?? null;
      this.entry = entry;
      this.base = entry.text;
      this.text = draft?.text ?? entry.text;
      this.restored = draft !== null;
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  get left(): number | null {
    return charsLeft(this.text);
  }

  get isNew(): boolean {
    return this.entry === null;
  }

  /** Words Save hasn't stored: a new entry's (blank is nothing), or changes to a saved one. */
  get unsaved(): boolean {
    if (this.deleted) return false;
    return this.entry ? this.text !== this.base : this.text.trim() !== '';
  }

  /** Whose draft these words are; null while a saved entry is still loading (or didn't). */
  private get draftKey(): EntryDraftKey | null {
    if (this.entryId === null) return newEntryKey(this.urgeId);
    return this.entry ? savedEntryKey(this.entryId) : null;
  }

  /** Leaving without Save (Back, Escape, "Not now", another place, the lock): keeps the
   *  unsaved words as this context's draft, or forgets a draft with nothing left in it.
   *  Safe to call more than once. Returns whether a draft is kept. */
  keep(): boolean {
    const key = this.draftKey;
    if (!this.drafts || key === null) return false;
    if (!this.unsaved) {
      this.drafts.forget(key);
      return false;
    }
    this.drafts.keepEntry(key, { text: this.text, prompt: this.entry ? null : (this.prompts?.current ?? null) });
    return true;
  }

  /** "Clear it": asks once, then the draft goes — a new entry empties, a saved one goes back
   *  to its saved words. */
  discard(): void {
    if (!this.confirmingDiscard) {
      this.confirmingDiscard = true;
      return;
    }
    this.confirmingDiscard = false;
    this.text = this.entry ? this.base : '';
    this.restored = false;
    const key = this.draftKey;
    if (key !== null) this.drafts?.forget(key);
  }

  /** Saves the words: a new entry (with the prompt shown, and the running journaling session
   *  it finishes) or the changed words; the context's draft goes. Returns whether it was saved. */
  async save(options: { prompt?: string | null; sessionId?: string | null } = {}): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    const key = this.draftKey;
    const body = this.text;
    try {
      if (this.entry) {
        this.entry = await this.client.editJournalEntry({ id: this.entry.id, body });
      } else {
        this.entry = await this.client.createJournalEntry({
          body,
          urgeId: this.urgeId ?? undefined,
          prompt: options.prompt ?? undefined,
          sessionId: options.sessionId ?? undefined,
        });
      }
      this.saved = this.entry;
      // From here on, changes are to the entry just saved.
      this.entryId = this.entry.id;
      this.base = body;
      this.restored = false;
      this.confirmingDiscard = false;
      if (key !== null) this.drafts?.forget(key);
      this.drafts?.forget(savedEntryKey(this.entry.id));
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Asks once ("Delete this entry?"), then deletes it for real (and any draft of it). */
  async delete(): Promise<void> {
    if (!this.entry) return;
    if (!this.confirmingDelete) {
      this.confirmingDelete = true;
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      await this.client.deleteJournalEntry({ id: this.entry.id });
      this.deleted = true;
      this.drafts?.forget(savedEntryKey(this.entry.id));
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.busy = false;
      this.confirmingDelete = false;
    }
  }
}

export const WEEK_CHOICES: { value: WeekWent; label: string }[] = [
  { value: 'harder', label: 'Harder' },
  { value: 'mixed', label: 'Mixed' },
  { value: 'better', label: 'Better' },
];

/** A warm answer to how the week went: a harder week is information, never a verdict. */
export function weekReply(week: WeekWent | null): string | null {
  if (week === 'harder') return 'Thank you for being honest. A harder week tells you something; it takes nothing away.';
  if (week === 'mixed') return 'Some of each. Both parts are worth noticing.';
  if (week === 'better') return 'Good to hear. What made the difference is worth keeping.';
  return null;
}

/** The weekly reflection: three taps and an optional line, saved as a journal entry. */
export class ReflectionState {
  status = $state<ReflectionStatus | null>(null);
  week = $state<WeekWent | null>(null);
  /** A technique id; null is "Not sure"; undefined is not answered yet. */
  helped = $state<string | null | undefined>(undefined);
  /** A technique id; null is "Keep going as I am"; undefined is not answered yet. */
  next = $state<string | null | undefined>(undefined);
  line = $state('');
  busy = $state(false);
  error = $state<string | null>(null);
  saved = $state<JournalEntry | null>(null);
  /** The answers came back from a draft ("Your draft is back."). */
  restored = $state(false);
  /** "Clear it" was tapped once. */
  confirmingDiscard = $state(false);

  constructor(
    private readonly client: EbbClient,
    /** Where unsaved answers are kept when the reflection closes (null: nowhere). */
    private readonly drafts: JournalDrafts | null = null,
  ) {}

  async load(): Promise<void> {
    try {
      this.status = await this.client.reflectionStatus();
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  get due(): boolean {
    return this.status?.due ?? false;
  }

  get ready(): boolean {
    return this.week !== null && this.helped !== undefined && this.next !== undefined;
  }

  /** Anything answered or written, and not saved. */
  get unsaved(): boolean {
    if (this.saved) return false;
    return this.week !== null || this.helped !== undefined || this.next !== undefined || this.line.trim() !== '';
  }

  /** Opening the reflection: brings back the answers kept from last time, if any. */
  resume(): boolean {
    const draft = this.saved ? null : (this.drafts?.reflectionDraft() ?? null);
    if (!draft) return false;
    this.week = draft.week;
    this.helped = draft.helped;
    this.next = draft.next;
    this.line = draft.line;
    this.restored = true;
    this.confirmingDiscard = false;
    return true;
  }

  /** Leaving without Save: keeps the answers so far as the reflection's draft (or forgets
   *  one with nothing left in it). Returns whether a draft is kept. */
  keep(): boolean {
    if (!this.drafts) return false;
    if (!this.unsaved) {
      this.drafts.forget('reflection');
      return false;
    }
    this.drafts.keepReflection({ week: this.week, helped: this.helped, next: this.next, line: this.line });
    return true;
  }

  /** "Clear it": asks once, then every answer goes. */
  discard(): void {
    if (!this.confirmingDiscard) {
      this.confirmingDiscard = true;
      return;
    }
    this.confirmingDiscard = false;
    this.week = null;
    this.helped = undefined;
    this.next = undefined;
    this.line = '';
    this.restored = false;
    this.drafts?.forget('reflection');
  }

  async save(): Promise<boolean> {
    if (!this.week || this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      this.saved = await this.client.saveReflection({
        week: this.week,
        helpedTechniqueId: this.helped ?? undefined,
        nextTechniqueId: this.next ?? undefined,
        line: this.line.trim() || undefined,
      });
      if (this.status) this.status = { ...this.status, due: false, lastAt: this.saved.createdAt };
      this.restored = false;
      this.confirmingDiscard = false;
      this.drafts?.forget('reflection');
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** The entries about a page of cravings, by craving id (History's cards). */
export class LinkedEntries {
  byUrge = $state<Record<string, JournalEntry[]>>({});

  constructor(private readonly client: EbbClient) {}

  /** Loads the entries of these cravings; if that goes wrong, the cards stay as they were. */
  async load(urgeIds: string[]): Promise<void> {
    if (urgeIds.length === 0) {
      this.byUrge = {};
      return;
    }
    try {
      const byUrge: Record<string, JournalEntry[]> = {};
      // The core answers for up to 200 cravings at a time.
      for (let i = 0; i < urgeIds.length; i += 200) {
        const entries = await this.client.journalForUrges({ urgeIds: urgeIds.slice(i, i + 200) });
        for (const entry of entries) {
          if (entry.urge) (byUrge[entry.urge.id] ??= []).push(entry);
        }
      }
      this.byUrge = byUrge;
    } catch {
      // The cards still show the cravings; their entries are in the Journal.
    }
  }

  of(urgeId: string): JournalEntry[] {
    return this.byUrge[urgeId] ?? [];
  }
}
