// Settings drawn as the app draws it (on the server, so no browser is needed): the list of
// sections, and each section's page with its heading first (issue #14).
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { FakeClient } from '../../lib/ipc/fake';
import { provideClient, provideNotifier } from '../../lib/ipc/context';
import { Navigation, provideNavigation } from '../../lib/nav/navigation.svelte';
import { Preferences, providePreferences } from '../../lib/settings/preferences.svelte';
import { SECTIONS, SettingsSections, provideSettingsSections, type SectionId } from '../../lib/settings/sections.svelte';
import { LockState, provideLock } from '../../lib/lock/lock.svelte';
import { provideAfterRestore } from '../../lib/backups/backups.svelte';
import { provideAfterImport } from '../../lib/data/import.svelte';
import WithContext from '../shared/WithContext.svelte';
import SettingsView from './SettingsView.svelte';

const history = { state: null, pushState() {}, replaceState() {}, back() {}, go() {} };

async function draw(open: SectionId | null): Promise<string> {
  const client = new FakeClient();
  const preferences = new Preferences(client);
  await preferences.load();
  const sections = new SettingsSections();
  if (open) sections.open(open);
  const { body } = render(WithContext, {
    props: {
      view: SettingsView,
      setup: () => {
        provideClient(client);
        provideNotifier({ permit: async () => true, send: async () => {} });
        provideNavigation(new Navigation(history));
        providePreferences(preferences);
        provideSettingsSections(sections);
        provideLock(new LockState(client));
        provideAfterRestore(() => {});
        provideAfterImport(() => {});
      },
    },
  });
  return body;
}

/** The text a tag holds, tags and comments removed, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('SettingsView', () => {
  it('shows a short list: one button per section, named by its visible words', async () => {
    const html = await draw(null);
    expect(html, 'the place’s heading').toMatch(/<h1 id="settings-title"[^>]*>Settings<\/h1>/);
    const buttons = [...html.matchAll(/<button([^>]*data-section="([a-z]+)"[^>]*)>(.*?)<\/button>/g)];
    expect(buttons.map((b) => b[2]), 'every section, in order').toEqual(SECTIONS.map((s) => s.id));
    for (const [, attributes, id, inner] of buttons) {
      const section = SECTIONS.find((s) => s.id === id)!;
      expect(attributes, 'no aria-label that could differ from what is shown').not.toMatch(/aria-label/);
      expect(text(inner!), 'the name is the title, then what is in it').toBe(`${section.title} ${section.hint}`);
    }
    expect(html, 'no section’s settings are drawn until it is opened').not.toContain('name="theme"');
  });

  it('opens the colours first of all, as a page with its heading, a Back button and the choices', async () => {
    const html = await draw('appearance');
    expect(html, 'focus lands on the page heading, so it must take focus').toMatch(
      /<h1 id="[^"]+" tabindex="-1"[^>]*>Colours and breathing<\/h1>/,
    );
    expect(html, 'its own Back button (E2E: [data-action=close-settings-appearance])').toContain(
      'data-action="close-settings-appearance"',
    );
    expect((html.match(/name="theme"/g) ?? []).length, 'light, dark, or as the device').toBe(3);
    expect(html, 'the list is not drawn under the page').not.toContain('data-section="tracking"');
  });

  it('draws every section’s page, each headed by its title, with no id twice', async () => {
    for (const section of SECTIONS) {
      const html = await draw(section.id);
      expect(html, `${section.id}: its title is the page heading`).toMatch(
        new RegExp(`<h1 [^>]*>${section.title}</h1>`),
      );
      expect(html, `${section.id}: named for end-to-end tests`).toContain(`data-testid="settings-${section.id}"`);
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), `${section.id}: ids are unique`).toEqual([]);
      const h1s = html.match(/<h1[\s>]/g) ?? [];
      expect(h1s.length, `${section.id}: one page heading; the parts below are h2`).toBe(1);
    }
  });
});
