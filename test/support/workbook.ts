/**
 * Sheet layouts written into the local host's spreadsheet, to read them as Sheets computes them
 * (formulas by HyperFormula, the add-on's functions by the built bundle).
 */
import { createHost } from "../../dev/host";
import { writeLayout } from "../../src/addon/sheets";
import type { SheetLayout } from "../../src/planning/sheet-layout";

/** A cell's computed value: `value("Bilan", "B17")`; an error reads `#ERROR!: its message`. */
export type WorkbookValue = (sheet: string, address: string) => unknown;

/** `services` replaces the bundle's globals, e.g. tripwires to prove custom functions touch none. */
export function evaluateWorkbook(
  layouts: readonly SheetLayout[],
  services?: Record<string, unknown>,
): WorkbookValue {
  const host = createHost(services ? { services } : {});
  for (const layout of layouts) {
    const sheet = host.spreadsheet.insertSheet(layout.name);
    writeLayout(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, layout);
  }
  return (sheetName, address) => {
    const sheet = host.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const range = sheet.getRange(address);
    const value = range.getValue();
    return value === "#ERROR!" ? `#ERROR!: ${sheet.errorAt(range.getRow(), range.getColumn())}` : value;
  };
}
