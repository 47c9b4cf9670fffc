// The summary's and the card's words (issue #12): what each section holds, in one line, and the
// plain notes said before a file in an open format is saved (care.md §7: nothing leaves the
// device unless the person saves it, and they should know what the file is).
import type { SummarySection } from './types';

/** The sections in the order the summary draws them, each with a one-line description. */
export const SECTIONS: readonly { id: SummarySection; label: string; description: string }[] = [
  { id: 'talkAbout', label: "What I'd like to talk about", description: 'A few lines of your own, on the first page.' },
  { id: 'cravings', label: 'Cravings over time', description: 'How many each week, and how strong.' },
  { id: 'when', label: 'When cravings come', description: 'The days and hours they tend to come.' },
  { id: 'triggers', label: 'Triggers and feelings', description: 'What was going on, from the chips you picked.' },
  { id: 'helps', label: 'What helps me', description: 'Techniques compared with just waiting, and how sure that is.' },
  { id: 'goals', label: 'My goals', description: 'The goal you set for each thing, and how this time went.' },
  { id: 'plans', label: 'My if-then plans', description: 'Your plans, and how those cravings went.' },
  { id: 'practice', label: 'Techniques and practice', description: 'What you practised, and for how long.' },
  { id: 'journal', label: 'Journal entries', description: 'Only the entries you tick, one by one.' },
];

/** Ticked when the builder opens: everything but the journal, which is the most private. */
export const DEFAULT_SECTIONS: readonly SummarySection[] = SECTIONS.map((s) => s.id).filter((id) => id !== 'journal');

export const MAX_TALK_ABOUT_CHARS = 2000;
export const MAX_NAME_CHARS = 40;
export const MAX_CARD_LINE_CHARS = 160;
export const MAX_CARD_LINES = 6;
export const MAX_CARD_SECTIONS = 5;

/** Said above the journal entries: none is ticked for the person. */
export const JOURNAL_NONE_NOTE = 'Nothing from your journal is included unless you tick it.';

/** Said before "Save PDF…". */
export const SUMMARY_NOTE = "A PDF isn't encrypted: anyone with the file can read it. Keep it somewhere private, or share it directly.";

/** Said before the card's save buttons. */
export const CARD_NOTE =
  "An image or a PDF isn't encrypted: anyone with the file can read it, and anyone who picks up your phone can read a lock screen. Keep it somewhere private, or share it directly.";

export const CARD_INTRO = 'Drawn from what has helped you. Change any words before you save.';

/** "Saved to /home/sam/summary-2026-11.pdf" */
export function savedTo(path: string): string {
  return `Saved to ${path}`;
}
