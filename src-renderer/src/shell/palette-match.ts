/** Matching what is typed in the command palette: accents and case do not matter, every word must appear. */

export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function matchesQuery(label: string, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText(label);
  return words.every((word) => haystack.includes(word));
}

/** "#1042", "1042", "n.º 1042" → 1042; anything else → null. */
export function ticketNumberOf(query: string): number | null {
  const match = /^\s*(?:#|n\.?º?\s*)?(\d{1,9})\s*$/i.exec(query);
  return match ? Number(match[1]) : null;
}
