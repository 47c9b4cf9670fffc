// The goals review for one tracked thing: what they planned, the last 14 days, and the goal
// adjusted in place. Words follow care.md §1: any reduction is progress, a harder week is
// information, nothing resets.
import type { GoalReview } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import type { ThingDraft } from '../capture/thing-draft.svelte';
import { withUnit } from '../units';

/** care.md §6, for a "use more safely" goal. */
export const SAFER_USE_TIPS = [
  'Try not to use alone or behind a locked door; if you do, let someone know.',
  'Start with a small test amount, especially from a new batch.',
  'One substance at a time: mixing raises the risk.',
];

/** Plain sentences about the 14 days. */
export function reviewLines(review: GoalReview): string[] {
  const lines: string[] = [];
  if (review.plan) {
    const p = review.plan;
    if (p.recorded === 0) {
      lines.push('No days with what you did recorded yet. When you add how a craving went, your days show here.');
    } else {
      lines.push(`${p.within} of the last ${p.of} days within plan (${p.recorded} with something recorded).`);
      if (p.actualMean !== null) {
        const mean = Math.round(p.actualMean * 10) / 10;
        lines.push(`You planned ${withUnit(p.planned, p.unit)} a day; on days with an amount it was ${mean} on average.`);
      }
    }
  }
  if (review.riddenOut > 0) {
    lines.push(`${review.riddenOut} ${review.riddenOut === 1 ? 'craving' : 'cravings'} ridden out without using.`);
  }
  if (review.usedLess > 0) {
    lines.push(`${review.usedLess} ${review.usedLess === 1 ? 'time' : 'times'} you used less than planned. That counts.`);
  }
  if (lines.length === 0) lines.push(`${review.cravings} ${review.cravings === 1 ? 'craving' : 'cravings'} logged in the last 14 days.`);
  return lines;
}

export class GoalReviewState {
  review = $state<GoalReview | null>(null);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  busy = $state(false);

  constructor(
    private readonly client: EbbClient,
    readonly thingId: string,
  ) {}

  async load(): Promise<void> {
    try {
      this.review = await this.client.goalReview({ id: this.thingId });
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** Saves a new goal from the draft; the review is recomputed against it. */
  async adjust(draft: ThingDraft): Promise<boolean> {
    const goal = draft.goal();
    if ('error' in goal) {
      this.error = goal.error;
      return false;
    }
    this.busy = true;
    this.error = null;
    try {
      await this.client.updateThing({ id: this.thingId, goal: goal.goal });
      this.review = await this.client.goalReview({ id: this.thingId });
      this.notice = 'Goal updated. Adjusting a goal is part of the work.';
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

