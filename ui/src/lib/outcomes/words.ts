// The words of the outcome (care.md §1–3): what a person can answer for each goal, and Ebb's
// short, warm reply. "Used less than planned" is a win; "used more" meets kindness, never blame.
import type { Goal, UseAction } from '../ipc/bindings';

export const ACTION_LABELS: Record<UseAction, string> = {
  didntUse: "Didn't use",
  usedLess: 'Used less than planned',
  usedAsPlanned: 'Used as planned',
  usedMore: 'Used more than planned',
  used: 'Used',
};

/** The answers that fit a goal, in the order they are offered (care.md §3); a goal to stop has
 * no plan to be under, so it offers didn't use / used. Mirrors `UseAction::fits` in the core. */
export function actionsFor(goal: Goal | null): UseAction[] {
  if (goal?.kind === 'stop') return ['didntUse', 'used'];
  return ['didntUse', 'usedLess', 'usedAsPlanned', 'usedMore'];
}

/** Ebb's reply once an outcome is saved. */
export function replyFor(action: UseAction | null, before: number, after: number | null): string {
  const eased = after !== null && after < before;
  switch (action) {
    case 'didntUse':
      return eased
        ? `You rode it out, and it eased from ${before} to ${after}. That counts.`
        : 'You rode it out. That counts.';
    case 'usedLess':
      return 'Less than you planned: that is a real win.';
    case 'usedAsPlanned':
      return 'You stuck to your plan. Noted, no judgement.';
    case 'usedMore':
      return 'Thanks for being honest. A harder moment is information, not a verdict. Next time, trying a technique early might help.';
    case 'used':
      return 'Thanks for noting it. Every entry helps you see what helps. Be kind to yourself.';
    default:
      return eased
        ? `It eased from ${before} to ${after}. Cravings rise and fall.`
        : 'Saved. Cravings rise and fall; noticing them is a step.';
  }
}

/** "8 → 4 · used less than planned", for History. */
export function outcomeSummary(
  before: number,
  after: number | null,
  action: UseAction | null,
): string {
  const parts: string[] = [];
  if (after !== null) parts.push(`${before} → ${after}`);
  if (action) parts.push(ACTION_LABELS[action].toLowerCase());
  return parts.join(' · ');
}
