// "Make a summary" (issue #12): a PDF the person brings to their therapist, with only what they
// choose. A period (the last 2 weeks unless they pick another), the sections ticked (all but
// the journal), journal entries ticked one by one (none until they tick one), their own lines
// to talk about, a name on the cover if they like, and the paper. The preview follows every
// change; "Save PDF…" asks where, after a plain note that the file isn't encrypted. The core
// checks everything and its messages are shown as they are, next to the choice they concern.
import { IpcFailure, type EbbClient } from '../ipc/client';
import type { Timers } from '../urges/now.svelte';
import { LivePreview, problemOf, type Problem } from './preview.svelte';
import {
  PDF_FILTER,
  defaultPaper,
  localDate,
  periodEnding,
  summaryFileName,
  type PeriodChoice,
} from './period';
import { DEFAULT_SECTIONS, SECTIONS, savedTo } from './words';
import type { JournalChoice, Paper, SummaryPeriod, SummaryPreview, SummaryRequest, SummarySection } from './types';

export type SummaryOptions = {
  /** Today on the device's calendar, `YYYY-MM-DD` (a test's own day unless left out). */
  today?: () => string;
  /** The person's language tag (`en-GB`): the paper's default, and the dates' order. */
  language?: string;
  timers?: Timers;
  delay?: number;
};

/** Where the builder shows a refusal: the dates together, each text under its box; one that
 *  names no control by the preview (while drawing it) or by "Save PDF…" (while saving). */
export type SummaryPlace = 'period' | 'sections' | 'journalIds' | 'talkAbout' | 'name' | 'preview' | 'save';

/** Where a refusal about `field` goes, met while drawing the preview or saving. */
export function placeOf(field: string | null, during: 'preview' | 'save'): SummaryPlace {
  switch (field) {
    case 'from':
    case 'to':
      return 'period';
    case 'sections':
    case 'journalIds':
    case 'talkAbout':
    case 'name':
      return field;
    default:
      return during;
  }
}

/** A period as one string, to know which one the journal's list is of. */
function periodKey(period: SummaryPeriod): string {
  return `${period.from}/${period.to}`;
}

export class SummaryBuilder {
  period = $state<PeriodChoice>('twoWeeks');
  /** The custom dates, `YYYY-MM-DD` (empty until picked). */
  customFrom = $state('');
  customTo = $state('');
  /** Each section, ticked or not. */
  included = $state<Record<SummarySection, boolean>>(
    Object.fromEntries(SECTIONS.map((s) => [s.id, DEFAULT_SECTIONS.includes(s.id)])) as Record<SummarySection, boolean>,
  );
  talkAbout = $state('');
  name = $state('');
  paper = $state<Paper>('a4');
  /** Journal entries of the period `choicesOf`, newest first, once the journal is ticked. */
  journalChoices = $state<JournalChoice[]>([]);
  choicesOf = $state<string | null>(null);
  /** The entries ticked, by id: none until the person ticks one. One ticked and then out of
   *  the period picked isn't included (and is ticked again if the period comes back). */
  journalTicked = $state<Record<string, boolean>>({});
  /** "Save PDF…" is on its way (the dialog, then the file). */
  saving = $state(false);
  /** "Saved to …", for a polite live region. */
  saved = $state<string | null>(null);
  /** Why the last save didn't happen (a closed dialog isn't one). */
  saveProblem = $state<Problem | null>(null);

  readonly preview: LivePreview<SummaryPreview>;
  readonly language: string | undefined;
  private readonly today: () => string;

  constructor(
    private readonly client: EbbClient,
    options: SummaryOptions = {},
  ) {
    this.today = options.today ?? (() => localDate(Date.now()));
    this.language = options.language;
    this.paper = defaultPaper(options.language);
    this.preview = new LivePreview(
      () => this.key,
      (current) => this.draw(current),
      { timers: options.timers, delay: options.delay },
    );
  }

  /** Today, for the date inputs' `max`. */
  get todayDate(): string {
    return this.today();
  }

  /** The days picked (the custom dates as typed, maybe empty). */
  get range(): SummaryPeriod {
    if (this.period === 'custom') return { from: this.customFrom, to: this.customTo };
    return periodEnding(this.period, this.today());
  }

  /** Picks a period; custom dates start from the period shown until now. */
  choosePeriod(choice: PeriodChoice): void {
    if (choice === 'custom' && this.period !== 'custom') {
      const shown = this.range;
      if (!this.customFrom) this.customFrom = shown.from;
      if (!this.customTo) this.customTo = shown.to;
    }
    this.period = choice;
  }

  get sections(): SummarySection[] {
    return SECTIONS.map((s) => s.id).filter((id) => this.included[id]);
  }

  /** The journal's list is of the period picked (not one picked before, still shown while
   *  the new one loads). */
  get choicesCurrent(): boolean {
    return this.choicesOf === periodKey(this.range);
  }

  /** The entries ticked in the period's list, in its order. */
  get journalIds(): string[] {
    if (!this.included.journal || !this.choicesCurrent) return [];
    return this.journalChoices.filter((c) => this.journalTicked[c.id]).map((c) => c.id);
  }

  /** What is asked of the core now. */
  get request(): SummaryRequest {
    return this.choices(this.journalIds);
  }

  /** The person's choices as a string: reading it follows every one of them (and nothing the
   *  builder loads for itself, such as the journal's list). */
  get key(): string {
    const ticked = this.included.journal
      ? Object.keys(this.journalTicked)
          .filter((id) => this.journalTicked[id])
          .sort()
      : [];
    return JSON.stringify(this.choices(ticked));
  }

  private choices(journalIds: string[]): SummaryRequest {
    const { from, to } = this.range;
    const talk = this.talkAbout.trim();
    const name = this.name.trim();
    return {
      from,
      to,
      sections: this.sections,
      journalIds,
      talkAbout: this.included.talkAbout && talk ? this.talkAbout : undefined,
      name: name ? name : undefined,
      paper: this.paper,
      locale: this.language,
    };
  }

  /** The refusal to show at `place`, if any: the last save's first, then the preview's. */
  problemAt(place: SummaryPlace): string | null {
    const save = this.saveProblem;
    if (save && placeOf(save.field, 'save') === place) return save.message;
    const preview = this.preview.problem;
    if (preview && placeOf(preview.field, 'preview') === place) return preview.message;
    return null;
  }

  /** The choices may have changed: the preview follows, and an older save's refusal goes. */
  changed(): void {
    this.saveProblem = null;
    this.preview.schedule();
  }

  /** Ticks or unticks a journal entry. */
  tick(id: string, on: boolean): void {
    this.journalTicked[id] = on;
  }

  /** The period's journal entries, when the journal is ticked and they aren't loaded yet. */
  private async loadChoices(period: SummaryPeriod, current: () => boolean): Promise<void> {
    if (!this.included.journal || this.choicesOf === periodKey(period)) return;
    const choices = await this.client.summaryJournalChoices(period);
    if (!current()) return;
    this.journalChoices = choices;
    this.choicesOf = periodKey(period);
  }

  /** Checks both days are picked (the core checks the rest). */
  private checkDays(period: SummaryPeriod): void {
    if (!period.from) throw new IpcFailure('invalid_input', 'Choose the first day of the period.', 'from');
    if (!period.to) throw new IpcFailure('invalid_input', 'Choose the last day of the period.', 'to');
  }

  private async draw(current: () => boolean): Promise<SummaryPreview> {
    const period = this.range;
    this.checkDays(period);
    await this.loadChoices(period, current);
    // Superseded meanwhile (another change, or the builder closed): not drawn at all.
    if (!current()) throw new Error('superseded');
    return this.client.previewSummary($state.snapshot(this.request) as SummaryRequest);
  }

  /** "Save PDF…": the save dialog (`summary-YYYY-MM.pdf`), then the file. Returns whether it
   *  saved; closing the dialog changes nothing. */
  async save(): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.saved = null;
    this.saveProblem = null;
    try {
      const period = this.range;
      this.checkDays(period);
      // The journal's list of this period first: only entries ticked in it go in.
      await this.loadChoices(period, () => true);
      const summary = $state.snapshot(this.request) as SummaryRequest;
      const path = await this.client.chooseSaveFile(summaryFileName(summary.to), PDF_FILTER);
      if (path === null) return false;
      const file = await this.client.saveSummary({ summary, path });
      this.saved = savedTo(file.path);
      return true;
    } catch (error) {
      this.saveProblem = problemOf(error);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** The builder closed: no more previews. */
  stop(): void {
    this.preview.stop();
  }
}
