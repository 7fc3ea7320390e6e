/**
 * A sheet of the local host drawn as Google Sheets shows it, as one HTML page: column letters and
 * row numbers, the cells' values through their number formats in fr-FR (9 879,54 €, 83 %,
 * 15/06/2025), bold, backgrounds, alignment, wrapping, column widths, the frozen rows' line,
 * dropdowns and checkboxes, and the sheet's charts drawn in SVG at their anchor cell.
 * The guide's pictures are screenshots of these pages (dev/guide-pictures.ts).
 */
import { columnLetter } from "../../src/core/a1";
import { escapeHtml } from "../../src/core/documents/html";
import { type ChartSpec, type FakeSheet, WORKBOOK_TIME_ZONE } from "./spreadsheet";

const ROW_HEIGHT = 21;
const DEFAULT_WIDTH = 100;
const HEADER_WIDTH = 46;

export interface SheetHtmlOptions {
  /** Rows and columns drawn at most (the rest is what one would scroll to). */
  readonly maxRows?: number;
  readonly maxColumns?: number;
}

function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === "[object Date]";
}

function number(value: number, digits: number): string {
  return value.toLocaleString("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function dateText(value: Date, format: string): string {
  const withTime = /h/i.test(format);
  const parts = new Intl.DateTimeFormat("fr-FR", {
    timeZone: WORKBOOK_TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" } : {}),
  }).format(value);
  return parts.replace(",", "");
}

/** A value as Sheets in French shows it through the number formats the add-on uses. */
export function formattedValue(value: unknown, format = "General"): string {
  if (value === null || value === undefined || value === "") return "";
  if (isDate(value)) return dateText(value, format === "General" ? "dd/mm/yyyy" : format);
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value !== "number") return String(value);
  if (format === "@") return String(value).replace(".", ",");
  if (format.includes("€")) return `${number(value, format.includes(".00") ? 2 : 0)}\u00a0€`;
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${number(value * 100, percent[1]?.length ?? 0)}\u00a0%`;
  const fixed = /^(?:#,##)?0(?:\.(0+))?$/.exec(format);
  if (fixed) return number(value, fixed[1]?.length ?? 0);
  return value.toLocaleString("fr-FR", { maximumFractionDigits: 10 });
}

interface Cell {
  readonly text: string;
  readonly numeric: boolean;
  readonly style: string;
  readonly widget: "" | "dropdown" | "checkbox-on" | "checkbox-off";
}

function cellOf(sheet: FakeSheet, value: unknown, row: number, column: number, spills: boolean): Cell {
  const f = sheet.formats.get(`${row},${column}`) ?? {};
  const criteria = f.validation?.getCriteriaType();
  const checkbox = criteria === "CHECKBOX";
  const dropdown = criteria === "VALUE_IN_LIST" || criteria === "VALUE_IN_RANGE";
  const numeric = typeof value === "number" || isDate(value);
  const styles = [
    f.fontWeight === "bold" ? "font-weight:600" : "",
    f.background && f.background !== "#ffffff" ? `background:${f.background}` : "",
    f.horizontalAlignment ? `text-align:${f.horizontalAlignment}` : numeric ? "text-align:right" : "",
    f.wrap ? "white-space:pre-wrap" : spills ? "overflow:visible" : "",
  ].filter((s) => s !== "");
  return {
    text: checkbox ? "" : formattedValue(value, f.numberFormat),
    numeric,
    style: styles.join(";"),
    widget: checkbox ? (value === true ? "checkbox-on" : "checkbox-off") : dropdown ? "dropdown" : "",
  };
}

const PALETTE = ["#4285f4", "#ea4335", "#fbbc04", "#34a853", "#ff6d01", "#46bdc6", "#7baaf7", "#f07b72"];

function chartData(
  sheet: FakeSheet,
  spec: ChartSpec,
): { labels: string[]; series: { name: string; values: number[] }[] } {
  const rows = spec.ranges.flatMap((a1) => sheet.getRange(a1).getValues() as unknown[][]);
  const [first = [], ...rest] = rows;
  const hasHeader = first.slice(1).every((v) => typeof v === "string");
  const body = hasHeader ? rest : rows;
  const names = hasHeader
    ? first.slice(1).map(String)
    : (first.slice(1).map((_, i) => `Série ${i + 1}`) as string[]);
  return {
    labels: body.map((r) => String(r[0] ?? "")),
    series: names.map((name, i) => ({
      name,
      values: body.map((r) => (typeof r[i + 1] === "number" ? (r[i + 1] as number) : 0)),
    })),
  };
}

function pieSvg(labels: readonly string[], values: readonly number[], title: string): string {
  const total = values.reduce((a, b) => a + Math.max(b, 0), 0) || 1;
  let angle = -Math.PI / 2;
  const slices = values.map((v, i) => {
    const sweep = (Math.max(v, 0) / total) * Math.PI * 2;
    const [x1, y1] = [150 + 110 * Math.cos(angle), 150 + 110 * Math.sin(angle)];
    angle += sweep;
    const [x2, y2] = [150 + 110 * Math.cos(angle), 150 + 110 * Math.sin(angle)];
    const large = sweep > Math.PI ? 1 : 0;
    const color = PALETTE[i % PALETTE.length];
    return sweep >= Math.PI * 2 - 1e-9
      ? `<circle cx="150" cy="150" r="110" fill="${color}"/>`
      : `<path d="M150,150 L${x1},${y1} A110,110 0 ${large} 1 ${x2},${y2} Z" fill="${color}"/>`;
  });
  const legend = labels.map(
    (l, i) =>
      `<rect x="290" y="${60 + i * 22}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>` +
      `<text x="308" y="${71 + i * 22}">${escapeHtml(l)} — ${escapeHtml(
        number(((values[i] ?? 0) / total) * 100, 0),
      )} %</text>`,
  );
  return `<svg width="520" height="300" viewBox="0 -30 520 330"><text x="10" y="-10" class="title">${escapeHtml(
    title,
  )}</text>${slices.join("")}${legend.join("")}</svg>`;
}

function barSvg(
  labels: readonly string[],
  series: readonly { name: string; values: number[] }[],
  title: string,
  size: { width: number; height: number },
): string {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const height = size.height;
  const rowHeight = (height - 60) / Math.max(labels.length, 1);
  const bar = Math.max(3, Math.min(12, (rowHeight - 4) / series.length));
  const labelWidth = 130;
  const plot = size.width - labelWidth - 60;
  const bars = labels.flatMap((label, i) => {
    const top = 30 + i * rowHeight;
    return [
      `<text x="${labelWidth - 6}" y="${top + (bar * series.length) / 2 + 4}" text-anchor="end">${escapeHtml(label)}</text>`,
      ...series.flatMap((s, k) => {
        const v = s.values[i];
        if (v === undefined || v === 0) return [];
        const w = (Math.max(v, 0) / max) * plot;
        const y = top + k * bar;
        return [
          `<rect x="${labelWidth}" y="${y}" width="${w}" height="${bar - 1}" fill="${PALETTE[k % PALETTE.length]}"/>` +
            `<text x="${labelWidth + w + 4}" y="${y + bar - 2}" class="value">${escapeHtml(formattedValue(v))}</text>`,
        ];
      }),
    ];
  });
  const legend = series.map(
    (s, k) =>
      `<rect x="${labelWidth + k * 140}" y="${height - 16}" width="10" height="10" fill="${PALETTE[k % PALETTE.length]}"/>` +
      `<text x="${labelWidth + 14 + k * 140}" y="${height - 7}">${escapeHtml(s.name)}</text>`,
  );
  return `<svg width="${size.width}" height="${height}"><text x="10" y="18" class="title">${escapeHtml(
    title,
  )}</text>${bars.join("")}${legend.join("")}</svg>`;
}

/** A chart as Sheets draws it, in SVG (pie, bar or column charts, the kinds the add-on builds). */
export function chartSvg(sheet: FakeSheet, spec: ChartSpec): string {
  const { labels, series } = chartData(sheet, spec);
  const title = String(spec.options.title ?? "");
  if (spec.type === "PIE") return pieSvg(labels, series[0]?.values ?? [], title);
  const size = {
    width: typeof spec.options.width === "number" ? spec.options.width : 600,
    height: typeof spec.options.height === "number" ? spec.options.height : 371,
  };
  return barSvg(labels, series, title, size);
}

const STYLE = `
body{margin:0;font:13px Arial,"Liberation Sans",sans-serif;color:#202124;background:#fff}
.tab{font:600 13px Arial,sans-serif;padding:6px 12px;background:#e8f0fe;color:#1a73e8;display:inline-block;border-radius:4px 4px 0 0;margin:8px 0 0 8px}
.grid{position:relative;margin:0 8px 8px 8px;display:inline-block}
table{border-collapse:collapse;table-layout:fixed}
td,th{box-sizing:border-box;border:1px solid #e2e3e3;height:${ROW_HEIGHT - 1}px;padding:0 4px;overflow:hidden;white-space:nowrap;text-overflow:clip;vertical-align:bottom;line-height:18px}
th{background:#f8f9fa;color:#5f6368;font-weight:400;text-align:center;font-size:11px}
tr.frozen td,tr.frozen th{border-bottom:3px solid #c0c4c8}
.dd{float:right;color:#5f6368;font-size:10px;margin-left:4px}
.cb{display:inline-block;width:12px;height:12px;border:1.5px solid #5f6368;border-radius:2px;vertical-align:middle}
.cb.on{background:#1a73e8;border-color:#1a73e8}
.chart{position:absolute;background:#fff;border:1px solid #dadce0;box-shadow:0 1px 3px rgba(0,0,0,.2)}
svg{font:12px Arial,sans-serif;fill:#202124}
svg .title{font-weight:600;font-size:14px}
svg .value{font-size:11px;fill:#5f6368}
`;

/** The sheet as one self-contained HTML page. */
export function sheetHtml(sheet: FakeSheet, options: SheetHtmlOptions = {}): string {
  const rows = Math.max(1, Math.min(sheet.getLastRow(), options.maxRows ?? 60));
  const columns = Math.max(1, Math.min(sheet.getLastColumn(), options.maxColumns ?? 16));
  const values = sheet.getRange(1, 1, rows, columns).getValues();
  const widths = Array.from({ length: columns }, (_, c) => sheet.columnWidths.get(c + 1) ?? DEFAULT_WIDTH);
  const frozen = sheet.getFrozenRows();
  const head = `<tr><th style="width:${HEADER_WIDTH}px"></th>${widths
    .map((w, c) => `<th style="width:${w}px">${columnLetter(c + 1)}</th>`)
    .join("")}</tr>`;
  const body = values
    .map((row, r) => {
      const cells = row.map((value, c) => {
        // As in Sheets, text runs over into the empty cells on its right.
        const spills =
          typeof value === "string" && value !== "" && (row[c + 1] === "" || row[c + 1] === undefined);
        const cell = cellOf(sheet, value, r + 1, c + 1, spills);
        const widget =
          cell.widget === "dropdown"
            ? '<span class="dd">▼</span>'
            : cell.widget === "checkbox-on"
              ? '<span class="cb on"></span>'
              : cell.widget === "checkbox-off"
                ? '<span class="cb"></span>'
                : "";
        return `<td style="${cell.style}">${widget}${escapeHtml(cell.text)}</td>`;
      });
      return `<tr${frozen > 0 && r + 1 === frozen ? ' class="frozen"' : ""}><th>${r + 1}</th>${cells.join("")}</tr>`;
    })
    .join("");
  const widthOf = (c: number) => widths[c] ?? sheet.columnWidths.get(c + 1) ?? DEFAULT_WIDTH;
  const left = (column: number) =>
    HEADER_WIDTH + Array.from({ length: column - 1 }, (_, c) => widthOf(c)).reduce((a, b) => a + b, 0) + 10;
  // The picture takes in the charts, wherever they sit (often right of the last filled column).
  const right = Math.max(
    0,
    ...sheet.charts.map(
      (chart) => left(chart.spec.position.column) + Number(chart.spec.options.width ?? 600) + 12,
    ),
  );
  const bottom = Math.max(
    0,
    ...sheet.charts.map(
      (chart) => chart.spec.position.row * ROW_HEIGHT + Number(chart.spec.options.height ?? 371) + 12,
    ),
  );
  const charts = sheet.charts.map(
    (chart) =>
      `<div class="chart" style="top:${chart.spec.position.row * ROW_HEIGHT}px;left:${left(
        chart.spec.position.column,
      )}px">${chartSvg(sheet, chart.spec)}</div>`,
  );
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(sheet.getName())}</title>` +
    `<style>${STYLE}</style></head><body><div class="tab">${escapeHtml(sheet.getName())}</div>` +
    `<div class="grid" style="min-width:${right}px;min-height:${bottom}px"><table style="width:${HEADER_WIDTH + widths.reduce((a, b) => a + b, 0)}px">${head}${body}</table>${charts.join("")}</div></body></html>`
  );
}
