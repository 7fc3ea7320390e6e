/**
 * The "Calculateur EXPLOR" sidebar: expense lines typed in the page and assessed live with the
 * same core the server checks them with; InfoEuro rates asked of the server; the décompte or a
 * mission sheet written on request. Everything typed is shown through textContent only.
 */
import { type Decimal, isZero, toCents, toNumber } from "../../core/decimal";
import {
  DEFAULT_RULE_SET_ID,
  type LineCeiling,
  RULE_SET_IDS,
  type RuleSet,
  ruleSetById,
  type Stage,
} from "../../core/explor";
import { formatEuros, formatPercent } from "../../core/money";
import { callServer, type ServerResult } from "../shared/call-server";
import { byId, el, showFieldError } from "../shared/dom";
import {
  computeDecompte,
  type ExpenseFields,
  emptyExpense,
  type FieldName,
  isForeign,
  type LineResult,
  OTHER,
  OTHER_LABEL,
} from "./expenses";
import type { CalculatorRequest } from "./server";

/** One line of the form: its controls, what they show, and the pending rate request. */
interface LineView {
  readonly uid: number;
  readonly root: HTMLFieldSetElement;
  readonly legend: HTMLLegendElement;
  readonly inputs: Record<
    Exclude<FieldName, "justificatif-date" | "justificatif-montant">,
    HTMLInputElement | HTMLSelectElement
  > & {
    readonly date: HTMLInputElement;
    readonly fournisseur: HTMLInputElement;
    readonly prestation: HTMLInputElement;
    readonly recu: HTMLInputElement;
  };
  readonly otherBox: HTMLElement;
  readonly foreignBox: HTMLElement;
  readonly daysBox: HTMLElement;
  readonly result: HTMLElement;
  readonly remove: HTMLButtonElement;
  readonly rateNote: HTMLElement;
  rateRequest: number;
  /** The server's answer when InfoEuro had no rate: shown next to the (then empty) rate field. */
  rateError: string | undefined;
  ratePending: boolean;
}

const lines: LineView[] = [];
let nextUid = 1;

function currentStage(): Stage {
  return byId<HTMLSelectElement>("etape").value === "final" ? "final" : "previsionnel";
}

function currentRuleSet(): RuleSet {
  return ruleSetById(byId<HTMLSelectElement>("regle").value || DEFAULT_RULE_SET_ID);
}

function euros(d: Decimal): string {
  return formatEuros(toCents(d));
}

function ceilingText(c: LineCeiling): string {
  return c === "none" ? "sans plafond" : euros(c);
}

function fieldBlock(id: string, label: string, control: HTMLElement, ...extra: HTMLElement[]): HTMLElement {
  return el(
    "div",
    {},
    el("label", { for: id }, label),
    control,
    ...extra,
    el("div", { class: "error", id: `${id}-erreur`, role: "alert" }),
  );
}

function input(id: string, name: string, attrs: Record<string, string> = {}): HTMLInputElement {
  return el("input", { id, name, type: "text", autocomplete: "off", ...attrs });
}

function categoryOptions(select: HTMLSelectElement, ruleSet: RuleSet): void {
  const kept = select.value;
  select.replaceChildren(
    el("option", { value: "" }, "— Choisir —"),
    ...ruleSet.categories.map((c) => el("option", { value: c.key }, c.label)),
    el("option", { value: OTHER }, OTHER_LABEL),
  );
  const stillThere = kept === OTHER || ruleSet.categories.some((c) => c.key === kept);
  select.value = stillThere ? kept : "";
}

function fieldsOf(view: LineView): ExpenseFields {
  const i = view.inputs;
  return {
    categorie: i.categorie.value,
    libelle: i.libelle.value,
    montant: i.montant.value,
    devise: i.devise.value,
    taux: i.taux.value,
    mois: i.mois.value,
    jours: i.jours.value,
    justificatif: {
      date: i.date.value,
      fournisseur: i.fournisseur.value,
      prestation: i.prestation.value,
      montant: i.recu.value,
    },
  };
}

const ERROR_INPUT: Record<FieldName, (v: LineView) => HTMLElement> = {
  categorie: (v) => v.inputs.categorie,
  libelle: (v) => v.inputs.libelle,
  montant: (v) => v.inputs.montant,
  devise: (v) => v.inputs.devise,
  taux: (v) => v.inputs.taux,
  mois: (v) => v.inputs.mois,
  jours: (v) => v.inputs.jours,
  "justificatif-date": (v) => v.inputs.date,
  "justificatif-montant": (v) => v.inputs.recu,
};

function showLine(view: LineView, result: LineResult): void {
  for (const [name, inputOf] of Object.entries(ERROR_INPUT) as [FieldName, (v: LineView) => HTMLElement][]) {
    showFieldError(inputOf(view), result.errors[name]);
  }
  if (view.inputs.taux.value.trim() === "" && (view.rateError || view.ratePending)) {
    showFieldError(view.inputs.taux, view.rateError);
  }
  const line = result.line;
  if (!line?.assessment) {
    view.result.replaceChildren();
    return;
  }
  const a = line.assessment;
  const parts: (string | HTMLElement)[] = [];
  if (line.currency !== "EUR") parts.push(`En euros : ${euros(a.real)} · `);
  parts.push(`Plafond : ${ceilingText(a.ceiling)} · Éligible : `, el("strong", {}, euros(a.eligible)));
  if (line.observation) parts.push(` (${line.observation})`);
  if (line.missingReceipt.length > 0) parts.push(` — manque : ${line.missingReceipt.join(", ")}`);
  view.result.replaceChildren(...parts);
}

/** Recomputes everything from the controls: what the user sees is always the whole form's state. */
function update(): void {
  const ruleSet = currentRuleSet();
  lines.forEach((view, i) => {
    const category = ruleSet.categories.find((c) => c.key === view.inputs.categorie.value);
    view.legend.textContent = `Dépense ${i + 1}`;
    view.remove.setAttribute("aria-label", `Supprimer la dépense ${i + 1}`);
    view.otherBox.hidden = view.inputs.categorie.value !== OTHER;
    view.daysBox.hidden = !category?.daily;
    view.foreignBox.hidden = !isForeign(view.inputs.devise.value);
  });
  const decompte = computeDecompte(
    ruleSet,
    lines.map((v) => fieldsOf(v)),
    currentStage(),
  );
  decompte.lines.forEach((result, i) => {
    const view = lines[i];
    if (view) showLine(view, result);
  });
  const totals = decompte.totals;
  byId("total-reel").textContent = totals ? euros(totals.real) : "—";
  byId("total-eligible-avant").textContent = totals ? euros(totals.eligibleBeforeCap) : "—";
  byId("total-eligible").textContent = totals ? euros(totals.eligible) : "—";
  byId("prise-en-charge").textContent = totals ? formatEuros(totals.contribution) : "—";
  byId("reste").textContent = totals ? formatEuros(totals.remainder) : "—";
  const notes = totals
    ? [
        totals.capObservation ? `${totals.capObservation.replace(/^p/, "P")}.` : "",
        !isZero(ruleSet.fixedFee)
          ? `Le reste à charge comprend les frais fixes de ${euros(ruleSet.fixedFee)} par mission.`
          : "",
      ]
    : [decompte.totalError ?? "Corrigez les erreurs signalées pour voir les totaux."];
  byId("totaux-etat").textContent = notes.filter((n) => n !== "").join(" ");
}

function describeRuleSet(): void {
  const r = currentRuleSet();
  const cap = r.missionCap ? `total éligible plafonné à ${euros(r.missionCap)}` : "sans plafond de mission";
  const share = formatPercent(toNumber(r.shareRate));
  byId("regle-resume").textContent = `${r.label} : ${cap}, prise en charge ${share}${
    r.maxContribution ? ` dans la limite de ${euros(r.maxContribution)}` : ""
  }.`;
}

/** Asks InfoEuro (through the server) for the line's rate when its currency and month are known. */
async function fillRate(view: LineView): Promise<void> {
  const devise = view.inputs.devise.value.trim();
  const mois = view.inputs.mois.value.trim();
  if (!isForeign(devise) || !/^[A-Za-z]{3}$/.test(devise) || mois === "") return;
  const ticket = ++view.rateRequest;
  // The previous rate belongs to another month or currency: it no longer counts.
  view.inputs.taux.value = "";
  view.rateError = undefined;
  view.ratePending = true;
  view.rateNote.textContent = "Recherche du taux InfoEuro…";
  update();
  try {
    const found = await callServer("serverTauxInfoEuro", devise, mois);
    if (ticket !== view.rateRequest) return;
    view.inputs.taux.value = String(found.rate).replace(".", ",");
    view.rateNote.textContent = `Taux InfoEuro de ${found.month} (modifiable).`;
  } catch (error) {
    if (ticket !== view.rateRequest) return;
    view.rateError = (error as Error).message;
    view.rateNote.textContent = "";
  }
  view.ratePending = false;
  update();
}

function addLine(fields: ExpenseFields = emptyExpense()): void {
  const uid = nextUid++;
  const id = (name: string) => `l${uid}-${name}`;
  const categorie = el("select", { id: id("categorie"), name: "categorie" });
  categoryOptions(categorie, currentRuleSet());
  categorie.value = fields.categorie;
  const inputs = {
    categorie,
    libelle: input(id("libelle"), "libelle", { maxlength: "200" }),
    montant: input(id("montant"), "montant", { inputmode: "decimal", maxlength: "40" }),
    devise: input(id("devise"), "devise", { maxlength: "3", size: "4", autocapitalize: "characters" }),
    taux: input(id("taux"), "taux", { inputmode: "decimal", maxlength: "40" }),
    mois: input(id("mois"), "mois", { type: "month", placeholder: "AAAA-MM" }),
    jours: input(id("jours"), "jours", { inputmode: "numeric", maxlength: "10" }),
    date: input(id("justificatif-date"), "justificatif-date", { type: "date" }),
    fournisseur: input(id("fournisseur"), "fournisseur", { maxlength: "200" }),
    prestation: input(id("prestation"), "prestation", { maxlength: "200" }),
    recu: input(id("justificatif-montant"), "justificatif-montant", {
      inputmode: "decimal",
      maxlength: "40",
    }),
  };
  inputs.libelle.value = fields.libelle;
  inputs.montant.value = fields.montant;
  inputs.devise.value = fields.devise;
  inputs.taux.value = fields.taux;
  inputs.mois.value = fields.mois;
  inputs.jours.value = fields.jours;

  const legend = el("legend", {});
  const rateNote = el("div", { class: "muted", id: id("taux-source") });
  const otherBox = fieldBlock(id("libelle"), "Libellé de la dépense", inputs.libelle);
  const daysBox = fieldBlock(id("jours"), "Jours de mission (per diem)", inputs.jours);
  const foreignBox = el(
    "div",
    {},
    fieldBlock(id("mois"), "Mois du taux (paiement)", inputs.mois),
    fieldBlock(id("taux"), "Taux InfoEuro (unités pour 1 €)", inputs.taux, rateNote),
  );
  const result = el("div", { class: "muted", "aria-live": "polite", "data-role": "resultat" });
  const remove = el("button", { type: "button" }, "Supprimer");
  const receipt = el(
    "details",
    {},
    el("summary", {}, "Justificatif"),
    fieldBlock(id("justificatif-date"), "Date", inputs.date),
    fieldBlock(id("fournisseur"), "Fournisseur", inputs.fournisseur),
    fieldBlock(id("prestation"), "Prestation", inputs.prestation),
    fieldBlock(id("justificatif-montant"), "Montant du justificatif", inputs.recu),
  );
  const root = el(
    "fieldset",
    { class: "card ligne" },
    legend,
    fieldBlock(id("categorie"), "Catégorie", categorie),
    otherBox,
    el(
      "div",
      { class: "row" },
      fieldBlock(id("montant"), "Montant", inputs.montant),
      fieldBlock(id("devise"), "Devise", inputs.devise),
    ),
    foreignBox,
    daysBox,
    receipt,
    result,
    el("div", { class: "buttons" }, remove),
  );
  const view: LineView = {
    uid,
    root,
    legend,
    inputs,
    otherBox,
    foreignBox,
    daysBox,
    result,
    remove,
    rateNote,
    rateRequest: 0,
    rateError: undefined,
    ratePending: false,
  };
  root.addEventListener("input", () => update());
  root.addEventListener("change", () => update());
  inputs.taux.addEventListener("input", () => {
    view.rateRequest++;
    view.rateError = undefined;
    view.ratePending = false;
    rateNote.textContent = "Taux saisi à la main.";
  });
  inputs.devise.addEventListener("change", () => void fillRate(view));
  inputs.mois.addEventListener("change", () => void fillRate(view));
  remove.addEventListener("click", () => {
    const at = lines.indexOf(view);
    if (at >= 0) lines.splice(at, 1);
    root.remove();
    update();
    byId("ajouter").focus();
  });
  lines.push(view);
  byId("lignes").append(root);
  update();
}

function request(): CalculatorRequest {
  return {
    regle: currentRuleSet().id,
    etape: currentStage(),
    titre: byId<HTMLInputElement>("titre").value,
    lignes: lines.map((v) => fieldsOf(v)),
  };
}

function status(message: string, ok: boolean): void {
  const box = byId("statut");
  box.hidden = false;
  box.className = `status ${ok ? "ok" : "fail"}`;
  box.textContent = message;
}

async function send<K extends "serverInsererDecompte" | "serverRemplirFeuilleMission">(
  button: HTMLButtonElement,
  server: K,
  done: (answer: ServerResult<K>) => string,
): Promise<void> {
  update();
  if (byId("total-reel").textContent === "—") {
    status("Corrigez les erreurs signalées avant d'écrire dans la feuille.", false);
    const invalid = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    return;
  }
  button.disabled = true;
  try {
    status(done(await callServer(server, request())), true);
  } catch (error) {
    status((error as Error).message, false);
  } finally {
    button.disabled = false;
  }
}

function start(): void {
  const regle = byId<HTMLSelectElement>("regle");
  regle.replaceChildren(...RULE_SET_IDS.map((id) => el("option", { value: id }, ruleSetById(id).label)));
  regle.value = DEFAULT_RULE_SET_ID;
  regle.addEventListener("change", () => {
    const ruleSet = currentRuleSet();
    for (const view of lines) categoryOptions(view.inputs.categorie as HTMLSelectElement, ruleSet);
    describeRuleSet();
    update();
  });
  byId("etape").addEventListener("change", () => update());
  byId("ajouter").addEventListener("click", () => {
    addLine();
    lines[lines.length - 1]?.inputs.categorie.focus();
  });
  const insert = byId<HTMLButtonElement>("inserer");
  insert.addEventListener(
    "click",
    () => void send(insert, "serverInsererDecompte", (a) => `Décompte inséré en ${a.sheet}!${a.range}.`),
  );
  const fill = byId<HTMLButtonElement>("remplir");
  fill.addEventListener(
    "click",
    () => void send(fill, "serverRemplirFeuilleMission", (a) => `Feuille « ${a.sheet} » créée.`),
  );
  describeRuleSet();
  addLine();
}

start();
