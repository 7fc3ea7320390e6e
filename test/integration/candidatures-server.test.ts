/**
 * The dashboard's server entry points on the local host (no browser): bad requests refused in
 * French, the right row written even after a sort, the menu opening the sidebar.
 */
import { describe, expect, it } from "vitest";
import { runDemo } from "../../dev/demo";
import { EXPLOR_ANSWERS } from "../../dev/fixtures/intake-samples";
import type { FakeForm, Host } from "../../dev/host";
import { callById } from "../../src/core/intake/calls";
import { reviewSheetShape } from "../../src/planning/intake/review-plan";

const call = callById("EXPLOR-2025");
const shape = reviewSheetShape(call);
const HOSTILE = "<img src=x onerror=alert(1)>";

function submit(host: Host, email: string, changes: Record<string, unknown>): void {
  const form = [...host.forms.forms.values()].find((f) => f.getTitle().startsWith("EXPLOR")) as FakeForm;
  const answers: Record<string, unknown> = { ...EXPLOR_ANSWERS, contactEmail: email, ...changes };
  host.submitForm(form, {
    answers: Object.fromEntries(
      call.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.label, String(answers[q.id])]),
    ),
    email,
    timestamp: new Date("2025-06-11T10:00:00+02:00"),
  });
}

/** The demo's workbook plus one application whose answers hold an HTML payload. */
function demoHost(): Host {
  const { host } = runDemo();
  submit(host, "piege2@exemple.fr", { associationNom: HOSTILE, projetResume: HOSTILE });
  return host;
}

function rows(host: Host): unknown[][] {
  return host.values("Candidatures");
}

/** The 1-based sheet row of the application whose association is `name`. */
function rowOf(host: Host, name: string): number {
  const index = rows(host).findIndex((r) => r[shape.applicantColumn] === name);
  if (index < 1) throw new Error(`pas de ligne pour ${name}`);
  return index + 1;
}

describe("Candidatures server entry points (host)", () => {
  const host = demoHost();
  const key = (name: string) => String(rows(host)[rowOf(host, name) - 1]?.[shape.keyColumn]);
  const valid = () => ({
    appel: "EXPLOR-2025",
    cle: key("Oise Coopération"),
    statut: "Retenue",
    instructeur: "Awa D.",
    notes: [4, 4, 4, 4],
    decision: "",
    commentaire: "",
  });

  it.each([
    ["a non-object", "Retenue", /Demande refusée : Donnée invalide : objet attendu/],
    ["an unknown field", { ...valid(), montant: 1 }, /Champ inconnu : « montant »/],
    [
      "a status not in the list",
      { ...valid(), statut: "Acceptée" },
      /Valeur hors de la liste \(Statut\) : « À instruire »/,
    ],
    [
      "a score above the maximum",
      { ...valid(), notes: [6, 4, 4, 4] },
      /Note invalide, attendu un entier de 0 à 5 \(Besoin identifié avec le partenaire\) : « 6 »/,
    ],
    ["a negative score", { ...valid(), notes: [4, -1, 4, 4] }, /\(Qualité du partenariat\) : « -1 »/],
    ["a fractional score", { ...valid(), notes: [4, 4, 2.5, 4] }, /\(Lien avec les ODD\) : « 2,5 »|« 2\.5 »/],
    [
      "a score given as text",
      { ...valid(), notes: ["4", 4, 4, 4] },
      /Donnée invalide \(notes, ligne 1\) : nombre attendu/,
    ],
    [
      "too few scores",
      { ...valid(), notes: [4, 4] },
      /4 note\(s\) attendue\(s\), une par critère \(notes\) : « 2 note\(s\) »/,
    ],
    [
      "a comment over 5 000 characters",
      { ...valid(), commentaire: "x".repeat(5_001) },
      /Texte trop long \(Commentaire interne\) : au plus 5 000 caractères/,
    ],
    [
      "an unknown key",
      { ...valid(), cle: "2025-01-01T00:00:00Z|x|0" },
      /Candidature introuvable dans « Candidatures »/,
    ],
    ["an unknown call", { ...valid(), appel: "XYZ" }, /Appel inconnu/],
  ])("refuses %s in French and changes nothing", (_what, request, message) => {
    const before = rows(host);
    expect(() => host.call("serverCandidatureEnregistrer", request)).toThrow(message);
    expect(rows(host)).toEqual(before);
  });

  it("refuses a dashboard request with extra fields", () => {
    expect(() => host.call("serverCandidaturesTableau", { appel: "EXPLOR-2025", x: 1 })).toThrow(
      /Champ inconnu : « x »/,
    );
    expect(() => host.call("serverCandidatureSuivante", { appel: 3 })).toThrow(
      /Donnée invalide \(appel\) : texte attendu/,
    );
  });

  it("writes to the row holding the key even after the user sorted the sheet", () => {
    const sheet = host.spreadsheet.getSheetByName("Candidatures");
    if (!sheet) throw new Error("pas de feuille");
    const [header, ...body] = rows(host);
    const reversed = [header, ...body.reverse()] as unknown[][];
    sheet.getRange(1, 1, reversed.length, (header ?? []).length).setValues(reversed);
    const target = key("Oise Coopération");
    const answer = host.call("serverCandidatureEnregistrer", valid()) as {
      application: { key: string; row: number };
    };
    const row = rowOf(host, "Oise Coopération");
    expect(answer.application).toMatchObject({ key: target, row });
    expect(rows(host)[row - 1]?.[shape.statusColumn]).toBe("Retenue");
    expect(rows(host).filter((r) => r[shape.statusColumn] === "Retenue")).toHaveLength(3);
  });

  it("opens the sidebar from Lianes › Tableau des candidatures", () => {
    host.runMenuItem("Tableau des candidatures");
    const sidebar = host.ui.sidebars.at(-1) as { getTitle(): string; getContent(): string };
    expect(sidebar.getTitle()).toBe("Tableau des candidatures");
    expect(sidebar.getContent()).toContain('id="instruction"');
  });
});
