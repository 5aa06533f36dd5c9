/**
 * Text normalisation for place lookups. People type districts every way:
 * "BREÑA", "brena", "Jesús  María", "San Martín de Porres.", "Ate-Vitarte".
 * Everything is compared in one canonical form: lower case, no accents
 * (ñ becomes n, so "Breña" and "Brena" meet), punctuation turned into
 * spaces, runs of spaces collapsed.
 */

/** Canonical comparison key of a piece of text; '' when nothing meaningful is left. */
export function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What the user typed, as the lookup echoes it back: trimmed, inner whitespace collapsed. */
export function tidyQuery(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Damerau–Levenshtein distance capped at `limit + 1` (optimal string
 * alignment). Used only to forgive one slip ("Chorillos", "Miraflorez"), so
 * the cap keeps it cheap.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  // One flat table of (a.length + 1) × (b.length + 1) cells; d(i, 0) = i, d(0, j) = j.
  const table = new Array<number>((a.length + 1) * width).fill(0);
  const d = (i: number, j: number): number => table[i * width + j] ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i <= a.length; i++) table[i * width] = i;
  for (let j = 0; j <= b.length; j++) table[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d(i - 2, j - 2) + 1);
      table[i * width + j] = best;
      rowMin = Math.min(rowMin, best);
    }
    // Every later row is at least this row's minimum: stop as soon as the cap is passed.
    if (rowMin > limit) return limit + 1;
  }
  return Math.min(d(a.length, b.length), limit + 1);
}
