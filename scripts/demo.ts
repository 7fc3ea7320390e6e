/**
 * `npm start`: builds the Apps Script project, runs the demonstration on the local host with
 * the built bundle (no Google account), and writes what a user would see to out/demo.xlsx.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { demoSummary, runDemo } from "../dev/demo";
import { demoDocuments } from "../dev/demo-documents";
import { writeSentLetters } from "../dev/demo-letters";
import { printHtmlToPdf } from "../dev/documents-pdf";
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

step("Courriels envoyés : out/courriels/<appel>/<n°>-<événement>.eml…");
const sentAt = new Date();
const letters = writeSentLetters(demo.host, join(OUT, "courriels"), sentAt);

step("Annexe financière CD62-2024 et lettre de décision imprimées par Chromium : out/documents/*.pdf…");
let annexNote: string;
const documentsDir = join(OUT, "documents");
mkdirSync(documentsDir, { recursive: true });
const documents = demoDocuments(demo.host);
for (const d of documents) writeFileSync(join(documentsDir, `${d.name}.html`), d.html);
try {
  for (const d of documents) {
    await printHtmlToPdf(d.html, join(documentsDir, `${d.name}.pdf`), join(documentsDir, `${d.name}.png`));
  }
  annexNote = `Documents : ${documents.map((d) => `${d.name}.pdf`).join(", ")} (et .png, .html) dans ${documentsDir}`;
} catch (error) {
  const message = (error as Error).message;
  annexNote = /Chromium introuvable/.test(message)
    ? "Documents : pas de PDF, Chromium est absent (les pages HTML sont écrites dans out/documents/)"
    : `Documents : échec de l'impression — ${message}`;
  if (!/Chromium introuvable/.test(message)) process.exitCode = 1;
}

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
for (const line of [
  ...demoSummary(demo),
  `Classeur : ${path}`,
  `Courriels : ${letters.length} fichiers .eml dans ${join(OUT, "courriels")}`,
  annexNote,
  sidebarsNote,
])
  console.log(`  ${line}`);
const errors = demo.host.log.lines.filter((l) => l.startsWith("ERREUR"));
if (errors.length > 0) {
  console.log(`\n${errors.length} erreur(s) dans le journal d'exécution :\n${errors.join("\n")}`);
  process.exitCode = 1;
}
