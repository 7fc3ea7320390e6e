import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../dev/host";
import { cd62PlanTable } from "../support/cd62";

function withConvention(): Host {
  const host = createHost();
  host.call("onOpen", {});
  host.runMenuItem("Budget de convention…", { kind: "prompt", button: "OK", text: "" });
  return host;
}

const rowOf = (host: Host, sheet: string, label: string) =>
  host.values(sheet).find((r) => r[0] === label) ?? [];

describe("Lianes › Budget de convention… on the local host (CD62 2024)", () => {
  it("lets the Bilan's realised column take amounts only (a rule Sheets applies as one types)", () => {
    const host = withConvention();
    const rule = host.spreadsheet.getSheetByName("Bilan")?.getRange(2, 3).getDataValidation();
    expect(rule?.getCriteriaValues()).toEqual([0, 1_000_000_000_000]);
    expect(rule?.getAllowInvalid()).toBe(false);
    expect(rule?.getHelpText()).toBe("Un montant en euros, de 0 à 1 000 000 000 000.");
  });

  it("writes the budget table with live unit costs and a total of 11 879,54 €", () => {
    const host = withConvention();
    const budget = host.spreadsheet.getSheetByName("Budget CD62");
    expect(rowOf(host, "Budget CD62", "ACC projet de mobilité").slice(0, 5)).toEqual([
      "ACC projet de mobilité",
      8,
      "porteur",
      133.32,
      1066.52,
    ]);
    expect(budget?.getRange(2, 4).getFormula()).toBe("=COUT_UNITAIRE(E2,B2)");
    expect(budget?.getRange(2, 4).getNumberFormat()).toContain("€");
    expect(rowOf(host, "Budget CD62", "Total")[4]).toBe(11879.54);
    expect(budget?.getFrozenRows()).toBe(1);
  });

  it("updates the plan when the budget changes: the tools line's staff part and the programme's share (issue 12 §6)", () => {
    const host = withConvention();
    const budget = host.spreadsheet.getSheetByName("Budget CD62");
    const tools = host.values("Budget CD62").findIndex((r) => r[0] === "Développement d'outils PAM") + 1;
    budget?.getRange(tools, 5).setValue(3600);
    const plan = host.values("Plan de financement");
    const line = (label: string) => plan.find((r) => r.includes(label)) ?? [];
    // 200 € more of staff time on the tools: Coûts RH 8 339,54 €, total 12 079,54 €, CD62 the balance.
    expect(line("Coûts RH").slice(0, 5)).toEqual(["Coûts RH", 8339.54, 0.69, "CD62", 10079.54]);
    expect(line("dont CD62").slice(0, 3)).toEqual(["dont CD62", 10079.54, 0.014]);
    expect(line("dont programme CD62").slice(0, 3)).toEqual(["dont programme CD62", 12079.54, 0.016]);
    expect(line("dont résultat programme CD62")[1]).toBe(0);
  });

  it("balances the financing plan: CD62 9 879,54 € (83 %) and RECITAL 2 000 € (17 %)", () => {
    const host = withConvention();
    const plan = host.values("Plan de financement");
    const line = (label: string) => plan.find((r) => r.includes(label)) ?? [];
    const coutsRh = line("Coûts RH");
    expect(coutsRh.slice(0, 6)).toEqual(cd62PlanTable()[1]);
    expect(line("RECITAL").slice(3, 6)).toEqual(["RECITAL", 2000, 0.17]);
    expect(line("TOTAL CHARGES").slice(0, 6)).toEqual([
      "TOTAL CHARGES",
      11879.54,
      1,
      "TOTAL PRODUITS",
      11879.54,
      1,
    ]);
    expect(host.spreadsheet.getSheetByName("Plan de financement")?.getCharts()).toHaveLength(1);
  });

  it("prorates the subsidy under Article 5 from the realised spending the user types", () => {
    const host = withConvention();
    const bilan = host.spreadsheet.getSheetByName("Bilan");
    const rows = host.values("Bilan");
    const first = rows.findIndex((r) => r[0] === "ACC projet de mobilité") + 1;
    bilan?.getRange(first, 3).setValue(10000);
    expect(rowOf(host, "Bilan", "Subvention due (article 5)")).toContain(8316.43);
  });

  it("refreshes to the same sheets after confirmation, keeping what the user typed", () => {
    const host = withConvention();
    const bilan = host.spreadsheet.getSheetByName("Bilan");
    const first = host.values("Bilan").findIndex((r) => r[0] === "ACC projet de mobilité") + 1;
    bilan?.getRange(first, 3).setValue(1000);
    const before = host.spreadsheet.getSheets().map((s) => s.getName());
    host.runMenuItem(
      "Budget de convention…",
      { kind: "prompt", button: "OK", text: "CD62-2024" },
      { kind: "alert", button: "YES" },
    );
    expect(host.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before);
    expect(host.spreadsheet.getSheetByName("Plan de financement")?.getCharts()).toHaveLength(1);
    expect(rowOf(host, "Bilan", "ACC projet de mobilité")[2]).toBe(1000);
  });
});
