/**
 * The Aide sidebar's content, made at build time from the menu and the entry points' summaries:
 * every item of `Lianes` in menu order with what it does in one line, and the guide's link.
 * A new menu item appears in the help with no other change.
 */

import { escapeHtml } from "../src/core/documents/html";
import type { EntryPointSpec } from "../src/functions/registry";
import type { MenuEntry } from "../src/menus/menu";

/** « Lianes › Jury › Préparer le jury… : crée … » → « crée … ». */
function whatItDoes(summary: string): string {
  const i = summary.indexOf(" : ");
  const text = i >= 0 ? summary.slice(i + 3) : summary;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function menuHelpHtml(menu: readonly MenuEntry[], entryPoints: readonly EntryPointSpec[]): string {
  const item = (path: string, functionName: string): string => {
    const spec = entryPoints.find((e) => e.name === functionName);
    if (!spec)
      throw new Error(`Aide : l'entrée de menu ${path} n'appelle aucun point d'entrée (${functionName})`);
    return `<dt>${escapeHtml(path)}</dt><dd>${escapeHtml(whatItDoes(spec.summary))}</dd>`;
  };
  // Submenus hold entries too (separators, items): their items' path is `Courriers › Préparer…`.
  const itemsOf = (entries: readonly MenuEntry[], prefix: string): string[] =>
    entries.flatMap((entry) => {
      if (entry === "separator") return [];
      if ("items" in entry) return itemsOf(entry.items, `${prefix}${entry.caption} › `);
      return [item(`${prefix}${entry.caption}`, entry.functionName)];
    });
  const items = itemsOf(menu, "");
  return `<dl>${items.join("")}</dl>`;
}

/** The guide's link when package.json names the repository's page (`homepage`), else where to find it. */
export function guideHtml(homepage: string | undefined): string {
  if (!homepage)
    return "Le fichier <code>docs/GUIDE.md</code> du dépôt du module : une section par tâche, avec ses images.";
  const url = `${homepage.replace(/\/$/, "")}/blob/main/docs/GUIDE.md`;
  return `<a href="${escapeHtml(url)}">Ouvrir le guide</a> : une section par tâche, avec ses images.`;
}
