/**
 * Category names as people type them: case, accents, Unicode form (NFC/NFD), typographic
 * apostrophes and quotes, spacing, punctuation, singular/plural and "&" for "et" do not matter.
 */
const MARKS = /[\u0300-\u036f]/g;
/** Apostrophes, quotes, dashes, slashes, dots and the like all separate words. */
const PUNCTUATION = /[\s_'’‘‛`´"“”„«»‹›\-‐‑‒–—+.,;:!?()[\]{}/\\*]+/g;

/** A word in its singular form: `locaux` → `local`, `vaccins` → `vaccin`, `prix` stays comparable. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith("aux")) return `${word.slice(0, -3)}al`;
  if (word.length > 3 && (word.endsWith("s") || word.endsWith("x"))) return word.slice(0, -1);
  return word;
}

/** The words of a name, lower-case, without accents, singular: `Transports locaux` → transport, local. */
export function categoryWords(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/&/g, " et ")
    .split(PUNCTUATION)
    .filter((w) => w !== "")
    .map(singular);
}

/** The key two names share when they are the same name as people type it (`perdiem` = `Per diem`). */
export function normalizeCategoryName(name: string): string {
  return categoryWords(name).join("");
}

/**
 * The parts of a name that joins several with "et", "&" or "+": each names the category too
 * (`Vaccins et médicaments` → `Vaccins`, `médicaments`). A name without a joint has no parts.
 */
export function nameParts(name: string): string[] {
  const parts = name
    .split(/\s+(?:et|&|\+)\s+|\s*\+\s*|\s*&\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.length > 1 ? parts : [];
}

/** Optimal string alignment distance (a swap of two letters is one edit), stopping above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
