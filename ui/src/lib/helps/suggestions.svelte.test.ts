import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { SuggestionsState, plainSource } from './suggestions.svelte';

describe('SuggestionsState', () => {
  it('asks for this craving and records "not now" with what was offered', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 8 });
    const state = new SuggestionsState(client);
    await state.load(urge.id);
    expect(client.suggestRequests, 'suggestions are tailored to the craving').toEqual([{ urgeId: urge.id }]);
    expect(state.list.map((s) => s.techniqueId)).toEqual(['breathing.box', 'urge-surfing']);
    expect(state.list.every((s) => s.reason.length > 0), 'each has a reason').toBe(true);
    await state.notNow();
    expect(state.done).toBe(true);
    expect(client.responses).toEqual([{ urgeId: urge.id, offered: ['breathing.box', 'urge-surfing'] }]);
  });

  it('records the one chosen, and a failed record does not block it', async () => {
    const client = new FakeClient();
    const state = new SuggestionsState(client);
    await state.load(null);
    await state.choose('urge-surfing');
    expect(client.responses[0]?.chosen).toBe('urge-surfing');
    await state.load(null);
    client.recordSuggestion = async () => {
      throw new Error('disk full');
    };
    await state.choose('breathing.box');
    expect(state.done, 'the card still goes away and the technique starts').toBe(true);
    expect(state.error).toBeTruthy();
  });
});

describe('SuggestionsState: Why?', () => {
  it('looks the sources up in the library by technique id, without repeating the reason', async () => {
    const client = new FakeClient();
    const box = client.techniques.find((t) => t.id === 'breathing.box')!;
    box.why = 'Four even sides: something steady to follow.';
    box.source = 'Balban et al. 2023, Cell Rep Med';
    box.evidence = 'Slow breathing often takes the edge off a craving.';
    client.suggestions = [{ techniqueId: 'breathing.box', name: 'Box breathing', reason: 'Slow breathing often takes the edge off a craving.' }];
    const state = new SuggestionsState(client);
    await state.load(null);
    expect(state.why(state.list[0]!), 'why and where from; the reason already shown is not said twice').toEqual({
      why: 'Four even sides: something steady to follow.',
      evidence: null,
      source: 'Balban et al. 2023, Cell Rep Med',
    });
  });

  it('opens one "Why?" at a time, and closes it again', async () => {
    const state = new SuggestionsState(new FakeClient());
    await state.load(null);
    expect(state.open, 'closed at first: nothing extra in a craving moment').toBeNull();
    state.toggleWhy('breathing.box');
    expect(state.open).toBe('breathing.box');
    state.toggleWhy('urge-surfing');
    expect(state.open, 'opening another closes the first').toBe('urge-surfing');
    state.toggleWhy('urge-surfing');
    expect(state.open).toBeNull();
  });

  it('still shows the suggestions when the library cannot be read, with no "Why?"', async () => {
    const client = new FakeClient();
    client.listTechniques = async () => {
      throw new Error('disk busy');
    };
    const state = new SuggestionsState(client);
    await state.load(null);
    expect(state.list, 'the suggestions never depend on the library').toHaveLength(2);
    expect(state.why(state.list[0]!), 'nothing to show behind "Why?"').toBeNull();
    expect(state.error, 'not an error the person needs to see').toBeNull();
  });
});

describe('plainSource', () => {
  it('drops references to the design notes and keeps the study', () => {
    expect(plainSource('care.md §4: inhale ~2 s, long exhale ~6 s (Balban et al. 2023, Cell Rep Med, n=114)'), 'the study stays, the note reference goes').toBe(
      'Inhale ~2 s, long exhale ~6 s (Balban et al. 2023, Cell Rep Med, n=114)',
    );
    expect(plainSource('care.md §4: the SOBER breathing space (MBRP), named by what it does (care.md §2)'), 'a trailing reference goes too').toBe(
      'The SOBER breathing space (MBRP), named by what it does',
    );
  });
});
