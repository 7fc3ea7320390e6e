/**
 * The `Candidatures` sidebar in the browser: choose the call, read the counts, see the selected
 * application in full, instruct it. Data is shown through text nodes only (see shared/dom).
 */
import { errorMessage } from "../../core/errors";
import { type ReviewerField, readReviewerEntry } from "../../core/intake/reviewer-entry";
import { callServer } from "../shared/call-server";
import { byId, el, showFieldError } from "../shared/dom";
import type { Application, Dashboard } from "./server";

let dashboard: Dashboard | undefined;

const appel = byId<HTMLSelectElement>("appel");
const statut = byId<HTMLSelectElement>("statut");
const instructeur = byId<HTMLInputElement>("instructeur");
const decision = byId<HTMLTextAreaElement>("decision");
const commentaire = byId<HTMLTextAreaElement>("commentaire");
const enregistrer = byId<HTMLButtonElement>("enregistrer");
const saved = byId("enregistre");
const saveError = byId("enregistrer-erreur");

function integerText(n: number): string {
  return n.toLocaleString("fr-FR");
}

function showCounts(d: Dashboard): void {
  const table = byId<HTMLTableElement>("effectifs");
  table.replaceChildren(
    ...d.counts.map((c) => el("tr", {}, el("td", {}, c.status), el("td", {}, integerText(c.count)))),
    ...(d.other > 0
      ? [el("tr", {}, el("td", {}, "Sans statut reconnu"), el("td", {}, integerText(d.other)))]
      : []),
  );
  byId("retenues").replaceChildren(el("strong", {}, d.retainedText));
  const alerte = byId("alerte");
  alerte.textContent = d.warning ?? "";
  alerte.hidden = d.warning === null;
}

function scoreInput(index: number): HTMLInputElement {
  return byId<HTMLInputElement>(`note-${index}`);
}

function showForm(d: Dashboard, a: Application): void {
  statut.replaceChildren(
    ...(d.call.statuses.includes(a.status) ? [] : [el("option", { value: "" }, a.status || "(aucun)")]),
    ...d.call.statuses.map((s) => el("option", { value: s, selected: s === a.status }, s)),
  );
  instructeur.value = a.instructor;
  decision.value = a.decision;
  commentaire.value = a.comment;
  byId("notes").replaceChildren(
    ...d.call.criteria.flatMap((c, i) => {
      const id = `note-${i}`;
      return [
        el("label", { for: id }, `${c.label} (0–${d.call.maxScore}, coefficient ${integerText(c.weight)})`),
        el("input", {
          id,
          type: "text",
          inputmode: "numeric",
          autocomplete: "off",
          value: a.scores[i] === null || a.scores[i] === undefined ? "" : String(a.scores[i]),
        }),
        el("div", { class: "error", id: `${id}-erreur`, role: "alert" }),
      ];
    }),
  );
  byId("score").textContent =
    a.weightedScore === null
      ? "Score pondéré : en attente de toutes les notes"
      : `Score pondéré : ${a.weightedScore.toLocaleString("fr-FR", { minimumFractionDigits: 2 })}`;
  for (const input of [statut, instructeur, decision, commentaire]) showFieldError(input, undefined);
}

function showApplication(d: Dashboard): void {
  const a = d.application;
  byId("note").textContent = d.note ?? "";
  const box = byId("candidature");
  box.hidden = a === null;
  if (!a) return;
  byId("candidat").textContent = a.applicant || "(sans nom)";
  byId("ligne").textContent = `Ligne ${a.row} de la feuille « ${d.call.sheetName} »`;
  byId("calculs").replaceChildren(
    ...a.computed.map((c) => el("tr", {}, el("td", {}, c.label), el("td", {}, c.value))),
  );
  const eligibility = byId("eligibilite");
  eligibility.textContent = a.eligible ? "Éligible" : "Non éligible";
  eligibility.className = a.eligible ? "status ok" : "status fail";
  byId("motifs").replaceChildren(...a.reasons.map((r) => el("li", {}, r)));
  byId("reponses-note").textContent = a.answersNote ?? "";
  byId("reponses").replaceChildren(
    ...a.answers.flatMap((x) => [el("dt", {}, x.label), el("dd", {}, x.value)]),
  );
  showForm(d, a);
}

function show(d: Dashboard): void {
  dashboard = d;
  showCounts(d);
  showApplication(d);
}

async function load(): Promise<void> {
  showFieldError(appel, undefined);
  saved.hidden = true;
  try {
    show(await callServer("serverCandidaturesTableau", { appel: appel.value }));
  } catch (error) {
    showFieldError(appel, errorMessage(error));
  }
}

async function next(): Promise<void> {
  showFieldError(appel, undefined);
  saved.hidden = true;
  const key = dashboard?.application?.key;
  try {
    show(
      await callServer("serverCandidatureSuivante", {
        appel: appel.value,
        ...(key ? { cle: key } : {}),
      }),
    );
  } catch (error) {
    showFieldError(appel, errorMessage(error));
  }
}

/** The input a reviewer-entry problem belongs to. */
function inputOf(key: ReviewerField): HTMLElement | undefined {
  if (key.startsWith("note-")) return scoreInput(Number(key.slice(5)));
  return { statut, instructeur, decision, commentaire, notes: undefined }[key as "statut"];
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  saved.hidden = true;
  saveError.textContent = "";
  const d = dashboard;
  const a = d?.application;
  if (!d || !a) return;
  // The core's reader, the very one the server runs again before writing.
  const read = readReviewerEntry(
    { criteria: d.call.criteria, maxScore: d.call.maxScore, statuses: d.call.statuses },
    {
      statut: statut.value,
      instructeur: instructeur.value,
      notes: d.call.criteria.map((_, i) => scoreInput(i).value),
      decision: decision.value,
      commentaire: commentaire.value,
    },
  );
  const errors = new Map("problems" in read ? read.problems.map((p) => [p.field, p.error.message]) : []);
  const inputs: ReviewerField[] = ["statut", "instructeur", "decision", "commentaire"];
  d.call.criteria.forEach((_, i) => {
    inputs.push(`note-${i}`);
  });
  for (const key of inputs) {
    const input = inputOf(key);
    if (input) showFieldError(input, errors.get(key));
  }
  if ("problems" in read) return;
  const { entry } = read;
  enregistrer.disabled = true;
  try {
    show(
      await callServer("serverCandidatureEnregistrer", {
        appel: d.call.id,
        cle: a.key,
        statut: entry.status,
        instructeur: entry.instructor,
        notes: [...entry.scores],
        decision: entry.decision,
        commentaire: entry.comment,
      }),
    );
    saved.textContent = `Candidature enregistrée (ligne ${dashboard?.application?.row ?? a.row}).`;
    saved.hidden = false;
  } catch (error) {
    saveError.textContent = errorMessage(error);
  } finally {
    enregistrer.disabled = false;
  }
}

async function start(): Promise<void> {
  try {
    const calls = await callServer("serverCandidaturesAppels");
    if (calls.length === 0) {
      showFieldError(
        appel,
        "Aucune feuille d'instruction dans ce classeur : Lianes › Créer le formulaire…, puis Synchroniser les candidatures.",
      );
      return;
    }
    appel.replaceChildren(...calls.map((c) => el("option", { value: c.id }, `${c.id} — ${c.title}`)));
    await load();
  } catch (error) {
    showFieldError(appel, errorMessage(error));
  }
}

appel.addEventListener("change", () => void load());
byId("afficher").addEventListener("click", () => void load());
byId("suivante").addEventListener("click", () => void next());
byId("instruction").addEventListener("submit", (e) => void save(e));
void start();
