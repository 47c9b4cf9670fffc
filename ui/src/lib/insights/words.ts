// The words of Insights (care.md §1, §2, §5): short and plain, never a promise or a verdict.
// "About 2 points lower than waiting" is a pattern in the person's own check-ins, nothing more.
import type { PlanDays, TechniqueEffect } from '../ipc/bindings';
import { withUnit } from '../units';

/** One decimal at most, and none when it is whole: 1.96 → "2", 1.24 → "1.2", −0.01 → "0". */
export function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

/** One end of an interval in words: "2.1 lower", "0.5 higher", "the same". */
function signed(value: number): string {
  const size = oneDecimal(Math.abs(value));
  if (size === '0') return 'the same';
  return `${size} ${value > 0 ? 'lower' : 'higher'}`;
}

/** The 90% interval, for screen readers: "likely between 0.5 higher and 3 lower than waiting". */
export function intervalText(t: Pick<TechniqueEffect, 'low' | 'high' | 'baseline'>): string {
  if (t.baseline) return 'what the others are compared with';
  return `likely between ${signed(t.low)} and ${signed(t.high)} than waiting`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** An amount in the person's unit: 2 → "2", 2.25 → "2.3". */
export function amount(value: number): string {
  return oneDecimal(value);
}

/** "Within your plan on 9 of the last 14 days (11 days recorded)". */
export function planWithinText(plan: PlanDays): string {
  if (plan.recorded === 0) return `Nothing recorded in the last ${plan.of} days yet.`;
  const days = plan.recorded === 1 ? 'day' : 'days';
  return `Within your plan on ${plan.within} of the last ${plan.of} days (${plan.recorded} ${days} recorded).`;
}

/** "Planned 3 drinks a day, about 2.4 on days with amounts." */
export function planAmountText(plan: PlanDays): string {
  const planned = `Planned ${withUnit(amount(plan.planned), plan.unit)} a day`;
  if (plan.actualMean === null) return `${planned}.`;
  return `${planned}, about ${amount(plan.actualMean)} on days with amounts.`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A week's Monday (`YYYY-MM-DD`, local): "3 Mar", or "Mar 2025" when a chart spans many months. */
export function weekLabel(iso: string, withYear = false): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[(m ?? 1) - 1] ?? '';
  return withYear ? `${month} ${y}` : `${d} ${month}`;
}

/** "18:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
