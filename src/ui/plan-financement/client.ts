/**
 * The "Plan de financement" sidebar: charges and funders typed or loaded, the plan computed
 * live in the page with the same core the server checks it with, written on request.
 */
import type { FinancingPlan } from "../../core/convention/financing-plan";
import { formatEuros, formatPercent } from "../../core/money";
import { callServer } from "../shared/call-server";
import { byId, el, showFieldError } from "../shared/dom";
import {
  type ChargeDraft,
  checkPlan,
  type FunderKind,
  type PlanDraft,
  type ReceiptDraft,
} from "./plan-input";

interface ReceiptRow {
  name: string;
  kind: FunderKind;
  value: string;
}

const charges: ChargeDraft[] = [];
const receipts: ReceiptRow[] = [];

const KINDS: { value: FunderKind; label: string }[] = [
  { value: "fixed", label: "Montant fixe" },
  { value: "share", label: "Part du total" },
  { value: "solde", label: "Solde" },
];

function valueLabel(kind: FunderKind): string {
  return kind === "share" ? "Part (0,83 ou 83 %)" : "Montant (€)";
}

function fieldBlock(id: string, label: string, control: HTMLElement): HTMLElement {
  return el(
    "div",
    {},
    el("label", { for: id, id: `${id}-libelle` }, label),
    control,
    el("div", { class: "error", id: `${id}-erreur`, role: "alert" }),
  );
}

function textInput(id: string, value: string, onInput: (v: string) => void, attrs = {}): HTMLInputElement {
  const input = el("input", { id, type: "text", autocomplete: "off", ...attrs });
  input.value = value;
  input.addEventListener("input", () => {
    onInput(input.value);
    update();
  });
  return input;
}

function renderCharges(): void {
  const box = byId("charges");
  box.replaceChildren(
    ...charges.map((c, i) => {
      const remove = el("button", { type: "button", "aria-label": `Retirer la dépense ${i + 1}` }, "Retirer");
      remove.addEventListener("click", () => {
        charges.splice(i, 1);
        renderCharges();
        update();
      });
      return el(
        "div",
        { class: "card" },
        fieldBlock(
          `charge-${i}-categorie`,
          `Catégorie ${i + 1}`,
          textInput(`charge-${i}-categorie`, c.category, (v) => {
            charges[i] = { category: v, amount: charges[i]?.amount ?? "" };
          }),
        ),
        fieldBlock(
          `charge-${i}-montant`,
          "Montant (€)",
          textInput(
            `charge-${i}-montant`,
            String(c.amount),
            (v) => {
              charges[i] = { category: charges[i]?.category ?? "", amount: v };
            },
            { inputmode: "decimal", class: "amount" },
          ),
        ),
        el("div", { class: "buttons" }, remove),
      );
    }),
  );
}

function renderReceipts(): void {
  const box = byId("recettes");
  box.replaceChildren(
    ...receipts.map((r, i) => {
      const valueId = `recette-${i}-valeur`;
      const kind = el("select", { id: `recette-${i}-type` });
      for (const k of KINDS)
        kind.append(el("option", { value: k.value, selected: k.value === r.kind }, k.label));
      const value = textInput(
        valueId,
        r.value,
        (v) => {
          r.value = v;
        },
        { inputmode: "decimal", class: "amount", disabled: r.kind === "solde" },
      );
      // A solde has no value to type: its amount is what the plan computes.
      const valueBlock = fieldBlock(valueId, valueLabel(r.kind), value);
      valueBlock.hidden = r.kind === "solde";
      kind.addEventListener("change", () => {
        r.kind = kind.value as FunderKind;
        value.disabled = valueBlock.hidden = r.kind === "solde";
        byId(`${valueId}-libelle`).textContent = valueLabel(r.kind);
        update();
      });
      const remove = el(
        "button",
        { type: "button", "aria-label": `Retirer le financeur ${i + 1}` },
        "Retirer",
      );
      remove.addEventListener("click", () => {
        receipts.splice(i, 1);
        renderReceipts();
        update();
      });
      return el(
        "div",
        { class: "card" },
        fieldBlock(
          `recette-${i}-nom`,
          `Financeur ${i + 1}`,
          textInput(`recette-${i}-nom`, r.name, (v) => {
            r.name = v;
          }),
        ),
        fieldBlock(`recette-${i}-type`, "Type", kind),
        valueBlock,
        el("div", { class: "buttons" }, remove),
      );
    }),
  );
}

function draft(): PlanDraft {
  return {
    charges: [...charges],
    receipts: receipts.map(
      (r): ReceiptDraft =>
        r.kind === "fixed"
          ? { kind: "fixed", name: r.name, amount: r.value }
          : r.kind === "share"
            ? { kind: "share", name: r.name, share: r.value }
            : { kind: "solde", name: r.name },
    ),
  };
}

function planRows(plan: FinancingPlan): HTMLElement[] {
  const line = (label: string, amount: string, percent: string, strong = false) =>
    el(
      "tr",
      strong ? { class: "total" } : {},
      el("td", {}, strong ? el("strong", {}, label) : label),
      el("td", { class: "amount" }, amount),
      el("td", { class: "amount" }, percent),
    );
  const total = formatEuros(plan.total);
  return [
    el(
      "tr",
      {},
      el("th", { scope: "col" }, "Dépenses"),
      el("th", { scope: "col" }, "Montant"),
      el("th", { scope: "col" }, "%"),
    ),
    ...plan.charges.map((c) => line(c.label, formatEuros(c.amount), formatPercent(c.percent / 100))),
    line("TOTAL CHARGES", total, formatPercent(1), true),
    el(
      "tr",
      {},
      el("th", { scope: "col" }, "Recettes"),
      el("th", { scope: "col" }, "Montant"),
      el("th", { scope: "col" }, "%"),
    ),
    ...plan.receipts.map((r) => line(r.label, formatEuros(r.amount), formatPercent(r.percent / 100))),
    line("TOTAL PRODUITS", total, formatPercent(1), true),
  ];
}

/** Recomputes the plan from what is typed: errors by their fields, the balance, the button. */
function update(): void {
  const result = checkPlan(draft());
  const errors = new Map(result.ok ? [] : result.errors.map((e) => [e.key, e.message]));
  for (const input of document.querySelectorAll<HTMLElement>(
    "#charges input, #recettes input, #recettes select",
  )) {
    showFieldError(input, errors.get(input.id as never));
  }
  const status = byId("equilibre");
  const write = byId<HTMLButtonElement>("ecrire");
  byId("ecrit").hidden = true;
  showFieldError(write, undefined);
  if (result.ok) {
    byId("apercu").replaceChildren(...planRows(result.plan));
    status.className = "status ok";
    status.textContent = `Plan équilibré : ${formatEuros(result.plan.total)} de charges et de produits.`;
    write.disabled = false;
  } else {
    byId("apercu").replaceChildren();
    status.className = "status fail";
    status.textContent = result.message;
    write.disabled = true;
  }
}

async function load(): Promise<void> {
  const button = byId<HTMLButtonElement>("charger");
  button.disabled = true;
  showFieldError(button, undefined);
  try {
    const loaded = await callServer("serverChargesPlanFinancement");
    charges.splice(0, charges.length, ...loaded.charges);
    byId("source").textContent = `Dépenses lues dans ${loaded.source}.`;
    renderCharges();
    update();
  } catch (error) {
    showFieldError(button, (error as Error).message);
  } finally {
    button.disabled = false;
  }
}

async function write(): Promise<void> {
  const button = byId<HTMLButtonElement>("ecrire");
  button.disabled = true;
  try {
    const written = await callServer("serverEcrirePlanFinancement", draft());
    const done = byId("ecrit");
    done.textContent = `Plan écrit dans « ${written.sheet} » ${written.range} (total ${written.total}).`;
    done.hidden = false;
  } catch (error) {
    showFieldError(button, (error as Error).message);
  } finally {
    button.disabled = false;
  }
}

byId("charger").addEventListener("click", () => void load());
byId("ajouter-charge").addEventListener("click", () => {
  charges.push({ category: "", amount: "" });
  renderCharges();
  update();
  byId(`charge-${charges.length - 1}-categorie`).focus();
});
byId("ajouter-recette").addEventListener("click", () => {
  receipts.push({ name: "", kind: "fixed", value: "" });
  renderReceipts();
  update();
  byId(`recette-${receipts.length - 1}-nom`).focus();
});
byId("ecrire").addEventListener("click", () => void write());
update();
void load();
