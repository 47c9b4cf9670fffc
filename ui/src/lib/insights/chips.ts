// Triggers and feelings ranked by how often they came with a craving, strongest first on ties.
import type { ChipStat } from '../ipc/bindings';
import { linear } from './scale';
import { oneDecimal, times } from './words';

export interface ChipsBox {
  width: number;
  rowHeight: number;
  barY: number;
  barHeight: number;
}

export const CHIPS_BOX: Readonly<ChipsBox> = { width: 340, rowHeight: 38, barY: 20, barHeight: 10 };
/** Only the most frequent: more rows would not fit a phone screen. */
export const TOP_CHIPS = 8;

export interface ChipRow {
  chipId: string;
  label: string;
  y: number;
  barWidth: number;
  /** "12 · strength 6.4" */
  figures: string;
}

/** Shortens a long label with an ellipsis so it never runs into the figures. */
export function clip(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

export function chipRows(list: readonly ChipStat[], box: Readonly<ChipsBox> = CHIPS_BOX): ChipRow[] {
  const top = [...list].sort((a, b) => b.cravings - a.cravings || b.meanIntensity - a.meanIntensity).slice(0, TOP_CHIPS);
  const most = Math.max(1, ...top.map((c) => c.cravings));
  const width = linear([0, most], [0, box.width]);
  return top.map((c, i) => ({
    chipId: c.chipId,
    label: clip(c.label, 24),
    y: i * box.rowHeight,
    barWidth: Math.max(2, width(c.cravings)),
    figures: `${c.cravings} · strength ${oneDecimal(c.meanIntensity)}`,
  }));
}

/** The bars in words: "Work stress: 12 times, average strength 6.4; …". */
export function chipSummary(list: readonly ChipStat[]): string {
  const top = [...list].sort((a, b) => b.cravings - a.cravings || b.meanIntensity - a.meanIntensity).slice(0, TOP_CHIPS);
  return top.map((c) => `${c.label}: ${times(c.cravings)}, average strength ${oneDecimal(c.meanIntensity)}`).join('; ') + '.';
}
