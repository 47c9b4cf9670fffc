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
