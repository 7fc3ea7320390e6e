/**
 * `npm start`: builds the Apps Script project, runs the demonstration on the local host with
 * the built bundle (no Google account), and writes what a user would see to out/demo.xlsx.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { demoSummary, runDemo } from "../dev/demo";
import { writeGuidePictures } from "../dev/guide-pictures";
import { writeXlsx } from "../dev/host/xlsx";
import { captureSidebars, DEMO_SCENARIOS, selectApplication } from "../dev/sidebar-shots";
import { buildProject } from "./build";

const OUT = join(import.meta.dirname, "..", "out");

function step(text: string): void {
  console.log(`• ${text}`);
}

console.log("Lianes coopération — démonstration locale du module Sheets\n");
step("Construction du projet Apps Script (build/)…");
await buildProject();
const demo = runDemo(step);
mkdirSync(OUT, { recursive: true });
const path = join(OUT, "demo.xlsx");
step("Écriture du classeur out/demo.xlsx…");
await writeXlsx(demo.host.spreadsheet, path);

step("Panneaux latéraux dans Chromium : captures et pages dans out/sidebars/…");
let sidebarsNote: string;
try {
  selectApplication(demo.host, "Les Amis de Tiassalé");
  const shots = await captureSidebars(demo.host, DEMO_SCENARIOS, join(OUT, "sidebars"));
  step("Images du guide : feuilles telles que Sheets les montre, dans docs/images/…");
  const pictures = await writeGuidePictures(demo.host, join(OUT, "sidebars"));
  sidebarsNote = `Panneaux : ${shots.length} captures dans ${join(OUT, "sidebars")} ; guide : ${pictures.length} images dans docs/images`;
} catch (error) {
  const message = (error as Error).message;
  sidebarsNote = /Chromium introuvable/.test(message)
    ? "Panneaux : pas de capture, Chromium est absent (lancez npm ci)"
    : `Panneaux : échec des captures — ${message}`;
  if (!/Chromium introuvable/.test(message)) process.exitCode = 1;
}

console.log("\nRésumé");
for (const line of [...demoSummary(demo), `Classeur : ${path}`, sidebarsNote]) console.log(`  ${line}`);
const errors = demo.host.log.lines.filter((l) => l.startsWith("ERREUR"));
if (errors.length > 0) {
  console.log(`\n${errors.length} erreur(s) dans le journal d'exécution :\n${errors.join("\n")}`);
  process.exitCode = 1;
}
