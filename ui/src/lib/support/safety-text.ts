// Help now's fixed texts, word for word from care.md §6 (kept as plain text: they must work
// offline and be readable in a hurry).

/** Overdose response, in order (care.md §6). */
export const OVERDOSE_STEPS: readonly string[] = [
  'Check whether they respond.',
  'Call emergency services.',
  'Give rescue breaths: one breath every 5 seconds.',
  'Give naloxone if you have it.',
  'No response after 2–3 minutes? Give a second dose.',
  'Put them in the recovery position.',
  'Stay with them: naloxone can wear off, and it does not reverse benzodiazepines or alcohol.',
];

/** Safer-use tips (care.md §6). */
export const SAFER_USE_TIPS: readonly string[] = [
  'Don’t use alone or behind a locked door.',
  'Try a small test dose first.',
  'Use one substance at a time.',
];
