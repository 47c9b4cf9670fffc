// care.md §2: words Ebb never shows people. Scans every UI source file, so a new screen
// cannot slip one in.
import { describe, expect, it } from 'vitest';

const FORBIDDEN = [
  /\baddicts?\b/i,
  /\babusers?\b/i,
  /\balcoholics?\b/i,
  /\bjunkies?\b/i,
  /\bclean\b/i,
  /\bdirty\b/i,
  /\brelapsed?\b/i,
  /\brelapses\b/i,
  /\bfailures?\b/i,
  /\bbroke your streak\b/i,
  /\bslip\b/i,
];

// Every UI source file as text (Vite inlines them at test time), tests and generated types aside.
const files = import.meta.glob<string>(['../**/*.svelte', '../**/*.ts', '!../**/*.test.ts', '!./ipc/bindings.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function sources(): [string, string][] {
  return Object.entries(files);
}

describe('wording (care.md §2)', () => {
  it('finds the UI sources to check', () => {
    expect(sources().length, 'the scan must actually read the UI').toBeGreaterThan(5);
  });

  it('never uses a stigmatising word in anything the UI can show', () => {
    const hits: string[] = [];
    for (const [file, text] of sources()) {
      text
        .split('\n')
        .forEach((line, i) => {
          for (const word of FORBIDDEN) {
            if (word.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(hits, 'care.md §2 rules these words out').toEqual([]);
  });
});
