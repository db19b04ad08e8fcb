import { escapeXml } from "../charts/svg.js";
import { formatCodePath } from "../codebook/tree.js";
import type { FrequencyRow, FrequencyTable } from "./frequencies.js";

/** The header texts the grid needs, already in the user's language. */
export interface FrequencyLabels {
  code: string;
  total: string;
  /** The header of a column's count, e.g. "Wawancara 1: n". */
  count(column: string): string;
  /** The header of a column's share of text covered, e.g. "Wawancara 1: % teks". */
  share(column: string): string;
}

/** A share as a percentage in the language's own way ("12.5%", "12,5%"). */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/**
 * The table as rows of text, header first: the code's path, then each column's count and share,
 * then the total's. The one layout of both clipboard forms, so Word and a spreadsheet agree.
 */
export function frequencyGrid(table: FrequencyTable, rows: readonly FrequencyRow[], labels: FrequencyLabels, language: string): string[][] {
  const header = [labels.code];
  for (const column of [...table.columns.map((c) => c.label), labels.total]) header.push(labels.count(column), labels.share(column));
  const body = rows.map((row) => {
    const out = [formatCodePath(row.path)];
    for (const c of [...row.cells, row.total]) out.push(String(c.count), formatShare(c.share, language));
    return out;
  });
  return [header, ...body];
}

/** Tab-separated lines (what a spreadsheet and Word's plain paste read); tabs and breaks in a cell become spaces. */
export function gridToTsv(grid: readonly string[][]): string {
  return grid.map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, " ")).join("\t")).join("\r\n") + "\r\n";
}

/** An HTML <table> (first row as header cells) that pastes into Word as a real table. */
export function gridToHtml(grid: readonly string[][]): string {
  const [header = [], ...body] = grid;
  const cells = (row: readonly string[], tag: "th" | "td") => row.map((cell, i) => `<${tag}${i > 0 ? ' style="text-align:right"' : ""}>${escapeXml(cell)}</${tag}>`).join("");
  return [
    '<table border="1" style="border-collapse:collapse">',
    `<thead><tr>${cells(header, "th")}</tr></thead>`,
    `<tbody>${body.map((row) => `<tr>${cells(row, "td")}</tr>`).join("")}</tbody>`,
    "</table>",
  ].join("");
}
