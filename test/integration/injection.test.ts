/**
 * Formula injection (issue 7): every text an applicant or a user typed comes out of every sheet
 * the add-on writes as the text typed — stored as literal text (apostrophe prefix) when Sheets
 * would read it as a formula — and numbers typed as numbers stay numbers.
 */
import { describe, expect, it } from "vitest";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import { createHost, type FakeForm, type Host } from "../../dev/host";
import { MAX_CELL_CHARACTERS } from "../../dev/host/spreadsheet";
import { callById } from "../../src/core/intake/calls";
import { literalText, looksLikeFormula, MAX_CELL_TEXT } from "../../src/core/sheet-text";

/** What a cell shows for a text the add-on wrote: as typed, cut to what the cell holds. */
const shown = (text: string) => (looksLikeFormula(text) ? literalText(text).slice(1) : literalText(text));
/** What the responses sheet holds of an answer: Forms cuts it to what a cell holds (host assumption). */
const stored = (text: string) =>
  text.slice(0, /^['=+\-@]/.test(text) ? MAX_CELL_CHARACTERS - 1 : MAX_CELL_CHARACTERS);

import { FORMULA_PAYLOADS } from "../support/hostile-strings";
import { hostWithForm } from "../support/intake";

const CALL = callById("EXPLOR-2025");
const HOSTILE = FORMULA_PAYLOADS.map((p) => p.text);
/** What fits a sidebar's fields (200 characters). */
const SHORT = HOSTILE.filter((h) => h.length <= 200);

/** The spec, independent of the code under test: what Sheets would not keep as the text typed. */
const FORMULA_LIKE = /^(?:[\t\r\n']|[\s\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*[=+\-@＝＋－＠])/;

interface Contents {
  readonly values: unknown[][];
  /** What was written to each cell (`'=1+1` for text, `=1+1` for a formula). */
  readonly raw: unknown[][];
  readonly formulas: string[][];
}

function contents(host: Host, name: string): Contents {
  const sheet = host.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`Pas de feuille « ${name} »`);
  const hf = host.spreadsheet.hf;
  const id = hf.getSheetId(name);
  if (id === undefined) throw new Error(`Pas de feuille HyperFormula « ${name} »`);
  return {
    values: sheet.getDataRange().getValues(),
    raw: hf.getSheetSerialized(id) as unknown[][],
    formulas: sheet.getDataRange().getFormulas(),
  };
}

/**
 * No cell of the sheet is a formula made of user text, and every text that Sheets would read as
 * a formula was written with its apostrophe. `allowed` tells the add-on's own formulas.
 */
function expectNoInjection(host: Host, name: string, allowed: (formula: string) => boolean): void {
  const { raw, formulas } = contents(host, name);
  const hf = host.spreadsheet.hf;
  const sheet = hf.getSheetId(name) ?? -1;
  const problems: string[] = [];
  raw.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (typeof cell !== "string") return;
      // A custom function's table spilled over the cell: its result, not a written text.
      if (hf.isCellPartOfArray({ sheet, row: r, col: c }) && !formulas[r]?.[c]) return;
      const where = `${name}!R${r + 1}C${c + 1}`;
      if (cell.startsWith("=")) {
        if (!allowed(cell) || HOSTILE.some((h) => h.length > 4 && cell.includes(h.trim())))
          problems.push(`${where} formule : ${cell.slice(0, 80)}`);
      } else if (!cell.startsWith("'") && FORMULA_LIKE.test(cell)) {
        problems.push(`${where} non protégé : ${JSON.stringify(cell.slice(0, 80))}`);
      }
    });
  });
  expect(problems).toEqual([]);
}

/** The cells whose value is exactly `text`, with their raw content and formula. */
function cellsHolding(host: Host, name: string, text: string) {
  const { values, raw, formulas } = contents(host, name);
  const found: { raw: unknown; formula: string }[] = [];
  const hf = host.spreadsheet.hf;
  const sheet = hf.getSheetId(name) ?? -1;
  values.forEach((row, r) => {
    row.forEach((v, c) => {
      // A formula's result spilled over the cell (a custom function's table) is not a written text.
      if (hf.isCellPartOfArray({ sheet, row: r, col: c }) && !formulas[r]?.[c]) return;
      if (v === text) found.push({ raw: raw[r]?.[c], formula: formulas[r]?.[c] ?? "" });
    });
  });
  return found;
}

/** `text` is in the sheet, as text, written literally: value equals it, no formula. */
function expectLiteral(host: Host, name: string, text: string): void {
  const found = cellsHolding(host, name, text);
  expect(found.length, `${name} : ${JSON.stringify(text.slice(0, 60))}`).toBeGreaterThan(0);
  for (const cell of found) {
    expect(cell.formula).toBe("");
    expect(cell.raw).toBe(FORMULA_LIKE.test(text) ? `'${text}` : text);
  }
}

const labelOf = (id: string) => {
  const q = CALL.questions.find((x) => x.id === id);
  if (!q) throw new Error(id);
  return q.label;
};

function byLabel(answers: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    CALL.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.label, String(answers[q.id])]),
  );
}

/** Free-text questions: short texts and paragraphs; those the call checks against a pattern apart. */
const FREE_TEXT = CALL.questions.filter((q) => q.type === "shortText" || q.type === "paragraph");
const UNCHECKED_TEXT = FREE_TEXT.filter((q) => q.validation?.kind !== "pattern");

const withForm = () => hostWithForm("EXPLOR-2025");

function header(host: Host, name: string): string[] {
  return (host.values(name)[0] ?? []).map(String);
}

function column(host: Host, name: string, title: string): unknown[] {
  const i = header(host, name).indexOf(title);
  return host
    .values(name)
    .slice(1)
    .map((r) => r[i]);
}

const REVIEW = CALL.review.sheetName;
const SUMMARY = `Synthèse ${CALL.id}`;
const reviewFormula = (f: string) =>
  /^=HYPERLINK\("#gid=\d+&range=A\d+","Voir la réponse"\)$/.test(f) || /^=IF\(COUNT\([A-Z0-9,]+\)</.test(f);

/**
 * Every hostile text twice: as a readable application (every free-text answer the call does not
 * check against a pattern) and as an unreadable one (every free-text answer, the contact email
 * and the email Forms collected).
 */
function submitAll(host: Host, form: FakeForm): void {
  HOSTILE.forEach((h, i) => {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const readable: Record<string, unknown> = { ...EXPLOR_ANSWERS };
    for (const q of UNCHECKED_TEXT) {
      const max = q.validation?.kind === "maxLength" ? q.validation.max : Number.POSITIVE_INFINITY;
      if (h.length <= max) readable[q.id] = h;
    }
    host.submitForm(form, {
      answers: byLabel(readable),
      email: `candidat${i}@exemple.org`,
      timestamp: new Date(`2025-06-${day}T10:00:${String(i % 60).padStart(2, "0")}+02:00`),
    });
    const unreadable: Record<string, unknown> = { ...EXPLOR_ANSWERS, contactEmail: h };
    for (const q of FREE_TEXT) unreadable[q.id] = h;
    host.submitForm(form, {
      answers: byLabel(unreadable),
      email: h,
      timestamp: new Date(`2025-06-${day}T11:00:${String(i % 60).padStart(2, "0")}+02:00`),
    });
  });
}

describe("formula injection: the intake", () => {
  const { host, form } = withForm();
  submitAll(host, form);
  host.runMenuItem("Synchroniser les candidatures");

  it(`submits ${HOSTILE.length} hostile texts twice: one row each`, () => {
    expect(FORMULA_PAYLOADS.length).toBeGreaterThanOrEqual(20);
    expect(column(host, REVIEW, "Réponse complète").every((l) => l === "Voir la réponse")).toBe(true);
    expect(host.values(REVIEW).length - 1).toBe(HOSTILE.length * 2);
  });

  it("the review sheet holds every hostile text as typed (answers trimmed when read), never a formula", () => {
    const applicants = column(host, REVIEW, "Association");
    for (const h of HOSTILE) {
      // Unreadable rows show the answer as it came; readable ones as read (trimmed).
      for (const text of [h, h.trim()]) {
        const expected = shown(stored(text));
        expect(applicants).toContain(expected);
        expectLiteral(host, REVIEW, expected);
      }
    }
    expectNoInjection(host, REVIEW, reviewFormula);
  });

  it("the answers column quotes the hostile titles inside its text, and a text too long for a cell is cut, not lost", () => {
    const answers = column(host, REVIEW, "Réponses").map(String);
    for (const h of SHORT)
      expect(answers.some((a) => a.includes(`${labelOf("projetTitre")} : ${h.trim()}`))).toBe(true);
    const long = HOSTILE.find((h) => h.length > MAX_CELL_TEXT) ?? "";
    const cut = answers.find((a) => a.includes(long.slice(0, 1000)));
    expect(cut?.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(cut?.endsWith(" caractères)")).toBe(true);
    expect(cut).toContain(" […] (texte tronqué : ");
  });

  it("numbers stay numbers: N°, duration", () => {
    expect(column(host, REVIEW, "N°").every((n) => typeof n === "number")).toBe(true);
    const durations = column(host, REVIEW, "Durée (jours)").filter((d) => d !== "");
    expect(durations.length).toBeGreaterThan(0);
    expect(durations.every((d) => d === 10)).toBe(true);
  });

  it("reviewer texts written by the dashboard, then the summary, stay text", () => {
    const keys = column(host, REVIEW, "Clé").map(String);
    const applicants = column(host, REVIEW, "Association");
    const saved: string[] = [];
    const used = new Set<number>();
    HOSTILE.forEach((h, i) => {
      const row = applicants.findIndex((a, r) => a === shown(stored(h).trim()) && !used.has(r));
      used.add(row);
      const key = keys[row] as string;
      const text = h.length <= 200 ? h : "";
      host.call("serverCandidatureEnregistrer", {
        appel: CALL.id,
        cle: key,
        statut: ["Retenue", "Liste d'attente", "Refusée"][i % 3],
        instructeur: text,
        notes: [i % 6, 5, 0, 3],
        decision: h.length <= 2000 ? h : "",
        commentaire: h.length <= 5000 ? h : "",
      });
      if (h.length <= 200) saved.push(h.trim());
    });
    host.runMenuItem("Synchroniser les candidatures");
    for (const t of saved) {
      expect(column(host, REVIEW, "Instructeur")).toContain(t);
      expect(column(host, REVIEW, "Décision")).toContain(t);
      expect(column(host, REVIEW, "Commentaire interne")).toContain(t);
      expectLiteral(host, REVIEW, t);
      // The summary lists the decided applications: applicant and decision as typed.
      expectLiteral(host, SUMMARY, t);
    }
    expectLiteral(host, SUMMARY, shown(stored(HOSTILE.find((h) => h.length > 200) ?? "").trim()));
    expectNoInjection(host, REVIEW, reviewFormula);
    expectNoInjection(host, SUMMARY, () => false);
    // Scores typed as numbers stay numbers, and the weighted score is computed from them.
    const scores = column(host, REVIEW, "Score pondéré").filter((s) => s !== "");
    expect(scores.length).toBe(HOSTILE.length);
    expect(scores.every((s) => typeof s === "number")).toBe(true);
    const criterion =
      header(host, REVIEW).find((h) => h.startsWith(CALL.review.criteria[1]?.label ?? "?")) ?? "";
    expect(column(host, REVIEW, criterion).filter((s) => s !== "")).toEqual(HOSTILE.map(() => 5));
  });

  it("the responses sheet (written by Forms) keeps every answer as text too", () => {
    const responses = host.spreadsheet.getSheets().find((s) => s.getName().startsWith("Réponses"));
    const name = responses?.getName() ?? "";
    for (const h of SHORT) expect(cellsHolding(host, name, h).length).toBeGreaterThan(0);
    const { formulas } = contents(host, name);
    expect(formulas.flat().filter((f) => f !== "")).toEqual([]);
  });
});

describe("formula injection: the sidebars' servers", () => {
  function hostAt(sheetName: string, a1: string): Host {
    const host = createHost();
    const sheet = host.spreadsheet.insertSheet(sheetName);
    sheet.activate();
    sheet.getRange(a1).activate();
    return host;
  }
  const expense = (libelle: string, montant: string, extra: Record<string, string> = {}) => ({
    categorie: "autre",
    libelle,
    montant,
    devise: "EUR",
    taux: "",
    mois: "",
    jours: "",
    justificatif: { date: "", fournisseur: "", prestation: "", montant: "", ...extra },
  });

  it("calculator: line labels written into the décompte stay text, amounts stay numbers", () => {
    const host = hostAt("Calcul", "B2");
    host.call("serverInsererDecompte", {
      regle: "EXPLOR-HDF-2025",
      titre: "",
      lignes: SHORT.map((h, i) => expense(h, String(i + 1))),
    });
    const { values } = contents(host, "Calcul");
    for (const h of SHORT) expectLiteral(host, "Calcul", h.trim());
    const amounts = values.slice(2, 2 + SHORT.length).map((r) => r[2]);
    expect(amounts).toEqual(SHORT.map((_, i) => i + 1));
    expectNoInjection(host, "Calcul", () => false);
  });

  it("calculator: a mission sheet's title, labels, supplier and service stay text, amounts numbers", () => {
    const host = hostAt("Calcul", "A1");
    const lines = SHORT.slice(0, 12).map((h, i) =>
      expense(h, String(100 + i), { date: "2025-07-01", fournisseur: h, prestation: h, montant: "10" }),
    );
    const { sheet } = host.call("serverRemplirFeuilleMission", {
      regle: "EXPLOR-HDF-2025",
      titre: SHORT[1],
      lignes: lines,
    }) as { sheet: string };
    const title = SHORT[1]?.trim() ?? "";
    expectLiteral(host, sheet, title);
    for (const h of SHORT.slice(0, 12)) expectLiteral(host, sheet, h);
    const { values } = contents(host, sheet);
    const amounts = values.flat().filter((v) => typeof v === "number");
    for (let i = 0; i < 12; i++) expect(amounts).toContain(100 + i);
    expectNoInjection(host, sheet, (f) => /^=(IF|EXPLOR_|SUM)/.test(f));
  });

  it("plan sidebar: charge categories and funder names stay text, amounts and shares numbers", () => {
    const host = hostAt("Plan", "B2");
    const funders = SHORT.slice(0, -1);
    host.call("serverEcrirePlanFinancement", {
      charges: [
        { category: "Frais", amount: 1000 },
        ...SHORT.map((h) => ({ category: `${h}`, amount: "0" })),
      ],
      receipts: [
        ...funders.map((h) => ({ kind: "fixed", name: h, amount: 10 })),
        { kind: "solde", name: SHORT.at(-1) ?? "" },
      ],
    });
    for (const h of SHORT) expectLiteral(host, "Plan", h.trim());
    const { values } = contents(host, "Plan");
    const receipts = values.slice(2).filter((r) => typeof r[5] === "number");
    expect(receipts.length).toBeGreaterThanOrEqual(funders.length);
    expect(values.slice(2).every((r) => r[2] === "" || typeof r[2] === "number")).toBe(true);
    expectNoInjection(host, "Plan", () => false);
  });

  it("convention: text typed in the Bilan's Réalisé column stays text on refresh; numbers and the user's formulas are kept", () => {
    const host = createHost();
    host.call("onOpen", {});
    host.runMenuItem("Budget de convention…", { kind: "prompt", button: "OK", text: "" });
    const bilan = host.spreadsheet.getSheetByName("Bilan");
    if (!bilan) throw new Error("no Bilan");
    const texts = SHORT.slice(0, 8);
    // As a user types text in Sheets: it is text (the host stores `'…` as text).
    texts.forEach((h, i) => {
      bilan.getRange(2 + i, 3).setValue(`'${h}`);
    });
    bilan.getRange(10, 3).setValue(1234.5);
    bilan.getRange(11, 3).setValue("=100+23");
    host.runMenuItem(
      "Budget de convention…",
      { kind: "prompt", button: "OK", text: "CD62-2024" },
      { kind: "alert", button: "YES" },
    );
    const after = host.spreadsheet.getSheetByName("Bilan");
    texts.forEach((h, i) => {
      expect(after?.getRange(2 + i, 3).getValue()).toBe(h);
      expect(after?.getRange(2 + i, 3).getFormula()).toBe("");
    });
    expect(after?.getRange(10, 3).getValue()).toBe(1234.5);
    expect(after?.getRange(11, 3).getFormula()).toBe("=100+23");
    expect(after?.getRange(11, 3).getValue()).toBe(123);
  });
});
