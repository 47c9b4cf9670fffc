import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import { JournalEditorState, PromptPicker, ReflectionState, promptIndexFor } from './journal.svelte';
import { ANSWERS_KEPT, JournalDrafts, WRITING_KEPT, newEntryKey, savedEntryKey } from './drafts.svelte';

const DAY = new Date('2026-11-26T12:00:00Z');

async function loadedPrompts(client: FakeClient): Promise<PromptPicker> {
  const prompts = new PromptPicker();
  await prompts.load(client, DAY);
  return prompts;
}

/** The editor a host opens for a new entry: with the drafts, and the draft brought back. */
function write(client: FakeClient, drafts: JournalDrafts, urgeId: string | null, prompts: PromptPicker | null = null) {
  const editor = new JournalEditorState(client, urgeId, { drafts, prompts });
  editor.resume();
  return editor;
}

describe('JournalDrafts: leaving the editor without Save keeps the words', () => {
  it('keeps a craving’s draft on close and brings it back, with its prompt, for that craving only', async () => {
    const client = new FakeClient();
    const a = await client.logUrge({ intensity: 7 });
    const b = await client.logUrge({ intensity: 4 });
    const drafts = new JournalDrafts();
    const prompts = await loadedPrompts(client);
    prompts.another();
    const chosen = prompts.current;

    const first = write(client, drafts, a.id, prompts);
    expect(first.restored, 'nothing to bring back yet').toBe(false);
    first.text = 'It hit right after the call.';
    expect(first.keep(), 'Back, Escape or "Not now" with words typed keeps them').toBe(true);

    const later = await loadedPrompts(client);
    expect(later.current, 'a fresh picker shows the prompt of the day').not.toBe(chosen);
    const again = write(client, drafts, a.id, later);
    expect(again.text).toBe('It hit right after the call.');
    expect(again.restored, '"Your draft is back."').toBe(true);
    expect(later.current, 'the prompt it answers comes back with it').toBe(chosen);

    expect(write(client, drafts, b.id).text, 'another craving starts empty').toBe('');
    expect(write(client, drafts, null).text, 'so does a free entry').toBe('');
  });

  it('brings the prompt back even when the prompts load after the editor opened', async () => {
    const client = new FakeClient();
    const drafts = new JournalDrafts();
    const notToday = client.prompts[(promptIndexFor(DAY, client.prompts.length) + 2) % client.prompts.length]!;
    drafts.keepEntry('free', { text: 'later', prompt: notToday });
    const prompts = new PromptPicker();
    const editor = write(client, drafts, null, prompts);
    expect(editor.text).toBe('later');
    await prompts.load(client, DAY);
    expect(prompts.current, 'the draft’s prompt, not the prompt of the day').toBe(notToday);
  });

  it('keeps free entries, a craving’s and the reflection apart', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 5 });
    const drafts = new JournalDrafts();
    const free = write(client, drafts, null);
    free.text = 'free words';
    free.keep();
    const about = write(client, drafts, urge.id);
    about.text = 'about the craving';
    about.keep();
    expect(drafts.size).toBe(2);
    expect(drafts.entry('free')?.text).toBe('free words');
    expect(drafts.entry(newEntryKey(urge.id))?.text).toBe('about the craving');
    expect(new ReflectionState(client, drafts).resume(), 'the reflection has its own draft').toBe(false);
  });

  it('keeps nothing when nothing was typed, and forgets a draft the person emptied', async () => {
    const client = new FakeClient();
    const drafts = new JournalDrafts();
    const blank = write(client, drafts, null);
    blank.text = '  \n ';
    expect(blank.keep(), 'whitespace is nothing to keep').toBe(false);
    expect(drafts.size).toBe(0);

    drafts.keepEntry('free', { text: 'one line', prompt: null });
    const emptied = write(client, drafts, null);
    emptied.text = '';
    expect(emptied.keep()).toBe(false);
    expect(drafts.entry('free')).toBeNull();
  });

  it('Save clears that context’s draft only, and closing after Save keeps nothing', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 8 });
    const drafts = new JournalDrafts();
    drafts.keepEntry('free', { text: 'a free draft', prompt: null });
    drafts.keepEntry(newEntryKey(urge.id), { text: 'about it ', prompt: null });

    const editor = write(client, drafts, urge.id);
    expect(await editor.save()).toBe(true);
    expect(client.journal[0]?.text).toBe('about it');
    expect(drafts.entry(newEntryKey(urge.id)), 'saved: the draft goes').toBeNull();
    expect(editor.restored).toBe(false);
    expect(editor.keep(), 'the editor closing after Save keeps nothing (the core trimmed the words)').toBe(false);
    expect(drafts.size, 'the free draft is untouched').toBe(1);
    expect(write(client, drafts, urge.id).text, 'writing about it again starts afresh').toBe('');
  });

  it('a refused Save leaves the draft, and the words kept', async () => {
    const client = new FakeClient();
    const drafts = new JournalDrafts();
    drafts.keepEntry('free', { text: 'still here', prompt: null });
    const editor = write(client, drafts, null);
    client.failNext = new IpcFailure('storage', 'Ebb couldn’t save that. Nothing was changed.');
    expect(await editor.save()).toBe(false);
    expect(drafts.entry('free')?.text).toBe('still here');
    expect(editor.keep()).toBe(true);
  });

  it('"Clear it" asks once, then clears the draft for good', async () => {
    const client = new FakeClient();
    const drafts = new JournalDrafts();
    drafts.keepEntry('free', { text: 'not wanted', prompt: null });
    const editor = write(client, drafts, null);
    editor.discard();
    expect(editor.confirmingDiscard, 'the first tap asks').toBe(true);
    expect(editor.text, 'nothing goes before the answer').toBe('not wanted');
    expect(drafts.entry('free')).not.toBeNull();
    editor.discard();
    expect(editor.text).toBe('');
    expect(editor.restored).toBe(false);
    expect(drafts.entry('free')).toBeNull();
    expect(editor.keep()).toBe(false);
    expect(write(client, drafts, null).restored).toBe(false);
  });

  it('keeps changes to a saved entry until saved, and "Clear it" goes back to the saved words', async () => {
    const client = new FakeClient();
    const drafts = new JournalDrafts();
    const entry = await client.createJournalEntry({ body: 'as saved' });
    const key = savedEntryKey(entry.id);

    const editor = new JournalEditorState(client, null, { drafts });
    await editor.open(entry.id);
    expect(editor.keep(), 'opened and left unchanged: nothing to keep').toBe(false);
    editor.text = 'as saved, and more';
    expect(editor.keep()).toBe(true);

    const again = new JournalEditorState(client, null, { drafts });
    await again.open(entry.id);
    expect(again.text).toBe('as saved, and more');
    expect(again.restored).toBe(true);
    again.discard();
    again.discard();
    expect(again.text, 'back to the saved words, not emptied').toBe('as saved');
    expect(drafts.entry(key)).toBeNull();

    again.text = 'changed again';
    again.keep();
    expect(await again.save()).toBe(true);
    expect(drafts.entry(key), 'saved: the draft goes').toBeNull();
    again.text = 'one more change';
    again.keep();
    await again.delete();
    await again.delete();
    expect(again.deleted).toBe(true);
    expect(drafts.size, 'a deleted entry leaves no draft').toBe(0);
  });

  it('an entry still loading (or gone) keeps nothing and leaves the free draft alone', async () => {
    const client = new FakeClient();
    const drafts = new JournalDrafts();
    drafts.keepEntry('free', { text: 'free words', prompt: null });
    const editor = new JournalEditorState(client, null, { drafts });
    const opening = editor.open('nope');
    expect(editor.keep()).toBe(false);
    await opening;
    expect(editor.keep()).toBe(false);
    expect(editor.resume(), 'an existing entry never takes a new entry’s draft').toBe(false);
    expect(drafts.entry('free')?.text).toBe('free words');
  });

  it('keeps the weekly reflection’s answers; Save or "Clear it" clears them', async () => {
    const client = new FakeClient();
    client.settings.weeklyReflection = true;
    const drafts = new JournalDrafts();
    const first = new ReflectionState(client, drafts);
    expect(first.keep(), 'nothing answered: nothing kept').toBe(false);
    first.week = 'mixed';
    first.next = null;
    first.line = 'Sleep more';
    expect(first.keep()).toBe(true);

    const again = new ReflectionState(client, drafts);
    expect(again.resume()).toBe(true);
    expect(again.restored).toBe(true);
    expect([again.week, again.helped, again.next, again.line]).toEqual(['mixed', undefined, null, 'Sleep more']);
    again.discard();
    again.discard();
    expect([again.week, again.helped, again.next, again.line]).toEqual([null, undefined, undefined, '']);
    expect(new ReflectionState(client, drafts).resume()).toBe(false);

    const third = new ReflectionState(client, drafts);
    third.week = 'better';
    third.helped = null;
    third.keep();
    expect(await third.save()).toBe(true);
    expect(drafts.size, 'saved: the draft goes').toBe(0);
    expect(third.keep(), 'closing after Save keeps nothing').toBe(false);
  });

  it('says where the person lands, once', () => {
    const drafts = new JournalDrafts();
    expect(drafts.notice).toBeNull();
    drafts.say(WRITING_KEPT);
    expect(drafts.notice).toBe('Your writing is kept as a draft while Ebb is open.');
    drafts.quiet();
    expect(drafts.notice).toBeNull();
    expect(ANSWERS_KEPT, 'honest about how long a draft lasts').toContain('while Ebb is open');
  });
});

describe('JournalDrafts: never persisted', () => {
  afterEach(() => vi.unstubAllGlobals());

  function storage() {
    return { getItem: vi.fn(), setItem: vi.fn(), removeItem: vi.fn(), clear: vi.fn(), key: vi.fn(), length: 0 };
  }

  it('lives in memory only: no IPC, no web storage, gone with the app', async () => {
    const local = storage();
    const session = storage();
    const indexedDB = { open: vi.fn(), deleteDatabase: vi.fn() };
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('sessionStorage', session);
    vi.stubGlobal('indexedDB', indexedDB);
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 6 });
    const drafts = new JournalDrafts();
    const prompts = await loadedPrompts(client);
    client.calls = [];

    const editor = write(client, drafts, urge.id, prompts);
    editor.text = 'private words';
    editor.keep();
    const reflection = new ReflectionState(client, drafts);
    reflection.line = 'private line';
    reflection.keep();
    const again = write(client, drafts, urge.id, prompts);
    expect(again.text).toBe('private words');
    again.discard();
    again.discard();

    expect(client.calls, 'keeping, bringing back and clearing cross no IPC').toEqual([]);
    for (const store of [local, session]) {
      for (const method of [store.getItem, store.setItem, store.removeItem, store.clear, store.key]) {
        expect(method, 'nothing touches web storage').not.toHaveBeenCalled();
      }
    }
    expect(indexedDB.open).not.toHaveBeenCalled();
    expect(new JournalDrafts().size, 'a new app run starts with no drafts').toBe(0);
    expect(write(client, new JournalDrafts(), urge.id).text).toBe('');
  });
});
