/**
 * Turning what a person types into a safe FTS5 query. User text never
 * reaches FTS5 syntax: only runs of letters, digits and combining marks
 * survive, each becomes a quoted prefix term (`"impre"*`), and terms are
 * ANDed. Quotes, `*`, `NEAR(`, `OR`, column filters and unbalanced
 * parentheses are therefore plain separators or plain words.
 */
const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 64;

/** The MATCH expression, or null when the text has nothing searchable (then no search filter applies). */
export function toFtsQuery(text: string): string | null {
  const terms = text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu);
  if (terms === null) return null;
  return terms
    .slice(0, MAX_TERMS)
    .map((term) => `"${term.slice(0, MAX_TERM_LENGTH)}"*`)
    .join(' ');
}
