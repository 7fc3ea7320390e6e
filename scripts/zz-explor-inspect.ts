import ExcelJS from "exceljs";
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile("out/demo.xlsx");
for (const ws of wb.worksheets) {
  const texts = new Set<string>();
  ws.eachRow((row) => row.eachCell((cell) => { const v = cell.value; if (typeof v === "string") texts.add(v); else if (v && typeof v === "object" && "formula" in v) {} }));
  console.log("==", ws.name, [...texts].filter((t) => /[a-z]{3,}/i.test(t)).slice(0, 400).join(" | ").slice(0, 3000));
  // validations
  const dv = (ws as any).dataValidations?.model ?? {};
  console.log("validations:", Object.keys(dv).length, Object.entries(dv).slice(0, 5).map(([k, v]: any) => `${k}:${v.type}`).join(" "));
}
