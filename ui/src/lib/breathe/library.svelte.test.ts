import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { PatternDraft, TechniqueLibrary } from './library.svelte';

describe('TechniqueLibrary', () => {
  it('creates, changes and deletes a pattern of the person’s own', async () => {
    const client = new FakeClient();
    const lib = new TechniqueLibrary(client);
    await lib.load();
    const draft = new PatternDraft();
    draft.name = 'My 3-5';
    draft.inhale = 3;
    draft.exhale = 5;
    expect(await lib.save(draft)).toBe(true);
    const mine = lib.shown('breathing', true);
    expect(mine.map((t) => t.name)).toEqual(['My 3-5']);
    expect(lib.shown('breathing').map((t) => t.id), 'built-ins listed apart').toEqual(['breathing.box']);
    const edit = new PatternDraft(mine[0]!.id, mine[0]);
    expect([edit.name, edit.inhale, edit.exhale]).toEqual(['My 3-5', 3, 5]);
    edit.nudge('exhale', 0.5);
    expect(await lib.save(edit)).toBe(true);
    expect(lib.byId(mine[0]!.id)?.pattern?.exhale).toBe(5.5);
    await lib.remove(mine[0]!.id);
    expect(lib.shown('breathing', true)).toEqual([]);
    expect(lib.notice).toContain('stay in History');
  });

  it('keeps the draft and shows the refusal when a pattern is out of bounds', async () => {
    const client = new FakeClient();
    const lib = new TechniqueLibrary(client);
    await lib.load();
    const draft = new PatternDraft();
    draft.name = 'Too quick';
    draft.inhale = 0.5;
    expect(await lib.save(draft)).toBe(false);
    expect(draft.error).toBe('Breathing in needs at least 1 second; got 0.5.');
    expect(draft.name, 'nothing typed is lost').toBe('Too quick');
    expect(lib.shown('breathing', true)).toEqual([]);
  });

  it('nudges in half seconds and never below 0 or above 20', () => {
    const draft = new PatternDraft();
    draft.holdIn = 0;
    draft.nudge('holdIn', -0.5);
    expect(draft.holdIn).toBe(0);
    draft.inhale = 19.5;
    draft.nudge('inhale', 0.5);
    draft.nudge('inhale', 0.5);
    expect(draft.inhale).toBe(20);
  });

  it('hides a technique from the list and brings it back', async () => {
    const client = new FakeClient();
    const lib = new TechniqueLibrary(client);
    await lib.load();
    await lib.setHidden('breathing.box', true);
    expect(lib.shown('breathing')).toEqual([]);
    expect(lib.hiddenTechniques.map((t) => t.id)).toEqual(['breathing.box']);
    expect(lib.defaultTechnique?.id, 'hiding does not remove the one-tap default').toBe('breathing.box');
    await lib.setHidden('breathing.box', false);
    expect(lib.shown('breathing').map((t) => t.id)).toEqual(['breathing.box']);
  });
});
