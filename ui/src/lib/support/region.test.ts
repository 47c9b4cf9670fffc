import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { HelpNowState } from './helpnow.svelte';
import { emergencyLines, regionInSentence, telLink } from './region';

describe('regionInSentence', () => {
  it('adds "the" where English needs it, and only there', () => {
    expect(regionInSentence('United States'), '"Are you in the United States?"').toBe('the United States');
    expect(regionInSentence('United Kingdom')).toBe('the United Kingdom');
    expect(regionInSentence('Canada'), 'most countries take no article').toBe('Canada');
    expect(regionInSentence('Ireland')).toBe('Ireland');
    expect(regionInSentence('Netherlands')).toBe('the Netherlands');
    expect(regionInSentence('Czech Republic')).toBe('the Czech Republic');
    expect(regionInSentence('the Gambia'), 'never "the the"').toBe('the Gambia');
  });
});

describe('telLink', () => {
  it('keeps only digits and a leading +, as the core’s links do', () => {
    expect(telLink('999')).toBe('tel:999');
    expect(telLink(' +44 (0)20 7946-0000 '), 'a leading + stays').toBe('tel:+4402079460000');
    expect(telLink('1-800-222-1222'), 'separators confuse some diallers').toBe('tel:18002221222');
  });
});

describe('emergencyLines', () => {
  it('gives every region’s emergency number, labelled with its region, before any region is chosen', async () => {
    const help = new HelpNowState(new FakeClient());
    await help.load();
    expect(help.crisis?.region, 'nothing chosen yet').toBeNull();
    expect(help.shown, 'no region: no region numbers').toEqual([]);
    const lines = emergencyLines(help.crisis!.regions, null);
    expect(
      lines.map((l) => `${l.label}: ${l.number}`),
      'a person in crisis has a number on the first tap, whatever their region',
    ).toEqual(['Emergency — United States: 911', 'Emergency — United Kingdom: 999', 'Emergency — Canada: 911']);
    expect(lines.map((l) => l.tel), 'each opens the dialler').toEqual(['tel:911', 'tel:999', 'tel:911']);
  });

  it('puts the region the system language suggests first, leaving none out', () => {
    const regions = [
      { code: 'US', name: 'United States', emergency: '911' },
      { code: 'UK', name: 'United Kingdom', emergency: '999' },
      { code: 'CA', name: 'Canada', emergency: '911' },
    ];
    expect(emergencyLines(regions, 'UK').map((l) => l.code), 'en-GB: the UK first').toEqual(['UK', 'US', 'CA']);
    expect(emergencyLines(regions, 'FR').map((l) => l.code), 'an unknown suggestion changes nothing').toEqual([
      'US',
      'UK',
      'CA',
    ]);
  });
});
