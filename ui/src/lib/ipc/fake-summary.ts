// The in-memory fake's summary and coping plan card (issue #12, see fake.ts): it stores what
// it was asked and answers with small believable pages. Only the refusals the UI reacts to are
// checked, with the core's words and the field at fault (crates/core/src/summary.rs, card.rs).
import { IpcFailure } from './client';
import type { JournalEntry } from './bindings';
import type {
  CardPreviewRequest,
  CopingCard,
  JournalChoice,
  PreviewImage,
  SaveCardRequest,
  SaveSummaryRequest,
  SavedFile,
  SummaryPeriod,
  SummaryPreview,
  SummaryRequest,
  SummarySection,
} from '../summary/types';

/** A 1 × 1 PNG: the fake draws no real pages. */
export const BLANK_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const invalid = (field: string, message: string) => new IpcFailure('invalid_input', message, field);

const HEADINGS: Record<SummarySection, string> = {
  talkAbout: "What I'd like to talk about",
  cravings: 'Cravings over time',
  when: 'When cravings come',
  triggers: 'Triggers and feelings',
  helps: 'What helps me',
  goals: 'My goals',
  plans: 'My if-then plans',
  practice: 'Techniques and practice',
  journal: 'Journal entries',
};
const ORDER = Object.keys(HEADINGS) as SummarySection[];

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function excerpt(text: string, max: number): string {
  const flat = text.split(/\s+/).filter(Boolean).join(' ');
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max).join('').trimEnd()}…`;
}

/** A card as the core draws it: lines trimmed, blank ones and empty parts dropped. */
function checkedCard(card: CopingCard): CopingCard {
  const line = (field: string, what: string, text: string) => {
    const t = text.split(/\s+/).filter(Boolean).join(' ');
    const n = [...t].length;
    if (n > 160) throw invalid(field, `${what} can be up to 160 characters; this one has ${n}. Shorten it and try again.`);
    return t;
  };
  const title = line('title', 'The title', card.title);
  if (!title) throw invalid('title', 'Give the card a title, such as “When a craving comes”.');
  const sections = [];
  for (const section of card.sections) {
    const heading = line('heading', 'A heading', section.heading);
    const lines = section.lines.map((l) => line('lines', 'A line', l)).filter(Boolean);
    if (lines.length > 6) throw invalid('lines', `A part of the card can have up to 6 lines; “${excerpt(heading, 30)}” has ${lines.length}.`);
    if (lines.length > 0 || heading) sections.push({ heading, lines });
  }
  if (sections.length > 5) throw invalid('sections', `A card can have up to 5 parts; this one has ${sections.length}.`);
  if (sections.every((s) => s.lines.length === 0)) throw invalid('lines', 'Add at least one line to the card.');
  return { title, sections };
}

export class FakeSummary {
  /** What `copingCardDraft` answers (tests change it). */
  draft: CopingCard = {
    title: 'When a craving comes',
    sections: [
      {
        heading: 'Try first',
        lines: [
          'Box breathing: about 2.1 points lower than waiting, over 9 times',
          'Urge surfing: watch it rise, peak and fall',
        ],
      },
      { heading: 'My plans', lines: ["If I'm home alone after 10 pm, then I will call Sam."] },
      { heading: 'People I can call', lines: ['Sam: 07700 900123'] },
      { heading: 'If I need help now', lines: ['Emergency services: 999', 'Samaritans: 116 123'] },
    ],
  };
  /** What each call was asked, in order. */
  choiceRequests: SummaryPeriod[] = [];
  previewRequests: SummaryRequest[] = [];
  cardPreviews: CardPreviewRequest[] = [];
  /** What was saved, in order. */
  saved: ({ kind: 'summary'; request: SaveSummaryRequest } | { kind: 'card'; request: SaveCardRequest })[] = [];
  /** The size each saved file reports. */
  bytes = 48_213;

  constructor(
    private readonly journal: () => JournalEntry[],
    private readonly today: () => string,
  ) {}

  private checkPeriod(from: string, to: string): void {
    if (to < from) throw invalid('to', 'The end date is before the start date. Choose an end on or after the start.');
    if (to > this.today()) throw invalid('to', "The period can't end after today. Choose today or an earlier day as the end.");
    const n = days(from, to);
    if (n > 1096) {
      throw invalid('from', `A summary covers up to three years; this period is ${n.toLocaleString('en')} days. Choose a shorter one.`);
    }
  }

  private checkSummary(r: SummaryRequest): void {
    this.checkPeriod(r.from, r.to);
    if (r.sections.length === 0) throw invalid('sections', 'Tick at least one thing to include.');
    if (r.journalIds.length > 50) {
      throw invalid('journalIds', `A summary can include up to 50 journal entries; ${r.journalIds.length} are ticked.`);
    }
    if (r.sections.includes('journal') && r.journalIds.some((id) => !this.journal().some((e) => e.id === id))) {
      throw invalid(
        'journalIds',
        "One of the journal entries you ticked isn't here any more (it may have been deleted). Untick it and try again.",
      );
    }
    const talk = [...(r.talkAbout?.trim() ?? '')].length;
    if (talk > 2000) {
      throw invalid(
        'talkAbout',
        `What you'd like to talk about can be up to 2,000 characters; this one has ${talk.toLocaleString('en')}. Nothing was saved.`,
      );
    }
    const name = [...(r.name?.trim() ?? '')].length;
    if (name > 40) throw invalid('name', `A name on the cover can be up to 40 characters; this one has ${name}. Nothing was saved.`);
  }

  choices(period: SummaryPeriod): JournalChoice[] {
    this.choiceRequests.push({ ...period });
    this.checkPeriod(period.from, period.to);
    return this.journal()
      .filter((e) => e.createdAt.slice(0, 10) >= period.from && e.createdAt.slice(0, 10) <= period.to)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map((e) => ({ id: e.id, date: e.createdAt.slice(0, 10), kind: e.kind, excerpt: excerpt(e.text, 120) }));
  }

  preview(request: SummaryRequest): SummaryPreview {
    this.previewRequests.push(structuredClone(request));
    this.checkSummary(request);
    const cover = ['Summary', ...(request.name?.trim() ? [request.name.trim()] : []), `${request.from} to ${request.to}`];
    const sections = ORDER.filter((s) => request.sections.includes(s)).map((s) => HEADINGS[s]);
    const [w, h] = request.paper === 'letter' ? [612, 792] : [595, 842];
    const page = (text: string[]): PreviewImage => ({ dataUrl: BLANK_PNG, width: w, height: h, text });
    // Three sections a page after the cover's own.
    const pages = [page([...cover, ...sections.slice(0, 2)])];
    for (let i = 2; i < sections.length; i += 3) pages.push(page(sections.slice(i, i + 3)));
    return { pages };
  }

  saveSummary(request: SaveSummaryRequest): SavedFile {
    this.checkSummary(request.summary);
    this.saved.push({ kind: 'summary', request: structuredClone(request) });
    return { path: request.path, bytes: this.bytes };
  }

  previewCard(request: CardPreviewRequest): PreviewImage {
    this.cardPreviews.push(structuredClone(request));
    const card = checkedCard(request.card);
    const text = [card.title, ...card.sections.flatMap((s) => [s.heading, ...s.lines].filter(Boolean)), 'Made with Ebb'];
    return { dataUrl: BLANK_PNG, width: 360, height: 780, text };
  }

  saveCard(request: SaveCardRequest): SavedFile {
    checkedCard(request.card);
    this.saved.push({ kind: 'card', request: structuredClone(request) });
    return { path: request.path, bytes: this.bytes };
  }
}
