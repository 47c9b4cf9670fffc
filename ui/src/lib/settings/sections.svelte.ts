// Settings as a short list of sections, each opening its own page (issue #14: one long page was
// seven screens, with the colours four screens down). The open page is a level (Back and
// Escape close it, see nav/navigation.svelte.ts); focus goes to its heading when it opens and
// back to its button in the list when it closes.
//
// The app shell keeps which page is open, not the Settings screen: the screen goes away while
// Ebb is locked (or reloads after a restore) and comes back on the same page, as a person left it.
// Going to another place starts Settings at its list again.
import { getContext, setContext } from 'svelte';

export const SECTIONS = [
  { id: 'appearance', title: 'Colours and breathing', hint: 'Light or dark, breathing cues' },
  { id: 'tracking', title: 'What you track and your plans', hint: 'Your goals and if-then plans' },
  { id: 'chips', title: 'Your chips', hint: 'The one-tap words for a craving' },
  { id: 'checkins', title: 'Check-ins and journal', hint: 'Check-in time, reminders, prompts' },
  { id: 'support', title: 'Help now and support', hint: 'People who help, emergency numbers' },
  { id: 'privacy', title: 'Privacy and lock', hint: 'PIN or passphrase, when Ebb locks' },
  { id: 'data', title: 'Your data and backups', hint: 'Backups, save a copy, bring one in' },
  { id: 'share', title: 'To share or keep close', hint: 'A summary or a coping plan card' },
  { id: 'about', title: 'About Ebb', hint: 'Version, data folder, licences' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];
export type Section = (typeof SECTIONS)[number];

export function sectionById(id: SectionId): Section {
  return SECTIONS.find((s) => s.id === id)!;
}

/** The CSS selector of a section's button in the list, where focus returns when its page closes. */
export function listButton(id: SectionId): string {
  return `button[data-section="${id}"]`;
}

export class SettingsSections {
  /** The page open now; null shows the list. */
  current = $state<SectionId | null>(null);
  /** The page just closed: its list button takes focus once the list is back. */
  private closed: SectionId | null = null;

  get section(): Section | null {
    return this.current ? sectionById(this.current) : null;
  }

  open(id: SectionId): void {
    this.closed = null;
    this.current = id;
  }

  /** Its Back button, the platform's Back, Escape: the list again. */
  close(): void {
    if (this.current === null) return;
    this.closed = this.current;
    this.current = null;
  }

  /** Another place was chosen: Settings starts at its list next time, focus nowhere special. */
  reset(): void {
    this.current = null;
    this.closed = null;
  }

  /** Once the list is shown after a close: the button to focus (asked once). */
  takeReturn(): string | null {
    const id = this.closed;
    this.closed = null;
    return id ? listButton(id) : null;
  }
}

const key = Symbol('ebb-settings-sections');

export function provideSettingsSections(sections: SettingsSections): void {
  setContext(key, sections);
}

export function useSettingsSections(): SettingsSections {
  const sections = getContext<SettingsSections | undefined>(key);
  if (!sections) throw new Error('No SettingsSections provided: App.svelte must call provideSettingsSections');
  return sections;
}
