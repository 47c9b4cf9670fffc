import { describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../ipc/bindings';
import { IpcFailure } from '../ipc/client';
import { FakeClient } from '../ipc/fake';
import type { Timers } from '../urges/now.svelte';
import { PDF_FILTER } from './period';
import { SummaryBuilder, placeOf } from './summary.svelte';
import type { SummaryPreview, SummaryRequest } from './types';

/** Timers that move only when the test says so. */
class ManualTimers implements Timers {
  pending = new Map<number, { fn: () => void; at: number }>();
  now = 0;
  private seq = 0;
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.seq;
    this.pending.set(id, { fn, at: this.now + ms });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.pending.delete(handle as number);
  }
  advance(ms: number) {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
    }
    this.now = end;
  }
}

/** Lets every answer already given reach the builder. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const TODAY = '2026-11-26';

function entry(id: string, day: string, text: string, kind: JournalEntry['kind'] = 'free'): JournalEntry {
  const at = `${day}T19:00:00.000Z`;
  return {
    id,
    kind,
    urge: null,
    sessionId: null,
    prompt: null,
    text,
    excerpt: false,
    chars: text.length,
    reflection: null,
    createdAt: at,
    utcOffsetMinutes: 0,
    updatedAt: at,
  };
}

function setup(language = 'en-GB') {
  const client = new FakeClient();
  client.journal = [
    entry('entry-old', '2026-10-01', 'A long evening, but I waited it out.'),
    entry('entry-1', '2026-11-20', 'Friday drinks: I alternated with water.'),
    entry('entry-2', '2026-11-24', 'This week went better.', 'reflection'),
  ];
  const timers = new ManualTimers();
  const builder = new SummaryBuilder(client, { today: () => TODAY, language, timers });
  return { client, timers, builder };
}

/** Draws the first preview (at once, as the screen opens) and waits for it. */
async function opened(builder: SummaryBuilder) {
  builder.changed();
  await settle();
}

describe('SummaryBuilder: what it asks for', () => {
  it('starts with the last 2 weeks, everything but the journal, and the paper of the region', () => {
    const { builder } = setup('en-GB');
    expect(builder.request).toEqual({
      from: '2026-11-13',
      to: TODAY,
      sections: ['talkAbout', 'cravings', 'when', 'triggers', 'helps', 'goals', 'plans', 'practice'],
      journalIds: [],
      talkAbout: undefined,
      name: undefined,
      paper: 'a4',
      locale: 'en-GB',
    });
    expect(setup('en-US').builder.paper, 'Letter in the US').toBe('letter');
  });

  it('sends each fixed period ending today, and custom dates as picked', () => {
    const { builder } = setup();
    builder.choosePeriod('month');
    expect(builder.range).toEqual({ from: '2026-10-28', to: TODAY });
    builder.choosePeriod('threeMonths');
    expect(builder.range).toEqual({ from: '2026-08-28', to: TODAY });
    builder.choosePeriod('custom');
    expect(builder.range, 'custom dates start from the period shown').toEqual({ from: '2026-08-28', to: TODAY });
    builder.customFrom = '2026-09-01';
    builder.customTo = '2026-09-30';
    expect(builder.request.from).toBe('2026-09-01');
    expect(builder.request.to).toBe('2026-09-30');
    builder.choosePeriod('twoWeeks');
    builder.choosePeriod('custom');
    expect(builder.range, 'and keep what was picked before').toEqual({ from: '2026-09-01', to: '2026-09-30' });
  });

  it('sends the sections in the order drawn, whatever order they were ticked in', () => {
    const { builder } = setup();
    for (const id of Object.keys(builder.included) as (keyof typeof builder.included)[]) builder.included[id] = false;
    builder.included.practice = true;
    builder.included.cravings = true;
    expect(builder.request.sections).toEqual(['cravings', 'practice']);
  });

  it('sends the lines to talk about only with their section ticked, and a name only when there is one', () => {
    const { builder } = setup();
    builder.talkAbout = '   ';
    builder.name = '  ';
    expect(builder.request.talkAbout, 'blank is none').toBeUndefined();
    expect(builder.request.name).toBeUndefined();
    builder.talkAbout = 'The weekends, and sleep.';
    builder.name = ' S. R. ';
    expect(builder.request.talkAbout).toBe('The weekends, and sleep.');
    expect(builder.request.name).toBe('S. R.');
    builder.included.talkAbout = false;
    expect(builder.request.talkAbout, 'unticked: not sent').toBeUndefined();
  });
});

describe('SummaryBuilder: the journal', () => {
  it("lists the period's entries once ticked, with none of them ticked", async () => {
    const { client, timers, builder } = setup();
    await opened(builder);
    expect(client.calls, 'nothing of the journal is read until it is ticked').not.toContain('summaryJournalChoices');
    builder.included.journal = true;
    builder.changed();
    timers.advance(300);
    await settle();
    expect(client.summary.choiceRequests).toEqual([{ from: '2026-11-13', to: TODAY }]);
    expect(builder.journalChoices.map((c) => c.id), 'newest first, only this period').toEqual(['entry-2', 'entry-1']);
    expect(builder.journalChoices[0]).toEqual({ id: 'entry-2', date: '2026-11-24', kind: 'reflection', excerpt: 'This week went better.' });
    expect(builder.request.journalIds, 'none ticked for the person').toEqual([]);
    expect(client.summary.previewRequests.at(-1)?.sections).toContain('journal');
    expect(client.summary.previewRequests.at(-1)?.journalIds).toEqual([]);
  });

  it('includes only the entries ticked, and only while the journal is', async () => {
    const { client, timers, builder } = setup();
    builder.included.journal = true;
    await opened(builder);
    builder.tick('entry-1', true);
    builder.changed();
    timers.advance(300);
    await settle();
    expect(client.summary.previewRequests.at(-1)?.journalIds).toEqual(['entry-1']);
    builder.included.journal = false;
    expect(builder.request.journalIds, 'the journal unticked: no entry goes').toEqual([]);
    builder.included.journal = true;
    builder.tick('entry-1', false);
    expect(builder.request.journalIds).toEqual([]);
  });

  it('leaves out an entry ticked in another period', async () => {
    const { client, timers, builder } = setup();
    builder.included.journal = true;
    builder.choosePeriod('threeMonths');
    await opened(builder);
    builder.tick('entry-old', true);
    builder.tick('entry-1', true);
    expect(builder.request.journalIds).toEqual(['entry-1', 'entry-old']);
    builder.choosePeriod('twoWeeks');
    expect(builder.request.journalIds, "until this period's list is in, nothing is").toEqual([]);
    builder.changed();
    timers.advance(300);
    await settle();
    expect(builder.choicesCurrent).toBe(true);
    expect(builder.request.journalIds, 'the older entry is out of this period').toEqual(['entry-1']);
    expect(client.summary.previewRequests.at(-1)?.journalIds).toEqual(['entry-1']);
  });
});

describe('SummaryBuilder: the live preview', () => {
  it('draws at once when opened, then once per pause in the changes', async () => {
    const { client, timers, builder } = setup();
    await opened(builder);
    expect(client.summary.previewRequests).toHaveLength(1);
    expect(builder.preview.value?.pages.length).toBeGreaterThan(0);

    builder.name = 'S';
    builder.changed();
    timers.advance(100);
    builder.name = 'SR';
    builder.changed();
    expect(builder.preview.busy, 'busy while it waits').toBe(true);
    timers.advance(299);
    expect(client.summary.previewRequests, 'still waiting for a pause').toHaveLength(1);
    timers.advance(1);
    await settle();
    expect(client.summary.previewRequests).toHaveLength(2);
    expect(client.summary.previewRequests[1]?.name).toBe('SR');
    expect(builder.preview.busy).toBe(false);
  });

  it("doesn't draw the same choices twice", async () => {
    const { client, timers, builder } = setup();
    await opened(builder);
    builder.changed();
    timers.advance(1000);
    builder.paper = 'letter';
    builder.changed();
    builder.paper = 'a4';
    builder.changed();
    timers.advance(1000);
    await settle();
    expect(client.summary.previewRequests, 'a change undone before the pause').toHaveLength(1);
    expect(builder.preview.busy).toBe(false);
  });

  it('keeps the newest choices when an older answer comes last', async () => {
    const { client, timers, builder } = setup();
    await opened(builder);
    const answers: ((p: SummaryPreview) => void)[] = [];
    vi.spyOn(client, 'previewSummary').mockImplementation(
      () => new Promise<SummaryPreview>((resolve) => answers.push(resolve)),
    );
    const page = (text: string) => ({ pages: [{ dataUrl: 'data:image/png;base64,', width: 1, height: 1, text: [text] }] });

    builder.choosePeriod('month');
    builder.changed();
    timers.advance(300);
    await settle();
    builder.choosePeriod('threeMonths');
    builder.changed();
    timers.advance(300);
    await settle();
    expect(answers, 'both asked, the first still on its way').toHaveLength(2);
    answers[1]?.(page('three months'));
    await settle();
    answers[0]?.(page('a month'));
    await settle();
    expect(builder.preview.value?.pages[0]?.text).toEqual(['three months']);
    expect(builder.preview.busy).toBe(false);
  });

  it('drops an answer that comes after the builder closed', async () => {
    const { client, timers, builder } = setup();
    await opened(builder);
    const shown = builder.preview.value;
    let answer: (p: SummaryPreview) => void = () => {};
    vi.spyOn(client, 'previewSummary').mockImplementation(() => new Promise<SummaryPreview>((r) => (answer = r)));
    builder.paper = 'letter';
    builder.changed();
    timers.advance(300);
    await settle();
    builder.stop();
    answer({ pages: [] });
    await settle();
    expect(builder.preview.value).toBe(shown);
    builder.paper = 'a4';
    builder.changed();
    builder.stop();
    timers.advance(1000);
    expect(vi.mocked(client.previewSummary), 'no drawing after closing').toHaveBeenCalledTimes(1);
  });
});

describe('SummaryBuilder: refusals', () => {
  it('shows each refusal next to the choice it concerns', async () => {
    const { timers, builder } = setup();
    await opened(builder);
    for (const id of Object.keys(builder.included) as (keyof typeof builder.included)[]) builder.included[id] = false;
    builder.changed();
    timers.advance(300);
    await settle();
    expect(builder.problemAt('sections')).toBe('Tick at least one thing to include.');
    expect(builder.problemAt('preview'), 'once, where it belongs').toBeNull();
    expect(builder.preview.value, 'no pages that no longer match the choices').toBeNull();

    builder.included.cravings = true;
    builder.changed();
    timers.advance(300);
    await settle();
    expect(builder.problemAt('sections'), 'gone once the preview draws').toBeNull();
    expect(builder.preview.value).not.toBeNull();
  });

  it('checks the custom dates are both picked, and shows the core on the rest', async () => {
    const { client, timers, builder } = setup();
    await opened(builder);
    builder.choosePeriod('custom');
    builder.customFrom = '';
    builder.changed();
    timers.advance(300);
    await settle();
    expect(builder.problemAt('period')).toBe('Choose the first day of the period.');
    const asked = client.summary.previewRequests.length;
    builder.customFrom = '2026-11-01';
    builder.customTo = '2026-11-30';
    builder.changed();
    timers.advance(300);
    await settle();
    expect(client.summary.previewRequests).toHaveLength(asked + 1);
    expect(builder.problemAt('period')).toBe("The period can't end after today. Choose today or an earlier day as the end.");
  });

  it('puts a refusal naming no field of its own by the preview', async () => {
    const { client, timers, builder } = setup();
    await opened(builder);
    client.failNext = new IpcFailure('storage', 'The data could not be read.');
    builder.paper = 'letter';
    builder.changed();
    timers.advance(300);
    await settle();
    expect(builder.problemAt('preview')).toBe('The data could not be read.');
    expect(builder.problemAt('save')).toBeNull();
    expect(placeOf('locale', 'preview')).toBe('preview');
    expect(placeOf('path', 'save')).toBe('save');
    expect(placeOf('talkAbout', 'save')).toBe('talkAbout');
    expect(placeOf('to', 'preview')).toBe('period');
  });
});

describe('SummaryBuilder: saving', () => {
  it('asks where (summary-YYYY-MM.pdf), saves what is shown, then says where it went', async () => {
    const { client, builder } = setup();
    await opened(builder);
    builder.talkAbout = 'Weekends.';
    client.savePath = '/home/sam/Documents/summary-2026-11.pdf';
    expect(await builder.save()).toBe(true);
    expect(client.dialogs).toEqual([{ kind: 'save', defaultName: 'summary-2026-11.pdf', filter: PDF_FILTER }]);
    const [saved] = client.summary.saved;
    expect(saved?.kind).toBe('summary');
    const request = saved?.request as { summary: SummaryRequest; path: string };
    expect(request.path).toBe('/home/sam/Documents/summary-2026-11.pdf');
    expect(request.summary).toMatchObject({ from: '2026-11-13', to: TODAY, talkAbout: 'Weekends.', paper: 'a4' });
    expect(builder.saved).toBe('Saved to /home/sam/Documents/summary-2026-11.pdf');
    expect(builder.saving).toBe(false);
  });

  it('names the file after the month the period ends', async () => {
    const { client, builder } = setup();
    builder.choosePeriod('custom');
    builder.customFrom = '2026-09-01';
    builder.customTo = '2026-10-31';
    await builder.save();
    expect(client.dialogs[0]?.defaultName).toBe('summary-2026-10.pdf');
  });

  it('does nothing when the save dialog is closed', async () => {
    const { client, builder } = setup();
    client.savePath = null;
    expect(await builder.save()).toBe(false);
    expect(client.calls).not.toContain('saveSummary');
    expect(builder.saved).toBeNull();
    expect(builder.saveProblem, 'closing the dialog is no refusal').toBeNull();
    expect(builder.saving).toBe(false);
  });

  it('includes only journal entries ticked in the period saved, read before asking where', async () => {
    const { client, builder } = setup();
    builder.included.journal = true;
    builder.choosePeriod('threeMonths');
    await opened(builder);
    builder.tick('entry-old', true);
    builder.choosePeriod('twoWeeks');
    expect(await builder.save()).toBe(true);
    const saved = client.summary.saved[0]?.request as { summary: SummaryRequest };
    expect(saved.summary.journalIds, 'the older entry is out of the period').toEqual([]);
  });

  it("shows the core's refusal where it belongs, and the next change clears it", async () => {
    const { client, builder } = setup();
    await opened(builder);
    builder.name = 'x'.repeat(41);
    expect(await builder.save()).toBe(false);
    expect(builder.problemAt('name')).toBe('A name on the cover can be up to 40 characters; this one has 41. Nothing was saved.');
    expect(builder.saved).toBeNull();
    builder.name = 'Sam';
    builder.changed();
    expect(builder.saveProblem).toBeNull();

    vi.spyOn(client, 'saveSummary').mockRejectedValueOnce(
      new IpcFailure('invalid_input', "Save it somewhere else than Ebb's own data folder.", 'path'),
    );
    expect(await builder.save()).toBe(false);
    expect(builder.problemAt('save'), 'a field of no control: by the button').toBe(
      "Save it somewhere else than Ebb's own data folder.",
    );
  });

  it("shows the dialog's own refusal, and saves once at a time", async () => {
    const { client, builder } = setup();
    client.failNext = new IpcFailure('internal', 'Something went wrong inside Ebb: no portal.');
    expect(await builder.save()).toBe(false);
    expect(builder.problemAt('save')).toBe('Something went wrong inside Ebb: no portal.');

    let answer: (path: string | null) => void = () => {};
    vi.spyOn(client, 'chooseSaveFile').mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const first = builder.save();
    expect(builder.saving).toBe(true);
    expect(await builder.save(), 'a second press does nothing').toBe(false);
    answer('/tmp/s.pdf');
    expect(await first).toBe(true);
    expect(client.summary.saved).toHaveLength(1);
  });
});
