import { describe, expect, it, vi } from 'vitest';
import { IpcFailure } from '../ipc/client';
import { FakeClient } from '../ipc/fake';
import type { Timers } from '../urges/now.svelte';
import { CardEditor, cardPlaceOf, oneLine } from './card.svelte';
import { PDF_FILTER, PNG_FILTER } from './period';
import type { PreviewImage, SaveCardRequest } from './types';

/** Timers that fire only when the test says so. */
class ManualTimers implements Timers {
  pending = new Map<number, () => void>();
  private seq = 0;
  setTimeout(fn: () => void) {
    const id = ++this.seq;
    this.pending.set(id, fn);
    return id;
  }
  clearTimeout(handle: unknown) {
    this.pending.delete(handle as number);
  }
  fire() {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const fn of all) fn();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setup(options: { theme?: 'light' | 'dark'; language?: string } = {}) {
  const client = new FakeClient();
  const timers = new ManualTimers();
  const editor = new CardEditor(client, { timers, language: 'en-GB', ...options });
  await editor.load();
  editor.changed();
  await settle();
  return { client, timers, editor };
}

describe('CardEditor', () => {
  it('starts from the draft, in the app’s colours, and draws it at once', async () => {
    const { client, editor } = await setup({ theme: 'dark' });
    expect(editor.card?.title).toBe('When a craving comes');
    expect(editor.card?.sections.map((s) => s.heading)).toEqual(['Try first', 'My plans', 'People I can call', 'If I need help now']);
    expect(editor.theme).toBe('dark');
    expect(client.summary.cardPreviews).toHaveLength(1);
    expect(client.summary.cardPreviews[0]?.theme).toBe('dark');
    expect(editor.preview.value?.text[0]).toBe('When a craving comes');
  });

  it('sends every word as edited, once the typing pauses', async () => {
    const { client, timers, editor } = await setup();
    const card = editor.card;
    if (!card) throw new Error('no draft');
    card.title = 'When it comes';
    editor.changed();
    card.sections[0]!.lines[0] = 'Box breathing, 4 counts each';
    editor.changed();
    expect(client.summary.cardPreviews, 'waiting for a pause').toHaveLength(1);
    timers.fire();
    await settle();
    expect(client.summary.cardPreviews).toHaveLength(2);
    expect(client.summary.cardPreviews[1]?.card.title).toBe('When it comes');
    expect(client.summary.cardPreviews[1]?.card.sections[0]?.lines[0]).toBe('Box breathing, 4 counts each');
    editor.theme = 'dark';
    editor.changed();
    timers.fire();
    await settle();
    expect(client.summary.cardPreviews[2]?.theme).toBe('dark');
  });

  it('adds lines up to 6 a part and parts up to 5, and removes them', async () => {
    const { editor } = await setup();
    const tryFirst = () => editor.card?.sections[0]?.lines ?? [];
    expect(tryFirst()).toHaveLength(2);
    for (let i = 0; i < 4; i++) expect(editor.addLine(0)).toBe(2 + i);
    expect(tryFirst()).toEqual([expect.any(String), expect.any(String), '', '', '', '']);
    expect(editor.canAddLine(0)).toBe(false);
    expect(editor.addLine(0), 'a seventh line is not offered').toBeNull();
    editor.removeLine(0, 0);
    expect(tryFirst()).toHaveLength(5);
    expect(tryFirst()[0]).toBe('Urge surfing: watch it rise, peak and fall');

    expect(editor.addSection()).toBe(4);
    expect(editor.card?.sections[4]).toEqual({ heading: '', lines: [''] });
    expect(editor.canAddSection).toBe(false);
    expect(editor.addSection()).toBeNull();
    editor.removeSection(2);
    expect(editor.card?.sections.map((s) => s.heading)).toEqual(['Try first', 'My plans', 'If I need help now', '']);
  });

  it('keeps each title, heading and line on one line: a line break becomes a space', async () => {
    const { editor } = await setup();
    editor.setTitle('When it\ncomes');
    editor.setHeading(0, 'Try\r\nfirst');
    editor.setLine(0, 1, 'Urge surfing:\n\nwatch it rise');
    // One space a break character, so the caret in the field the person typed in stays put.
    expect(editor.card?.title).toBe('When it comes');
    expect(editor.card?.sections[0]?.heading).toBe('Try  first');
    expect(editor.card?.sections[0]?.lines[1]).toBe('Urge surfing:  watch it rise');
    expect(oneLine('a\nb'), 'as long as what was typed').toHaveLength(3);
    editor.setLine(0, 9, 'no such line');
    expect(editor.card?.sections[0]?.lines, 'a line that isn’t there isn’t made').toHaveLength(2);
  });

  it("shows the core's refusal by the title or above the parts", async () => {
    const { timers, editor } = await setup();
    editor.card!.title = '  ';
    editor.changed();
    timers.fire();
    await settle();
    expect(editor.problemAt('title')).toBe('Give the card a title, such as “When a craving comes”.');
    expect(editor.preview.value).toBeNull();
    editor.card!.title = 'When a craving comes';
    editor.card!.sections[1]!.lines[0] = 'x'.repeat(161);
    editor.changed();
    timers.fire();
    await settle();
    expect(editor.problemAt('title')).toBeNull();
    expect(editor.problemAt('parts')).toBe('A line can be up to 160 characters; this one has 161. Shorten it and try again.');
    expect(cardPlaceOf('sections', 'save')).toBe('parts');
    expect(cardPlaceOf(null, 'preview')).toBe('preview');
    expect(cardPlaceOf(null, 'save')).toBe('save');
  });

  it('keeps the newest card when an older answer comes last', async () => {
    const { client, timers, editor } = await setup();
    const answers: ((p: PreviewImage) => void)[] = [];
    vi.spyOn(client, 'previewCard').mockImplementation(() => new Promise((r) => answers.push(r)));
    const image = (t: string) => ({ dataUrl: 'data:image/png;base64,', width: 360, height: 780, text: [t] });
    editor.theme = 'dark';
    editor.changed();
    timers.fire();
    editor.theme = 'light';
    editor.card!.title = 'Newer';
    editor.changed();
    timers.fire();
    answers[1]?.(image('newer'));
    await settle();
    answers[0]?.(image('older'));
    await settle();
    expect(editor.preview.value?.text).toEqual(['newer']);
  });

  it('saves a PNG for the lock screen and a PDF on the paper of the region', async () => {
    const { client, editor } = await setup({ theme: 'dark', language: 'en-US' });
    client.savePath = '/home/sam/Pictures/coping-plan.png';
    expect(await editor.save('png')).toBe(true);
    expect(editor.saved).toBe('Saved to /home/sam/Pictures/coping-plan.png');
    client.savePath = '/home/sam/Documents/coping-plan.pdf';
    expect(await editor.save('pdf')).toBe(true);
    expect(client.dialogs).toEqual([
      { kind: 'save', defaultName: 'coping-plan.png', filter: PNG_FILTER },
      { kind: 'save', defaultName: 'coping-plan.pdf', filter: PDF_FILTER },
    ]);
    const [png, pdf] = client.summary.saved.map((s) => s.request as SaveCardRequest);
    expect(png).toMatchObject({ format: 'png', theme: 'dark', path: '/home/sam/Pictures/coping-plan.png' });
    expect(pdf).toMatchObject({ format: 'pdf', paper: 'letter', path: '/home/sam/Documents/coping-plan.pdf' });
    expect(pdf?.card).toEqual(editor.card);
    expect(editor.saved).toBe('Saved to /home/sam/Documents/coping-plan.pdf');
  });

  it('does nothing when the save dialog is closed', async () => {
    const { client, editor } = await setup();
    client.savePath = null;
    expect(await editor.save('png')).toBe(false);
    expect(client.calls).not.toContain('saveCard');
    expect(editor.saved).toBeNull();
    expect(editor.saveProblem).toBeNull();
    expect(editor.saving).toBeNull();
  });

  it("shows a save's refusal until the next change", async () => {
    const { client, editor } = await setup();
    vi.spyOn(client, 'saveCard').mockRejectedValueOnce(new IpcFailure('storage', 'The file could not be written there.'));
    expect(await editor.save('pdf')).toBe(false);
    expect(editor.problemAt('save')).toBe('The file could not be written there.');
    expect(editor.problemAt('preview')).toBeNull();
    editor.changed();
    expect(editor.problemAt('save')).toBeNull();
  });

  it("says so when the draft can't be made", async () => {
    const client = new FakeClient();
    client.failNext = new IpcFailure('storage', 'The data could not be read.');
    const editor = new CardEditor(client);
    await editor.load();
    expect(editor.loadProblem).toBe('The data could not be read.');
    expect(editor.card).toBeNull();
    expect(await editor.save('png'), 'nothing to save').toBe(false);
    editor.changed();
    expect(client.calls, 'nor to draw').not.toContain('previewCard');
  });
});
