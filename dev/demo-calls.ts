/**
 * The demonstration's workbook call: next year's EXPLOR set up by editing a sheet only,
 * through the menus as the finance manager does it (issue 16).
 */
import { EXPLOR_ANSWERS } from "./fixtures/intake-samples";
import type { FakeForm, Host } from "./host";

const CALL_SHEET = "Appel EXPLOR-2026";
export const EXPLOR_2026_REVIEW = "Candidatures EXPLOR-2026";

const ok = (text: string) => ({ kind: "prompt", button: "OK", text }) as const;

/** Types a value in the call sheet, in column B (or another) of the row labelled `first`. */
function edit(host: Host, first: string, value: unknown, column = 2): void {
  const sheet = host.spreadsheet.getSheetByName(CALL_SHEET);
  const row = host.values(CALL_SHEET).findIndex((r) => r[0] === first);
  if (!sheet || row < 0) throw new Error(`${CALL_SHEET} : pas de ligne « ${first} »`);
  sheet.getRange(row + 1, column).setValue(value);
}

/** The answers under the form's labels, which the call sheet gives. */
function byLabel(host: Host, answers: Readonly<Record<string, unknown>>): Record<string, string> {
  const labels = new Map(host.values(CALL_SHEET).map((r) => [r[0], r[1]]));
  return Object.fromEntries(Object.entries(answers).map(([id, v]) => [String(labels.get(id)), String(v)]));
}

/**
 * Duplicates EXPLOR-2025 into `Appel EXPLOR-2026`, sets its dates (opening 01/04/2026, closing
 * 14/06/2026 23:59:59) and its title, builds its form, and submits three applications: on
 * time, one second late, and one with its head office in Paris.
 */
export function explorCall2026(host: Host, step: (text: string) => void): void {
  step(
    "Appel EXPLOR-2026 : Lianes › Paramètres › Dupliquer un appel… (EXPLOR-2025), dates modifiées dans la feuille, Vérifier les paramètres…",
  );
  host.runMenuItem("Dupliquer un appel…", ok("EXPLOR-2025"), ok("EXPLOR-2026"));
  edit(host, "Titre", "EXPLOR 2026 – Hauts-de-France : candidature à une mission d'échange de compétences");
  edit(host, "Ouverture (heure de Paris)", "01/04/2026");
  edit(host, "Clôture (heure de Paris, dernière seconde à l'heure)", "14/06/2026 23:59:59");
  edit(
    host,
    "Message de confirmation",
    "Merci, votre candidature EXPLOR 2026 est enregistrée. L'équipe de Lianes coopération l'instruit en juin et vous répond début juillet 2026.",
  );

  host.runMenuItem("Vérifier les paramètres");
  const verdict = host.ui.alerts.at(-1) ?? "";
  if (!verdict.startsWith("Paramètres en ordre")) throw new Error(`Appel EXPLOR-2026 : ${verdict}`);

  step(
    "Appel EXPLOR-2026 : Lianes › Créer le formulaire…, puis 3 dépôts (à l'heure, une seconde en retard, siège à Paris)…",
  );
  const before = new Set(host.forms.forms.values());
  host.runMenuItem("Créer le formulaire…", ok("EXPLOR-2026"));
  const form: FakeForm | undefined = [...host.forms.forms.values()].find((f) => !before.has(f));
  if (!form) throw new Error("Formulaire EXPLOR-2026 non créé");
  const submit = (email: string, at: string, changes: Record<string, unknown>) =>
    host.submitForm(form, {
      answers: byLabel(host, { ...EXPLOR_ANSWERS, ...changes }),
      email,
      timestamp: new Date(at),
    });
  submit("contact@amis-ouaga.fr", "2026-06-14T23:59:59+02:00", {
    associationNom: "Les Amis de Ouagadougou",
    associationCodePostal: "59000",
    partenairePays: "Burkina Faso",
    contactEmail: "contact@amis-ouaga.fr",
  });
  submit("bonjour@tardive-asso.fr", "2026-06-15T00:00:00+02:00", {
    associationNom: "Tardive mais motivée",
    associationCodePostal: "80000",
    contactEmail: "bonjour@tardive-asso.fr",
  });
  submit("siege@paris-solidaire.fr", "2026-06-02T11:30:00+02:00", {
    associationNom: "Paris Solidaire",
    associationCodePostal: "75011",
    contactEmail: "siege@paris-solidaire.fr",
  });
}

/** `Les Amis de Ouagadougou : Éligible`, … from the review sheet of EXPLOR-2026. */
export function explorCall2026Verdicts(host: Host): string[] {
  const [header = [], ...rows] = host.values(EXPLOR_2026_REVIEW);
  const applicant = header.indexOf("Association");
  const eligibility = header.indexOf("Éligibilité");
  return rows.map((r) => `${String(r[applicant])} : ${String(r[eligibility])}`);
}
