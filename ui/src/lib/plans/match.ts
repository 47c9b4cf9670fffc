// The core's matching rule (plans.rs `plan_matches`), for the in-memory fake and for labels.
import type { Chip, Plan, TimeBand } from '../ipc/bindings';

/** Local hours of each band, start included, end excluded (the core's bands). */
export const BANDS: { band: TimeBand; label: string; hours: string }[] = [
  { band: 'morning', label: 'Morning', hours: '5 am – noon' },
  { band: 'afternoon', label: 'Afternoon', hours: 'noon – 5 pm' },
  { band: 'evening', label: 'Evening', hours: '5 pm – 10 pm' },
  { band: 'night', label: 'Night', hours: '10 pm – 5 am' },
];

export function bandContains(band: TimeBand, hour: number): boolean {
  switch (band) {
    case 'morning':
      return hour >= 5 && hour < 12;
    case 'afternoon':
      return hour >= 12 && hour < 17;
    case 'evening':
      return hour >= 17 && hour < 22;
    case 'night':
      return hour >= 22 || hour < 5;
  }
}

/** Whether `plan` matches a craving with `urgeChipIds` at local `hour` (see plans.rs). */
export function planMatches(plan: Plan, chips: Chip[], urgeChipIds: string[], hour: number): boolean {
  if (plan.paused || (plan.chipIds.length === 0 && plan.timeBand === null)) return false;
  if (plan.timeBand !== null && !bandContains(plan.timeBand, hour)) return false;
  const kindOf = new Map(chips.map((c) => [c.id, c.kind]));
  const kinds = new Set(plan.chipIds.map((id) => kindOf.get(id)));
  return [...kinds].every((kind) =>
    plan.chipIds.some((id) => kindOf.get(id) === kind && urgeChipIds.includes(id)),
  );
}
