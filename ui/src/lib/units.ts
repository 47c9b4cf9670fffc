// A tracked thing's unit is kept as the person typed it, once ("glasses", "cans of cider").
// Shown after a count it agrees with the count: "1 glass", "2 glasses", "0.5 glasses". Only
// common English plural endings are undone, for display; a word Ebb can't read stays as typed.

/** Made on first use, not when the app's code loads: WebKit's first Intl object reads ICU's
 *  locale data, work the first screen never needs. */
let plurals: Intl.PluralRules | undefined;

/** "glasses" → "glass", "drinks" → "drink", "cans of cider" → "can of cider"; unknown words unchanged. */
export function singularUnit(unit: string): string {
  const text = unit.trim();
  // "cans of cider": the counted word is the one before "of".
  const of = text.search(/\s+of\s+/i);
  if (of > 0) return singularWord(text.slice(0, of)) + text.slice(of);
  const space = text.lastIndexOf(' ');
  return text.slice(0, space + 1) + singularWord(text.slice(space + 1));
}

function singularWord(word: string): string {
  const lower = word.toLowerCase();
  // Too short to tell ("ml", "gs"), or already singular ("glass", "hummus", "analysis").
  if (lower.length <= 2 || /(ss|us|is)$/.test(lower) || !lower.endsWith('s')) return word;
  // "glasses", "pouches", "boxes": the -es is the plural's. ("cookies", "doses": only the s.)
  if (/(ch|sh|ss|x)es$/.test(lower)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** The unit as it reads after `count`: singular for one ("1 glass"), as typed otherwise. */
export function unitFor(count: number, unit: string): string {
  return (plurals ??= new Intl.PluralRules('en')).select(count) === 'one' ? singularUnit(unit) : unit;
}

/** "1 glass", "2 glasses", "2.5 glasses": `shown` is the number as the person reads it. */
export function withUnit(shown: number | string, unit: string): string {
  const text = String(shown);
  const trimmed = unit.trim();
  if (!trimmed) return text;
  return `${text} ${unitFor(Number(text), trimmed)}`;
}
