import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import {
  JournalEditorState,
  JournalListState,
  JOURNAL_PAGE,
  LinkedEntries,
  MAX_ENTRY_CHARS,
  PromptPicker,
  ReflectionState,
  charsLeft,
  oneLine,
  promptIndexFor,
  weekReply,
} from './journal.svelte';

async function clientWithEntries(count: number): Promise<FakeClient> {
  const client = new FakeClient();
  for (let i = 0; i < count; i++) {
    client.now = new Date(Date.UTC(2026, 10, 1) + i * 60_000);
    await client.createJournalEntry({ body: i === 3 ? 'Work was LOUD today' : `entry ${i}` });
  }
  client.calls = [];
  return client;
}

describe('JournalListState', () => {
  it('pages newest first until every entry is reached, each once', async () => {
    const client = await clientWithEntries(JOURNAL_PAGE + 5);
    const list = new JournalListState(client);
    await list.refresh();
    expect(list.entries.length).toBe(JOURNAL_PAGE);
    expect(list.entries[0]?.text, 'the newest first').toBe(`entry ${JOURNAL_PAGE + 4}`);
    await list.loadMore();
    expect(list.hasMore).toBe(false);
    expect(new Set(list.entries.map((e) => e.id)).size).toBe(JOURNAL_PAGE + 5);
  });

  it('searches and filters, and an older answer never replaces a newer one', async () => {
    const client = await clientWithEntries(6);
    const urge = await client.logUrge({ intensity: 7 });
    await client.createJournalEntry({ body: 'about the craving', urgeId: urge.id });
    const list = new JournalListState(client);
    await list.setText('work');
    expect(list.entries.map((e) => e.text)).toEqual(['Work was LOUD today']);
    expect(list.filtering).toBe(true);
    await list.setText('');
    await list.setShow('linked');
    expect(list.entries.map((e) => e.text)).toEqual(['about the craving']);
    await list.setShow('alone');
    expect(list.entries.length).toBe(6);
    const first = list.setText('entry 1');
    const second = list.setText('entry 2');
    await Promise.all([first, second]);
    expect(list.entries.map((e) => e.text)).toEqual(['entry 2']);
  });
});

describe('JournalEditorState', () => {
  it('keeps the draft local until Save, then creates, edits and deletes (asking once)', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 6 });
    client.calls = [];
    const editor = new JournalEditorState(client, urge.id);
    editor.text = 'a';
    editor.text = 'a long thought';
    expect(client.calls, 'typing crosses no IPC').toEqual([]);
    expect(await editor.save({ prompt: 'What did you need in that moment?' })).toBe(true);
    expect(client.journal[0]?.urge?.id).toBe(urge.id);
    expect(client.journal[0]?.prompt).toBe('What did you need in that moment?');
    expect(editor.isNew).toBe(false);
    editor.text = 'changed';
    await editor.save();
    expect(client.journal[0]?.text).toBe('changed');
    await editor.delete();
    expect(editor.confirmingDelete, 'the first tap asks').toBe(true);
    expect(client.journal.length).toBe(1);
    await editor.delete();
    expect(editor.deleted).toBe(true);
    expect(client.journal.length).toBe(0);
  });

  it('shows the core’s refusal in place and keeps the draft', async () => {
    const client = new FakeClient();
    const editor = new JournalEditorState(client);
    editor.text = '   ';
    expect(await editor.save()).toBe(false);
    expect(editor.error).toBe('An entry needs at least one letter or number. Nothing was saved.');
    editor.text = 'x'.repeat(MAX_ENTRY_CHARS + 1);
    expect(await editor.save()).toBe(false);
    expect(editor.error).toContain('up to 50,000 characters');
    expect(editor.text.length, 'the draft stays').toBe(MAX_ENTRY_CHARS + 1);
    expect(client.journal).toEqual([]);
  });

  it('saving with the running journaling session finishes it', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 8 });
    const session = await client.startSession({ techniqueId: 'journaling', urgeId: urge.id, plannedSeconds: 600 });
    const editor = new JournalEditorState(client, urge.id);
    editor.text = 'wrote it down';
    await editor.save({ sessionId: session.id });
    expect(client.sessions[0]?.completed).toBe(true);
    expect(editor.saved?.sessionId).toBe(session.id);
  });

  it('opens an existing entry whole', async () => {
    const client = await clientWithEntries(1);
    const editor = new JournalEditorState(client);
    await editor.open(client.journal[0]!.id);
    expect(editor.text).toBe('entry 0');
    await editor.open('nope');
    expect(editor.error).toContain("isn't here any more");
  });
});

describe('helpers', () => {
  it('counts characters left only near the limit, in characters not UTF-16 units', () => {
    expect(charsLeft('short')).toBeNull();
    expect(charsLeft('x'.repeat(49_990))).toBe(10);
    expect(charsLeft('😀'.repeat(25_000)), '50,000 UTF-16 units but 25,000 characters').toBeNull();
    expect(charsLeft('x'.repeat(50_003))).toBe(-3);
  });

  it('rotates prompts by day and on request', async () => {
    const day = new Date('2026-11-26T12:00:00Z');
    const next = new Date(day.getTime() + 86_400_000);
    expect((promptIndexFor(next, 4) - promptIndexFor(day, 4) + 4) % 4).toBe(1);
    const picker = new PromptPicker();
    await picker.load(new FakeClient(), day);
    const first = picker.current;
    picker.another();
    expect(picker.current).not.toBe(first);
    for (let i = 0; i < 3; i++) picker.another();
    expect(picker.current, 'back round to the first').toBe(first);
  });

  it('excerpts fold whitespace and cut on a word', () => {
    expect(oneLine('a\n\n b')).toBe('a b');
    expect(oneLine('word '.repeat(50), 20)).toBe('word word word word…');
  });

  it('answers a harder week warmly, never as a verdict', () => {
    const reply = weekReply('harder') ?? '';
    expect(reply).toContain('tells you something');
    expect(reply).not.toMatch(/fail|bad|wrong/i);
  });
});

describe('ReflectionState', () => {
  it('is due once opted in, and saves three taps and a line as an entry', async () => {
    const client = new FakeClient();
    await client.startSession({ techniqueId: 'breathing.box', plannedSeconds: 60 });
    const reflection = new ReflectionState(client);
    await reflection.load();
    expect(reflection.due, 'off until opted in').toBe(false);
    client.settings.weeklyReflection = true;
    await reflection.load();
    expect(reflection.due).toBe(true);
    expect(reflection.status?.usedTechniques.map((t) => t.name)).toEqual(['Box breathing']);
    reflection.week = 'harder';
    reflection.helped = 'breathing.box';
    expect(reflection.ready).toBe(false);
    reflection.next = null;
    reflection.line = ' Sleep more ';
    expect(reflection.ready).toBe(true);
    expect(await reflection.save()).toBe(true);
    expect(reflection.due).toBe(false);
    const saved = client.journal[0];
    expect(saved?.kind).toBe('reflection');
    expect(saved?.reflection).toEqual({ week: 'harder', helpedTechniqueId: 'breathing.box', nextTechniqueId: null });
    expect(saved?.text).toContain('What helped: Box breathing.');
    expect(saved?.text).toContain('Sleep more');
  });
});

describe('LinkedEntries', () => {
  it('groups the entries of a page of cravings by craving', async () => {
    const client = new FakeClient();
    const a = await client.logUrge({ intensity: 3 });
    const b = await client.logUrge({ intensity: 5 });
    await client.createJournalEntry({ body: 'one', urgeId: a.id });
    await client.createJournalEntry({ body: 'two', urgeId: a.id });
    const linked = new LinkedEntries(client);
    await linked.load([a.id, b.id]);
    expect(linked.of(a.id).map((e) => e.text)).toEqual(['one', 'two']);
    expect(linked.of(b.id)).toEqual([]);
  });
});
