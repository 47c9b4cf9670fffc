// Which region's crisis numbers to propose when the person has not chosen one yet.

/** A built-in region for a BCP 47 language tag (`en-GB` → `UK`), or null when unsure. */
export function proposeRegion(language: string | undefined | null): 'US' | 'UK' | 'CA' | null {
  const tag = (language ?? '').toUpperCase();
  const country = tag.split(/[-_]/)[1];
  if (country === 'US') return 'US';
  if (country === 'GB' || country === 'UK') return 'UK';
  if (country === 'CA') return 'CA';
  return null;
}

/** Whether a call or text link can be trusted to reach a dialler here (phones), or whether the
 *  number should also be shown large to copy (desktop, where there may be no handler). */
export function looksLikePhone(userAgent: string): boolean {
  return /Android|iPhone|iPad|iPod/i.test(userAgent);
}

/** Country names that take "the" in a sentence ("the United Kingdom", "the Netherlands");
 *  most ("Canada", "Ireland") don't. */
const TAKES_THE =
  /^(United |Republic of )|^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Seychelles)$|( Islands| Republic| Emirates| Kingdom| States)$/;

/** A region's name as it reads after "in" or "Yes,": "the United States", "Canada". */
export function regionInSentence(name: string): string {
  const trimmed = name.trim();
  if (/^the /i.test(trimmed)) return trimmed;
  return TAKES_THE.test(trimmed) ? `the ${trimmed}` : trimmed;
}

/** A `tel:` link for a number: only its digits and a leading `+`, as the core builds them
 *  (some diallers don't strip separators). */
export function telLink(number: string): string {
  const trimmed = number.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** One region's emergency number, for Help now before a region is chosen. */
export interface EmergencyLine {
  code: string;
  /** "Emergency — United Kingdom". */
  label: string;
  number: string;
  tel: string;
}

/** Every region's emergency number, clearly labelled, the region `first` (the one the system
 *  language suggests) ahead of the others, none left out: a person in crisis has a number on
 *  the first tap, before choosing anything. */
export function emergencyLines(
  regions: readonly { code: string; name: string; emergency: string }[],
  first: string | null,
): EmergencyLine[] {
  const ordered = [...regions.filter((r) => r.code === first), ...regions.filter((r) => r.code !== first)];
  return ordered
    .filter((r) => r.emergency.trim() !== '')
    .map((r) => ({ code: r.code, label: `Emergency — ${r.name}`, number: r.emergency, tel: telLink(r.emergency) }));
}
