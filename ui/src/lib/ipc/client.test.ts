import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real client over a stand-in for Tauri's `invoke`: what it sends, and what it makes of
// what the runtime throws back.
const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-opener', () => ({ openUrl: vi.fn() }));
const save = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save }));

import { INTERNAL_MESSAGE, IpcFailure, tauriClient, toFailure, wellFormedArgs, wellFormedText } from './client';

const SERDE_TEXT =
  'invalid args `request` for command `log_urge`: lone leading surrogate in hex escape at line 1 column 42';

describe('toFailure', () => {
  it('turns a bare string from the runtime into a calm internal failure, raw text kept off the message', () => {
    const failure = toFailure(SERDE_TEXT);
    expect(failure, 'callers branch on IpcFailure').toBeInstanceOf(IpcFailure);
    expect(failure.code, 'not one of Ebb’s refusals: internal').toBe('internal');
    expect(failure.message, 'the person reads a short human sentence').toBe(INTERNAL_MESSAGE);
    expect(failure.message, 'runtime/serde wording must never reach the screen').not.toMatch(
      /invalid args|serde|surrogate|command|`/,
    );
    expect(failure.detail, 'the raw text stays available for debugging').toBe(SERDE_TEXT);
  });

  it('treats a thrown Error (a plugin, a JS fault) the same way', () => {
    const failure = toFailure(new Error('expected value at line 1 column 1'));
    expect(failure.message, 'serde’s text is not for people').toBe(INTERNAL_MESSAGE);
    expect(failure.detail).toBe('expected value at line 1 column 1');
    expect(toFailure(undefined).message, 'even nothing at all gets the human message').toBe(INTERNAL_MESSAGE);
  });

  it('keeps Ebb’s own refusals as they are: their message is written for people', () => {
    const failure = toFailure({ code: 'invalid_input', message: 'Intensity is 0 to 10; got 12.', field: 'intensity' });
    expect(failure.code).toBe('invalid_input');
    expect(failure.message, 'the core’s specific message is the useful one').toBe('Intensity is 0 to 10; got 12.');
    expect(failure.field, 'forms point at the field at fault').toBe('intensity');
    expect(failure.detail, 'nothing hidden to keep').toBeUndefined();
    const same = new IpcFailure('busy', 'Busy.');
    expect(toFailure(same), 'an IpcFailure passes through untouched').toBe(same);
  });
});

describe('wellFormedText', () => {
  it('replaces a lone surrogate with U+FFFD and keeps the rest', () => {
    expect(wellFormedText('x\uD800y'), 'a lone high surrogate in the middle').toBe('x\uFFFDy');
    expect(wellFormedText('x\uDC00y'), 'a lone low surrogate').toBe('x\uFFFDy');
    expect(wellFormedText('end\uD83D'), 'a high surrogate cut off at the end').toBe('end\uFFFD');
    expect(wellFormedText('\uDE00start'), 'a low surrogate at the start').toBe('\uFFFDstart');
    expect(wellFormedText('\uDE00\uD83D'), 'reversed halves are two lone surrogates').toBe('\uFFFD\uFFFD');
  });

  it('leaves whole pairs and plain text alone', () => {
    expect(wellFormedText('wave 🌊 ok'), 'a real emoji is a valid pair').toBe('wave 🌊 ok');
    expect(wellFormedText('\uD83C\uDF0A\uD800'), 'a pair then a lone half: only the half goes').toBe('🌊\uFFFD');
    expect(wellFormedText(''), 'empty stays empty').toBe('');
    expect(wellFormedText('évening wine — 5'), 'ordinary non-ASCII text is untouched').toBe('évening wine — 5');
  });
});

describe('wellFormedArgs', () => {
  it('cleans every string at any depth, in objects and arrays, and passes other values through', () => {
    const args = {
      request: {
        note: 'x\uD800y',
        chips: ['ok', 'bad\uDFFF'],
        nested: [{ text: '\uD800' }],
        intensity: 7,
        late: false,
        thing: null,
        skipped: undefined,
      },
    };
    expect(wellFormedArgs(args)).toEqual({
      request: {
        note: 'x\uFFFDy',
        chips: ['ok', 'bad\uFFFD'],
        nested: [{ text: '\uFFFD' }],
        intensity: 7,
        late: false,
        thing: null,
        skipped: undefined,
      },
    });
    expect(args.request.note, 'the caller’s own object is not changed').toBe('x\uD800y');
    const bytes = new Uint8Array([1, 2]);
    expect(wellFormedArgs({ bytes }).bytes, 'binary data is not a string: passed as it is').toBe(bytes);
  });
});

describe('tauriClient', () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it('sends a note with a lone surrogate as U+FFFD, so Tauri’s JSON parser accepts it and the note is saved', async () => {
    invoke.mockResolvedValue({ id: 'u1' });
    await tauriClient().setUrgeNote({ id: 'u1', note: 'x\uD800y' });
    expect(invoke, 'the cleaned text is what crosses IPC').toHaveBeenCalledWith('set_urge_note', {
      request: { id: 'u1', note: 'x\uFFFDy' },
    });
  });

  it('cleans nested arrays of strings too (an if-then plan’s words and chips together)', async () => {
    invoke.mockResolvedValue({});
    await tauriClient().addPlan({ ifText: '\uDBFFFriday', thenText: 'water', chipIds: ['a\uDC01'] });
    expect(invoke, 'every string in the request, however deep, is cleaned').toHaveBeenCalledWith('add_plan', {
      request: { ifText: '\uFFFDFriday', thenText: 'water', chipIds: ['a\uFFFD'] },
    });
  });

  it('rejects with a human IpcFailure when the runtime throws a bare string', async () => {
    invoke.mockRejectedValue(SERDE_TEXT);
    const failure = await tauriClient()
      .logUrge({ intensity: 5 })
      .catch((e: unknown) => e);
    expect(failure, 'every rejection is an IpcFailure').toBeInstanceOf(IpcFailure);
    expect((failure as IpcFailure).message, 'never the runtime’s wording').toBe(INTERNAL_MESSAGE);
    expect((failure as IpcFailure).detail, 'kept for debugging').toBe(SERDE_TEXT);
  });

  it('passes Ebb’s own refusal through with its message', async () => {
    invoke.mockRejectedValue({ code: 'invalid_input', message: 'Intensity is 0 to 10; got 12.' });
    const failure = (await tauriClient()
      .logUrge({ intensity: 12 })
      .catch((e: unknown) => e)) as IpcFailure;
    expect(failure.code).toBe('invalid_input');
    expect(failure.message, 'the core’s message is for people').toBe('Intensity is 0 to 10; got 12.');
  });

  it('cleans a save dialog’s suggested name too (it can come from the person’s words)', async () => {
    save.mockResolvedValue(null);
    await tauriClient().chooseSaveFile('card \uD83D.pdf', { name: 'PDF', extensions: ['pdf'] });
    expect(save, 'the plugin’s call crosses the same JSON parser').toHaveBeenCalledWith({
      defaultPath: 'card \uFFFD.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });
});
