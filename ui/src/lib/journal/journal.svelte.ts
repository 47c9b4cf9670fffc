// The journal's state: the list (newest first, searched and filtered, paged by a keyset
// cursor), the editor (a draft kept in memory: nothing crosses IPC until Save), the rotating
// prompts, and the weekly reflection's three taps. The core has the last word on every rule.
import type {
  JournalCursor,
  JournalEntry,
  JournalFilter,
  ReflectionStatus,
  WeekWent,
} from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

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

  async load(client: EbbClient, now: Date): Promise<void> {
    try {
      this.prompts = await client.journalPrompts();
      this.index = promptIndexFor(now, this.prompts.length);
    } catch {
      // Prompts are an offer: without them the editor works just the same.
      this.prompts = [];
    }
  }

  get current(): string | null {
    return this.prompts[this.index] ?? null;
  }

  another(): void {
    if (this.prompts.length > 0) this.index = (this.index + 1) % this.prompts.length;
  }
}

/** Writing or changing one entry. The draft stays here until Save. */
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

  constructor(
    private readonly client: EbbClient,
    /** The craving a new entry is about, if any. */
    readonly urgeId: string | null = null,
  ) {}

  /** Opens an existing entry, whole. */
  async open(id: string): Promise<void> {
    this.error = null;
    try {
      const entry = await this.client.getJournalEntry({ id });
      this.entry = entry;
      this.text = entry.text;
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

  /** Saves the draft: a new entry (with the prompt shown, and the running journaling session
   *  it finishes) or the changed words. Returns whether it was saved. */
  async save(options: { prompt?: string | null; sessionId?: string | null } = {}): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      if (this.entry) {
        this.entry = await this.client.editJournalEntry({ id: this.entry.id, body: this.text });
      } else {
        this.entry = await this.client.createJournalEntry({
          body: this.text,
          urgeId: this.urgeId ?? undefined,
          prompt: options.prompt ?? undefined,
          sessionId: options.sessionId ?? undefined,
        });
      }
      this.saved = this.entry;
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Asks once ("Delete this entry?"), then deletes it for real. */
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

  constructor(private readonly client: EbbClient) {}

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
