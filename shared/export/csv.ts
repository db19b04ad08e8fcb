import type { Cell, Table } from "./tables.js";

/** Excel reads a CSV file as the system's legacy code page unless it starts with a UTF-8 BOM. */
const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A field as RFC 4180 has it: quoted when it holds a comma, a double quote or a line break, with
 * double quotes doubled. Text is otherwise written verbatim. In particular a quote starting with
 * "=", "+", "-" or "@" is NOT prefixed against formula injection: the quote must stay exactly the
 * words of the source (a thesis cites it, tests compare it), and the workbook (xlsx, where text
 * cells are never formulas) is the format offered to people who open exports in Excel.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  const text = typeof cell === "number" ? String(cell) : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (row: readonly Cell[]) => row.map(csvField).join(",") + "\r\n";

/** The table as one CSV text: BOM, header, then rows, each line ended by CRLF. */
export function toCsv(table: Pick<Table, "header" | "rows">): string {
  return BOM + [table.header, ...table.rows].map(csvLine).join("");
}

/**
 * The same text in pieces, for a writer that takes chunks (the store's writeFileAtomic): a
 * 100k-coding table is then never one 70 MB string besides its rows.
 */
export async function* csvChunks(table: Table, linesPerChunk = 1_000): AsyncIterable<string> {
  yield BOM + csvLine(table.header);
  for (let i = 0; i < table.rows.length; i += linesPerChunk) yield table.rows.slice(i, i + linesPerChunk).map(csvLine).join("");
}
