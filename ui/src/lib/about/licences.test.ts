import { describe, expect, it } from 'vitest';
import {
  NO_LICENCE_STATED,
  PRIVACY_LINE,
  builtOnSentence,
  componentCount,
  entryKey,
  entryLine,
  groupHeading,
  groupLicences,
  licenceSentence,
  versionLine,
} from './licences';
import type { Licence } from './types';

const crate = (name: string, version: string, license: string): Licence => ({ name, version, license, kind: 'crate' });

const LIST: Licence[] = [
  crate('zerocopy', '0.8.27', 'BSD-2-Clause OR Apache-2.0 OR MIT'),
  crate('serde', '1.0.228', 'MIT OR Apache-2.0'),
  crate('rusqlite', '0.37.0', 'MIT'),
  crate('anyhow', '1.0.100', 'MIT OR Apache-2.0'),
  { name: 'svelte', version: '5.57.3', license: 'MIT', kind: 'npm' },
  crate('Base64', '0.22.1', 'MIT OR Apache-2.0'),
  { name: 'Noto Sans', version: '2.015', license: 'OFL-1.1', kind: 'font' },
];

describe('groupLicences', () => {
  it('groups by licence expression, the largest group first, then by expression', () => {
    const groups = groupLicences(LIST);
    expect(groups.map((g) => [g.license, g.entries.length])).toEqual([
      ['MIT OR Apache-2.0', 3],
      ['MIT', 2],
      // Equal sizes: by expression, so the order never depends on the input's.
      ['BSD-2-Clause OR Apache-2.0 OR MIT', 1],
      ['OFL-1.1', 1],
    ]);
    expect(groupLicences([...LIST].reverse()), 'the same whatever order the shell lists them in').toEqual(groups);
  });

  it('sorts each group by name, ignoring case, and versions as numbers', () => {
    const groups = groupLicences([
      ...LIST,
      crate('serde', '1.0.9', 'MIT OR Apache-2.0'),
      crate('serde', '1.0.10', 'MIT OR Apache-2.0'),
    ]);
    expect(groups[0]!.entries.map(entryLine)).toEqual([
      'anyhow 1.0.100',
      'Base64 0.22.1',
      'serde 1.0.9',
      'serde 1.0.10',
      'serde 1.0.228',
    ]);
    expect(groups[1]!.entries.map((e) => e.name), 'npm packages and crates together').toEqual(['rusqlite', 'svelte']);
  });

  it('keeps the same expression apart when it is written differently (the expression is the fact)', () => {
    const groups = groupLicences([crate('a', '1', 'MIT OR Apache-2.0'), crate('b', '1', 'Apache-2.0 OR MIT')]);
    expect(groups.map((g) => g.license)).toEqual(['Apache-2.0 OR MIT', 'MIT OR Apache-2.0']);
  });

  it('shows a component listed twice once, so the count is honest and list keys are unique', () => {
    const groups = groupLicences([...LIST, crate('serde', '1.0.228', 'MIT OR Apache-2.0')]);
    expect(componentCount(groups)).toBe(LIST.length);
    const keys = groups.flatMap((g) => g.entries.map(entryKey));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps a crate and an npm package of the same name and version apart', () => {
    const groups = groupLicences([crate('same', '1.0.0', 'MIT'), { ...crate('same', '1.0.0', 'MIT'), kind: 'npm' }]);
    expect(componentCount(groups)).toBe(2);
  });

  it('puts components with no stated licence in a plainly named group', () => {
    const groups = groupLicences([crate('a', '1', ''), crate('b', '1', '  '), crate('c', '1', ' MIT ')]);
    expect(groups.map((g) => [g.license, g.entries.length])).toEqual([
      [NO_LICENCE_STATED, 2],
      ['MIT', 1],
    ]);
  });

  it('has no groups for an empty list', () => {
    expect(groupLicences([])).toEqual([]);
    expect(componentCount([])).toBe(0);
  });
});

describe('About in words', () => {
  it('names Ebb with its version and its licence', () => {
    expect(versionLine('0.1.0')).toBe('Ebb 0.1.0');
    expect(licenceSentence('AGPL-3.0-or-later')).toBe('Free software under the AGPL-3.0-or-later licence.');
    expect(licenceSentence(''), 'no empty "the  licence"').toBe('Free software.');
    expect(PRIVACY_LINE).toBe('No account, no network, no analytics: everything stays on this device.');
  });

  it('counts the components in the locale, one or many', () => {
    expect(builtOnSentence(412, { locale: 'en' })).toBe('Ebb is built on 412 open-source components.');
    expect(builtOnSentence(1204, { locale: 'en' })).toBe('Ebb is built on 1,204 open-source components.');
    expect(builtOnSentence(1, { locale: 'en' })).toBe('Ebb is built on 1 open-source component.');
    expect(builtOnSentence(0), 'never "built on 0 components"').toBe(
      "This copy of Ebb doesn't include its list of open-source components.",
    );
  });

  it('heads a group with its expression and its size', () => {
    const [big, , one] = groupLicences(LIST);
    expect(groupHeading(big!, { locale: 'en' })).toBe('MIT OR Apache-2.0 — 3 components');
    expect(groupHeading(one!, { locale: 'en' })).toBe('BSD-2-Clause OR Apache-2.0 OR MIT — 1 component');
  });

  it('writes a component as "name version"', () => {
    expect(entryLine(crate('serde', '1.0.228', 'MIT'))).toBe('serde 1.0.228');
    expect(entryLine(crate('Noto Sans', '', 'OFL-1.1')), 'no trailing space without a version').toBe('Noto Sans');
  });
});
