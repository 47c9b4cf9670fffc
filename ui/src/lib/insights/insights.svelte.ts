// The Insights place: "what helps me" (all check-ins) and the person's patterns over a range
// they pick. Changing the range reloads only the patterns; an older answer that arrives after
// a newer one is dropped, so the charts always match the range shown as picked.
import type { Insights, InsightsRange, WhatHelps } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

export const RANGES: readonly { id: InsightsRange; label: string }[] = [
  { id: 'fourWeeks', label: '4 weeks' },
  { id: 'threeMonths', label: '3 months' },
  { id: 'year', label: 'A year' },
  { id: 'all', label: 'All' },
];

export class InsightsState {
  range = $state<InsightsRange>('fourWeeks');
  insights = $state<Insights | null>(null);
  helps = $state<WhatHelps | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  helpsError = $state<string | null>(null);
  private asked = 0;

  constructor(private readonly client: EbbClient) {}

  /** Both halves at once; one failing leaves the other shown. */
  async load(): Promise<void> {
    await Promise.all([this.loadHelps(), this.loadInsights()]);
  }

  async setRange(range: InsightsRange): Promise<void> {
    if (range === this.range && this.insights) return;
    this.range = range;
    await this.loadInsights();
  }

  async loadHelps(): Promise<void> {
    this.helpsError = null;
    try {
      this.helps = await this.client.whatHelps();
    } catch (error) {
      this.helpsError = toFailure(error).message;
    }
  }

  async loadInsights(): Promise<void> {
    const ask = ++this.asked;
    const range = this.range;
    this.loading = true;
    this.error = null;
    try {
      const answer = await this.client.getInsights({ range });
      if (ask === this.asked) this.insights = answer;
    } catch (error) {
      if (ask === this.asked) this.error = toFailure(error).message;
    } finally {
      if (ask === this.asked) this.loading = false;
    }
  }

  /** The data on screen is for the range picked (not an older one still shown while loading). */
  get current(): boolean {
    return this.insights?.range === this.range;
  }
}
