import { describe, expect, it } from 'vitest';
import { Navigation, type HistoryLike, type KeyLike } from '../nav/navigation.svelte';
import { SECTIONS, SettingsSections, listButton, sectionById } from './sections.svelte';

/** A webview's session history: entries, where we are, and steps taken later as a real one does. */
class FakeHistory implements HistoryLike {
  entries: unknown[] = [null];
  index = 0;
  private asked: number[] = [];
  listener: ((state: unknown) => void) | null = null;
  get state(): unknown {
    return this.entries[this.index];
  }
  pushState(data: unknown): void {
    this.entries.splice(this.index + 1);
    this.entries.push(data);
    this.index += 1;
  }
  replaceState(data: unknown): void {
    this.entries[this.index] = data;
  }
  back(): void {
    this.asked.push(-1);
  }
  go(delta: number): void {
    this.asked.push(delta);
  }
  takeSteps(): void {
    while (this.asked.length > 0) this.step(this.asked.shift()!);
  }
  /** The platform's Back (Android's back button, a mouse's back button). */
  pressBack(): void {
    this.step(-1);
  }
  private step(delta: number): void {
    this.index = Math.max(0, this.index + delta);
    this.listener?.(this.state);
  }
}

function escape(): KeyLike {
  return { key: 'Escape', defaultPrevented: false, preventDefault() {} };
}

/** Settings as SettingsView wires it: the section's page is a level that follows `current`
 *  (what useLevel's effect does), and Back/Escape run the page's own close. */
function setup() {
  const history = new FakeHistory();
  const nav = new Navigation(history, { wait: () => () => {} });
  history.listener = (state) => nav.popstate(state);
  const sections = new SettingsSections();
  const level = nav.level('settings-section', () => sections.close());
  const follow = () => level.set(sections.current !== null);
  return { history, nav, sections, follow };
}

describe('Settings sections (issue #14): a short list, each section its own page', () => {
  it('lists a handful of sections, each with a title and a one-line hint', () => {
    expect(SECTIONS.length, 'the list fits about one phone screen').toBeLessThanOrEqual(9);
    expect(new Set(SECTIONS.map((s) => s.id)).size, 'ids are unique (they name the list buttons)').toBe(SECTIONS.length);
    expect(SECTIONS[0]!.id, 'colours come first, not four screens down').toBe('appearance');
    for (const s of SECTIONS) {
      expect(s.hint.length, `“${s.hint}” stays on one line at 390 px`).toBeLessThanOrEqual(36);
      expect(sectionById(s.id)).toBe(s);
    }
  });

  it('opening a section is a level: one history entry, the page shown', () => {
    const { history, nav, sections, follow } = setup();
    sections.open('privacy');
    follow();
    expect(sections.section?.title, 'the page for the section').toBe('Privacy and lock');
    expect(nav.names, 'the page is a level over Settings').toEqual(['settings-section']);
    expect(history.entries, 'with its own history entry').toEqual([null, { ebb: 1 }]);
  });

  it('the platform’s Back closes the page, and focus goes back to its button in the list', () => {
    const { history, nav, sections, follow } = setup();
    sections.open('appearance');
    follow();
    history.pressBack();
    follow();
    expect(sections.current, 'Back shows the list again').toBeNull();
    expect(nav.depth, 'no level left open').toBe(0);
    expect(sections.takeReturn(), 'focus returns to the section’s own button').toBe(listButton('appearance'));
    expect(sections.takeReturn(), 'once: a later redraw moves focus nowhere').toBeNull();
  });

  it('Escape does what Back does', async () => {
    const { history, nav, sections, follow } = setup();
    sections.open('data');
    follow();
    nav.keydown(escape());
    follow();
    await Promise.resolve();
    history.takeSteps();
    expect(sections.current, 'Escape closes the page').toBeNull();
    expect(sections.takeReturn()).toBe('button[data-section="data"]');
    expect(history.state, 'its history entry is consumed: the next Back is not a dead one').toBeNull();
  });

  it('the page’s own Back button closes it and consumes its entry', async () => {
    const { history, nav, sections, follow } = setup();
    sections.open('chips');
    follow();
    sections.close();
    follow();
    await Promise.resolve();
    history.takeSteps();
    expect(nav.depth).toBe(0);
    expect(history.index, 'back at the place’s own entry').toBe(0);
    expect(sections.takeReturn(), 'focus goes back to the list button here too').toBe(listButton('chips'));
  });

  it('another place starts Settings at its list, with no focus to give back', () => {
    const { sections } = setup();
    sections.open('about');
    sections.reset();
    expect(sections.current).toBeNull();
    expect(sections.takeReturn(), 'the list is not where the person is going').toBeNull();
  });
});
