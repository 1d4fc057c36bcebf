/** Accent-insensitive matching on the client, folded as the server's search folds. */

/** Folds Vietnamese for matching as the server's search does: "Đình Vũ" → "dinh vu". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether every word of the query occurs in one of the texts, accents and case aside. */
export function matches(query: string, ...texts: Array<string | null | undefined>): boolean {
  const haystack = fold(texts.filter(Boolean).join(" "));
  return fold(query)
    .split(" ")
    .filter(Boolean)
    .every((w) => haystack.includes(w));
}
