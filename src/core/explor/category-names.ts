/** Category names as users type them: case, accents, spacing and punctuation do not matter. */
const MARKS = /[\u0300-\u036f]/g;
const SEPARATORS = /[\s_'’‘`\-+.]+/g;

export function normalizeCategoryName(name: string): string {
  return name.normalize("NFD").replace(MARKS, "").toLowerCase().replace(SEPARATORS, "");
}
