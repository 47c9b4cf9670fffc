// A tracked thing being written: name and goal, as typed. The store judges it; only the amount
// is read here, so "two" gets a clear message before anything is sent.
import type { Goal, TrackedThing } from '../ipc/bindings';
import { withUnit } from '../units';

export type GoalKind = Goal['kind'];

export const GOAL_LABELS: Record<GoalKind, string> = {
  stop: 'Stop',
  cutDown: 'Cut down',
  safer: 'Use more safely',
};

export class ThingDraft {
  name = $state('');
  goalKind = $state<GoalKind>('cutDown');
  amount = $state('');
  unit = $state('');

  constructor(thing?: TrackedThing) {
    if (!thing) return;
    this.name = thing.name;
    this.goalKind = thing.goal.kind;
    if (thing.goal.kind === 'cutDown') {
      this.amount = String(thing.goal.plannedAmount);
      this.unit = thing.goal.unit;
    }
  }

  /** The goal as typed, or a message saying what to fix. */
  goal(): { goal: Goal } | { error: string } {
    if (this.goalKind !== 'cutDown') return { goal: { kind: this.goalKind } };
    const text = this.amount.trim().replace(',', '.');
    const amount = Number(text);
    if (text === '' || !Number.isFinite(amount)) {
      return { error: 'For cutting down, say how much a day you plan, as a number (for example 2).' };
    }
    return { goal: { kind: 'cutDown', plannedAmount: amount, unit: this.unit } };
  }
}

/** "Cut down · 2 glasses a day" ("1 glass"), for lists. */
export function goalSummary(goal: Goal): string {
  if (goal.kind === 'cutDown') return `Cut down · ${withUnit(goal.plannedAmount, goal.unit)} a day`;
  return GOAL_LABELS[goal.kind];
}
