// History's and the journal's rows are buttons named by what they show (issue #14; axe
// label-content-name-mismatch): the words a person sees, or says to voice control, are the start
// of the name. Drawn on the server, so no browser is needed.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { FakeClient } from '../../lib/ipc/fake';
import { Vocab } from '../../lib/capture/vocab.svelte';
import UrgeRow from './UrgeRow.svelte';
import JournalEntryItem from '../journal/JournalEntryItem.svelte';

/** The row's open button: its attributes, its name (all its text, hidden words too) and what
 *  is visible (the same without the visually hidden words). */
function openButton(html: string): { attributes: string; name: string; visible: string } {
  const match = html.match(/<button([^>]*class="open[^"]*"[^>]*)>([\s\S]*?)<\/button>/);
  if (!match) throw new Error(`no open button in ${html}`);
  const words = (s: string) =>
    s
      .replace(/<!--.*?-->/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const inner = match[2]!;
  return {
    attributes: match[1]!,
    name: words(inner),
    visible: words(inner.replace(/<span class="visually-hidden[^"]*">[^<]*<\/span>/g, '')),
  };
}

describe('row buttons are named by their visible text', () => {
  it('History: the craving’s row reads as it shows, then its scale', async () => {
    const client = new FakeClient();
    const wine = await client.addThing({ name: 'evening wine', goal: { kind: 'stop' } });
    const urge = await client.logUrge({ intensity: 7, trackedId: wine.id, note: 'long day' });
    const vocab = new Vocab(client);
    await vocab.load();
    const { body } = render(UrgeRow, { props: { urge, now: client.now, vocab, onopen: () => {} } });
    const button = openButton(body);
    expect(button.attributes, 'no aria-label: it hid "7", the time and the note from the name').not.toMatch(
      /aria-label/,
    );
    expect(button.visible, 'what shows: strength, when, what, the note').toMatch(/^7 .*evening wine long day$/);
    expect(button.name.startsWith(button.visible), `"${button.name}" starts with what shows`).toBe(true);
    expect(button.name, 'the number is explained for screen readers, after it').toMatch(/7 out of 10\)$/);
  });

  it('Journal: the entry’s row reads as it shows', async () => {
    const client = new FakeClient();
    const entry = await client.createJournalEntry({ body: 'Walked it off by the river.' });
    const { body } = render(JournalEntryItem, { props: { entry, now: client.now, onopen: () => {} } });
    const button = openButton(body);
    expect(button.attributes, 'no aria-label that differs from what shows').not.toMatch(/aria-label/);
    expect(button.name, 'the name is exactly what shows').toBe(button.visible);
    expect(button.visible, 'when, then the beginning of the entry').toMatch(/Walked it off by the river\.$/);
  });
});
