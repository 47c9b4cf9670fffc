// Settings → About Ebb in words: Ebb's own line and licence, and the open-source components it
// ships grouped by licence expression (the largest group first), each as "name version".
// Numbers in the person's locale (Intl), as Backups shows them.
import type { Licence } from './types';

/** Where to read numbers: the device's locale unless a test says. */
export type Reading = { locale?: string | string[] };

/** The components under one licence expression, sorted by name. */
export type LicenceGroup = { license: string; entries: Licence[] };

/** Said under Ebb's name: what Ebb never does with what people log (care.md §7). */
export const PRIVACY_LINE = 'No account, no network, no analytics: everything stays on this device.';

/** A group's expression when a component states none (the list is generated, so say it plainly). */
export const NO_LICENCE_STATED = 'Licence not stated';

// Case-insensitive, and numeric so that "1.10" comes after "1.9". Fixed to English rather than
// the device's locale: the names are code, and the order must not change from one phone to the next.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function byName(a: Licence, b: Licence): number {
  return (
    collator.compare(a.name, b.name) ||
    collator.compare(a.version, b.version) ||
    collator.compare(a.kind, b.kind) ||
    // Names that differ only in case still get one order.
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

function expression(licence: Licence): string {
  return licence.license.trim() || NO_LICENCE_STATED;
}

/** A component's key in a list: one line per kind, name and version. */
export function entryKey(licence: Licence): string {
  return `${licence.kind}:${licence.name}@${licence.version}`;
}

/** The components by licence expression: the largest group first, equal ones by expression;
 *  in each, by name. A component listed twice under the same licence is shown once. */
export function groupLicences(licences: Licence[]): LicenceGroup[] {
  const groups = new Map<string, Map<string, Licence>>();
  for (const licence of licences) {
    const license = expression(licence);
    let group = groups.get(license);
    if (!group) groups.set(license, (group = new Map()));
    group.set(entryKey(licence), { ...licence, license });
  }
  return [...groups]
    .map(([license, entries]) => ({ license, entries: [...entries.values()].sort(byName) }))
    .sort((a, b) => b.entries.length - a.entries.length || collator.compare(a.license, b.license));
}

/** How many components the groups hold. */
export function componentCount(groups: LicenceGroup[]): number {
  return groups.reduce((sum, group) => sum + group.entries.length, 0);
}

function count(n: number, r: Reading): string {
  return new Intl.NumberFormat(r.locale).format(n);
}

function componentWord(n: number): string {
  return n === 1 ? 'component' : 'components';
}

/** "Ebb 0.1.0" */
export function versionLine(version: string): string {
  return `Ebb ${version}`.trim();
}

/** "Free software under the AGPL-3.0-or-later licence." */
export function licenceSentence(license: string): string {
  const l = license.trim();
  return l ? `Free software under the ${l} licence.` : 'Free software.';
}

/** "Ebb is built on 412 open-source components." */
export function builtOnSentence(n: number, r: Reading = {}): string {
  if (n === 0) return "This copy of Ebb doesn't include its list of open-source components.";
  return `Ebb is built on ${count(n, r)} open-source ${componentWord(n)}.`;
}

/** "MIT OR Apache-2.0 — 230 components" */
export function groupHeading(group: LicenceGroup, r: Reading = {}): string {
  const n = group.entries.length;
  return `${group.license} — ${count(n, r)} ${componentWord(n)}`;
}

/** "serde 1.0.228" */
export function entryLine(licence: Licence): string {
  return `${licence.name} ${licence.version}`.trim();
}
