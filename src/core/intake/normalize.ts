/** Names compared the way people type them: case, accents, hyphens and apostrophes ignored. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[-‐‑–—'’`´.,()/]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
