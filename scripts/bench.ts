/**
 * `npm run bench`: builds, then measures the BUILT add-on (build/*.js in a node:vm context, as
 * Apps Script loads it) — custom functions on large ranges against float loops, the review-sheet
 * sync's Sheets calls against a naive sync, the bundle's weight and cold load, growth with rows.
 * Prints a French table, writes out/bench.json. Exits 1 only when a result is wrong, never for timing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { loadBundle, ROOT_DIR } from "../dev/host/bundle";
import { benchBundle } from "./bench/bundle";
import {
  benchContribution,
  benchEligible,
  benchPercentages,
  benchPlan,
  type FunctionResult,
  RUNS,
  WARM_UP_RUNS,
} from "./bench/functions";
import { benchSubmission } from "./bench/submission";
import { benchSync } from "./bench/sync";
import { buildProject } from "./build";

const MAX_MS = 150;
const MAX_RATIO = 10;
const MIN_SYNC_RATIO = 50;
const MAX_SYNC_CALLS = 146;
const MAX_SUBMISSION_CALLS = 60;
const MAX_SUBMISSION_CELLS = 200;
const MAX_BUNDLE_BYTES = 300 * 1024;
const MAX_LOAD_MS = 50;

const number = (n: number, digits = 0) =>
  n.toLocaleString("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (bytes: number) => `${number(bytes / 1024, 1)} Ko`;
const verdict = (ok: boolean) => (ok ? "atteint" : "non atteint");

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, j) => c.padEnd(widths[j] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

await buildProject();
const globals = loadBundle({});

const functions: FunctionResult[] = [
  benchEligible(globals, 10_000),
  benchContribution(globals, 10_000),
  benchPercentages(globals, 10_000),
  benchPlan(globals, 2_000),
];
const growth = [1_000, 10_000, 50_000].map((rows) => benchEligible(globals, rows));
const sync = [500, 2_000].map(benchSync);
const submission = [100, 500, 2_000].map(benchSubmission);
const bundle = await benchBundle();

const wrong = [...functions, ...growth].filter((f) => !f.correct);
const [sync500, sync2000] = sync as [ReturnType<typeof benchSync>, ReturnType<typeof benchSync>];
const syncRatio = sync500.naiveCalls / sync500.calls;
// One call apart at most: past 1 000 rows, the review sheet's grid is grown once (insertRowsAfter).
const syncConstant = Math.abs(sync2000.calls - sync500.calls) <= 1;
const syncComplete = sync.every((s) => s.reviewRows === s.responses);
const submissionTaken = submission.every((s) => s.reviewRows === s.responses + 1 && !s.fullSync);

const targets = [
  ...functions.flatMap((f) => [
    {
      target: `${f.name} (${number(f.rows)} lignes) ≤ ${MAX_MS} ms`,
      measured: `${number(f.ms, 1)} ms`,
      met: f.ms <= MAX_MS,
    },
    {
      target: `${f.name} (${number(f.rows)} lignes) ≤ ${MAX_RATIO}× la boucle JS`,
      measured: `${number(f.ratio, 1)}×`,
      met: f.ratio <= MAX_RATIO,
    },
  ]),
  {
    target: "Synchronisation : appels constants de 500 à 2 000 réponses (± 1 : grille agrandie)",
    measured: `${number(sync500.calls)} → ${number(sync2000.calls)}`,
    met: syncConstant,
  },
  {
    target: `Synchronisation : ≥ ${MIN_SYNC_RATIO}× moins d'appels que la version naïve à 500`,
    measured: `${number(syncRatio)}×`,
    met: syncRatio >= MIN_SYNC_RATIO,
  },
  {
    target: `Synchronisation : ≤ ${MAX_SYNC_CALLS} appels à 500 et 2 000 réponses`,
    measured: sync.map((s) => number(s.calls)).join(", "),
    met: sync.every((s) => s.calls <= MAX_SYNC_CALLS),
  },
  ...submission.flatMap((s) => [
    {
      target: `Un envoi de plus, à ${number(s.responses)} réponses : ≤ ${MAX_SUBMISSION_CALLS} appels`,
      measured: number(s.calls),
      met: s.calls <= MAX_SUBMISSION_CALLS,
    },
    {
      target: `Un envoi de plus, à ${number(s.responses)} réponses : ≤ ${MAX_SUBMISSION_CELLS} cellules écrites`,
      measured: number(s.cellsWritten),
      met: s.cellsWritten <= MAX_SUBMISSION_CELLS,
    },
  ]),
  {
    target: "build/*.js ≤ 300 Ko",
    measured: kb(bundle.scriptsTotal),
    met: bundle.scriptsTotal <= MAX_BUNDLE_BYTES,
  },
  {
    target: `Chargement à froid ≤ ${MAX_LOAD_MS} ms`,
    measured: `${number(bundle.coldLoadMs, 1)} ms`,
    met: bundle.coldLoadMs <= MAX_LOAD_MS,
  },
];

console.log(
  `\nBanc d'essai du bundle construit — Node ${process.version}, ${availableParallelism()} cœurs\n`,
);
console.log(`Fonctions personnalisées (meilleur de ${RUNS} après ${WARM_UP_RUNS} tours de chauffe) :`);
console.log(
  table(
    ["Fonction", "Lignes", "Lianes", "Boucle JS (flottants)", "Rapport", "Au centime près"],
    functions.map((f) => [
      f.name,
      number(f.rows),
      `${number(f.ms, 1)} ms`,
      `${number(f.baselineMs, 2)} ms`,
      `${number(f.ratio, 0)}×`,
      f.correct ? "oui" : `NON — ${f.mismatch}`,
    ]),
  ),
);
console.log("\nCroissance, EXPLOR_ELIGIBLE :");
console.log(
  table(
    ["Lignes", "Durée", "Par ligne"],
    growth.map((g) => [number(g.rows), `${number(g.ms, 1)} ms`, `${number((g.ms * 1000) / g.rows, 2)} µs`]),
  ),
);
console.log("\nSynchronisation des candidatures (appels aux services ; cellules écrites à part) :");
console.log(
  table(
    ["Réponses", "Lianes", "Naïve (appendRow, getValue)", "Rapport", "Lignes d'instruction"],
    sync.map((s) => [
      number(s.responses),
      `${number(s.calls)} appels, ${number(s.cellsWritten)} cellules (${number(s.ms)} ms)`,
      `${number(s.naiveCalls)} appels, ${number(s.naiveCellsWritten)} cellules (${number(s.naiveMs)} ms)`,
      `${number(s.naiveCalls / s.calls)}×`,
      `${number(s.reviewRows)}${s.reviewRows === s.responses ? "" : " (incomplet)"}`,
    ]),
  ),
);
console.log("\nUn envoi de plus (déclencheur du formulaire, feuille d'instruction déjà à jour) :");
console.log(
  table(
    ["Réponses déjà là", "Appels aux services", "Cellules écrites", "Durée", "Ligne ajoutée"],
    submission.map((s) => [
      number(s.responses),
      number(s.calls),
      number(s.cellsWritten),
      `${number(s.ms)} ms`,
      s.reviewRows === s.responses + 1 && !s.fullSync ? "oui, seule" : "NON",
    ]),
  ),
);
console.log("\nBundle :");
console.log(
  table(
    ["Fichier", "Taille"],
    [
      ...Object.entries(bundle.scripts).map(([f, n]) => [f, kb(n)]),
      ["build/*.js au total", kb(bundle.scriptsTotal)],
      ...Object.entries(bundle.sidebars).map(([f, n]) => [`${f} (panneau, à part)`, kb(n)]),
      ...Object.entries(bundle.packages).map(([p, n]) => [`dont ${p} dans Lianes.js`, kb(n)]),
      ["Chargement à froid (meilleur de 10)", `${number(bundle.coldLoadMs, 1)} ms`],
    ],
  ),
);
console.log("\nObjectifs (issues 8 et 14) :");
console.log(
  table(
    ["Objectif", "Mesuré", "Résultat"],
    targets.map((t) => [t.target, t.measured, verdict(t.met)]),
  ),
);

const outDir = join(ROOT_DIR, "out");
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, "bench.json"),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cores: availableParallelism(),
      functions,
      growth,
      sync,
      submission: submission.map(({ responses, calls, cellsWritten, ms }) => ({
        responses,
        calls,
        cellsWritten,
        ms,
      })),
      bundle,
      targets,
    },
    null,
    2,
  )}\n`,
);
console.log("\nRésultats écrits dans out/bench.json");

if (wrong.length > 0 || !syncComplete || !submissionTaken) {
  for (const f of wrong) console.error(`Résultat faux : ${f.name} (${f.rows} lignes) — ${f.mismatch}`);
  if (!syncComplete) console.error("Résultat faux : la feuille d'instruction n'a pas une ligne par réponse");
  if (!submissionTaken) {
    console.error("Résultat faux : l'envoi n'a pas ajouté sa seule ligne sans synchronisation complète");
  }
  process.exitCode = 1;
}
