/**
 * Folds Vietnamese text for accent-insensitive search: "Đình Vũ" → "dinh vu".
 * Tone marks and vowel marks are removed after Unicode decomposition; đ/Đ is not a combining
 * mark, so it is mapped explicitly. Whitespace runs collapse to one space.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The text stored in a row's search column: every part folded and joined. */
export function searchText(...parts: Array<string | null | undefined>): string {
  return fold(parts.filter((p): p is string => Boolean(p)).join(" "));
}

/** Escapes LIKE wildcards so user input matches literally. */
export function likePattern(query: string): string {
  return `%${fold(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One LIKE pattern per word: every word must occur, in any order ("linh kien hai au"). */
export function wordPatterns(query: string): string[] {
  return fold(query).split(" ").filter(Boolean).slice(0, 8).map(likePattern);
}
