// "Make a coping plan card" (issue #12): one page, "When a craving comes", drafted from what
// has helped the person, their plans, people and crisis numbers, and every word theirs to
// change before it is saved: as a PNG for a phone's lock screen, or as a PDF to print. The
// preview follows every change; the core checks the card and its messages are shown as they
// are.
import type { EbbClient } from '../ipc/client';
import type { Timers } from '../urges/now.svelte';
import { LivePreview, problemOf, type Problem } from './preview.svelte';
import { CARD_FILE_NAMES, PDF_FILTER, PNG_FILTER, defaultPaper } from './period';
import { MAX_CARD_LINES, MAX_CARD_SECTIONS, savedTo } from './words';
import type { CardFormat, CardTheme, CopingCard, Paper, PreviewImage } from './types';

export type CardOptions = {
  /** Light or dark to start with: the app's own colours now. */
  theme?: CardTheme;
  /** The person's language tag (`en-US`): the PDF's paper. */
  language?: string;
  timers?: Timers;
  delay?: number;
};

export const CARD_THEMES: readonly { id: CardTheme; label: string }[] = [
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

/** Where the editor shows a refusal: the title's under the title, a part's above the parts
 *  (the core doesn't say which part); one that names nothing by the preview (while drawing
 *  it) or by the save buttons (while saving). */
export type CardPlace = 'title' | 'parts' | 'preview' | 'save';

export function cardPlaceOf(field: string | null, during: 'preview' | 'save'): CardPlace {
  if (field === 'title') return 'title';
  if (field === 'heading' || field === 'lines' || field === 'sections') return 'parts';
  return during;
}

/** A card's title, heading or line is one line: a line break typed or pasted into one becomes a
 *  space (the core collapses whitespace anyway), one character for one, so a caret or
 *  selection in the field stays where it was. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}

export class CardEditor {
  /** The card as the person edits it, once the draft is in. */
  card = $state<CopingCard | null>(null);
  theme = $state<CardTheme>('light');
  paper = $state<Paper>('a4');
  /** Why the draft couldn't be made. */
  loadProblem = $state<string | null>(null);
  /** Which save is on its way (the dialog, then the file). */
  saving = $state<CardFormat | null>(null);
  /** "Saved to …", for a polite live region. */
  saved = $state<string | null>(null);
  saveProblem = $state<Problem | null>(null);

  readonly preview: LivePreview<PreviewImage>;

  constructor(
    private readonly client: EbbClient,
    options: CardOptions = {},
  ) {
    this.theme = options.theme ?? 'light';
    this.paper = defaultPaper(options.language);
    this.preview = new LivePreview(
      () => this.key,
      () => {
        const card = this.snapshot();
        if (!card) return Promise.reject(new Error('The card is not ready yet.'));
        return this.client.previewCard({ card, theme: this.theme });
      },
      { timers: options.timers, delay: options.delay },
    );
  }

  /** Loads the first draft. */
  async load(): Promise<void> {
    this.loadProblem = null;
    try {
      this.card = await this.client.copingCardDraft();
    } catch (error) {
      this.loadProblem = problemOf(error).message;
    }
  }

  /** The card and theme as a string: reading it follows every word. */
  get key(): string {
    return JSON.stringify({ card: this.card, theme: this.theme });
  }

  private snapshot(): CopingCard | null {
    return this.card ? ($state.snapshot(this.card) as CopingCard) : null;
  }

  setTitle(title: string): void {
    if (this.card) this.card.title = oneLine(title);
  }

  setHeading(section: number, heading: string): void {
    const part = this.card?.sections[section];
    if (part) part.heading = oneLine(heading);
  }

  setLine(section: number, line: number, text: string): void {
    const lines = this.card?.sections[section]?.lines;
    if (lines && line < lines.length) lines[line] = oneLine(text);
  }

  canAddLine(section: number): boolean {
    const lines = this.card?.sections[section]?.lines;
    return !!lines && lines.length < MAX_CARD_LINES;
  }

  /** Adds an empty line at the end of a part; returns its index, or null when the part is full. */
  addLine(section: number): number | null {
    const lines = this.card?.sections[section]?.lines;
    if (!lines || lines.length >= MAX_CARD_LINES) return null;
    lines.push('');
    return lines.length - 1;
  }

  removeLine(section: number, line: number): void {
    this.card?.sections[section]?.lines.splice(line, 1);
  }

  get canAddSection(): boolean {
    return !!this.card && this.card.sections.length < MAX_CARD_SECTIONS;
  }

  /** Adds an empty part at the end; returns its index, or null when the card is full. */
  addSection(): number | null {
    if (!this.card || !this.canAddSection) return null;
    this.card.sections.push({ heading: '', lines: [''] });
    return this.card.sections.length - 1;
  }

  /** Takes a whole part off the card (people's numbers on a lock screen, say). */
  removeSection(section: number): void {
    this.card?.sections.splice(section, 1);
  }

  /** The refusal to show at `place`, if any: the last save's first, then the preview's. */
  problemAt(place: CardPlace): string | null {
    const save = this.saveProblem;
    if (save && cardPlaceOf(save.field, 'save') === place) return save.message;
    const preview = this.preview.problem;
    if (preview && cardPlaceOf(preview.field, 'preview') === place) return preview.message;
    return null;
  }

  /** The card may have changed: the preview follows, and an older save's refusal goes. */
  changed(): void {
    if (!this.card) return;
    this.saveProblem = null;
    this.preview.schedule();
  }

  /** "Save as image (PNG)" or "Save as PDF": the save dialog, then the file. Returns whether
   *  it saved; closing the dialog changes nothing. */
  async save(format: CardFormat): Promise<boolean> {
    const card = this.snapshot();
    if (!card || this.saving) return false;
    this.saving = format;
    this.saved = null;
    this.saveProblem = null;
    try {
      const path = await this.client.chooseSaveFile(CARD_FILE_NAMES[format], format === 'png' ? PNG_FILTER : PDF_FILTER);
      if (path === null) return false;
      const file = await this.client.saveCard({ card, theme: this.theme, format, paper: this.paper, path });
      this.saved = savedTo(file.path);
      return true;
    } catch (error) {
      this.saveProblem = problemOf(error);
      return false;
    } finally {
      this.saving = null;
    }
  }

  /** The editor closed: no more previews. */
  stop(): void {
    this.preview.stop();
  }
}
