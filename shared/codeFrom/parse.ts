import { TandaiError } from "../errors.js";
import { LANGUAGES } from "../i18n/catalogues.js";
import { translate } from "../i18n/translate.js";

/**
 * The rows of `tandai code --from`: one coding per CSV row or JSONL line. The columns are those of
 * `tandai export --format csv --table codings` (headed in either language, or by these keys), so a
 * project's codings can be exported and applied again.
 */
export const ROW_FIELDS = ["doc", "quote", "occurrence", "start", "end", "code", "stance", "coder", "memo", "created"] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** Columns of the export that say nothing a coding needs (they follow from the others): read and ignored. */
const IGNORED = ["cases", "indicatorId", "indicator", "page", "paragraph"] as const;

/** Each field's column in the export's codings table (`tables.column.*`); occurrence has its own label. */
const EXPORT_COLUMN: Partial<Record<RowField, string>> = { doc: "document", quote: "quote", start: "start", end: "end", code: "code", stance: "stance", coder: "coder", memo: "memo", created: "created" };

export interface CodingRow {
  /** The row as a spreadsheet numbers it (the header is row 1), or the JSONL line. */
  row: number;
  fields: Partial<Record<RowField, string>>;
}

export type RowFormat = "csv" | "jsonl";

const fold = (name: string) => name.trim().toLocaleLowerCase();

/** Every accepted column name, folded, to its field (null: a column read and ignored). */
function columnNames(): Map<string, RowField | null> {
  const names = new Map<string, RowField | null>();
  const labels = (key: string) => LANGUAGES.map((language) => translate(language, key));
  for (const field of ROW_FIELDS) {
    names.set(fold(field), field);
    const column = EXPORT_COLUMN[field];
    for (const label of column ? [column, ...labels(`tables.column.${column}`)] : labels(`codeFrom.column.${field}`)) names.set(fold(label), field);
  }
  for (const key of IGNORED) for (const label of [key, ...labels(`tables.column.${key}`)]) if (!names.has(fold(label))) names.set(fold(label), null);
  return names;
}

/** The file's format from its name, or the error naming what is accepted. */
export function formatOf(fileName: string): RowFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  throw new TandaiError("codeFrom.errors.format", { file: fileName });
}

class UnclosedQuote extends Error {}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF. */
function* csvRecords(text: string): Generator<string[]> {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0; // Excel's BOM
  const n = text.length;
  while (at < n) {
    const record: string[] = [];
    for (;;) {
      let field = "";
      if (text[at] === '"') {
        at++;
        for (;;) {
          const close = text.indexOf('"', at);
          if (close === -1) throw new UnclosedQuote();
          field += text.slice(at, close);
          at = close + 1;
          if (text[at] === '"') {
            field += '"';
            at++;
          } else break;
        }
      }
      let end = at;
      while (end < n && text[end] !== "," && text[end] !== "\n" && text[end] !== "\r") end++;
      field += text.slice(at, end);
      record.push(field);
      at = end;
      if (text[at] === ",") {
        at++;
        continue;
      }
      if (text[at] === "\r") at++;
      if (text[at] === "\n") at++;
      break;
    }
    yield record;
  }
}

/** Maps a header to fields, or refuses it naming the unknown column and what is accepted. */
function headerFields(header: readonly string[], file: string): (RowField | null)[] {
  const names = columnNames();
  const fields = header.map((column) => {
    const field = names.get(fold(column));
    if (field === undefined) throw new TandaiError("codeFrom.errors.unknownColumn", { file, column, valid: ROW_FIELDS.join(", ") });
    return field;
  });
  for (const field of ["doc", "code"] as const) if (!fields.includes(field)) throw new TandaiError("codeFrom.errors.missingColumn", { file, column: field });
  if (!fields.includes("quote") && !(fields.includes("start") && fields.includes("end"))) throw new TandaiError("codeFrom.errors.noPosition", { file });
  return fields;
}

export interface ParsedRows {
  rows: CodingRow[];
  /** Rows that could not even be read (a line that is not JSON, a row with too many cells). */
  errors: { row: number; error: TandaiError }[];
}

/** Reads the file's rows; a file whose header or structure is wrong is refused as a whole. */
export function parseCodingRows(text: string, format: RowFormat, file: string): ParsedRows {
  const rows: CodingRow[] = [];
  const errors: ParsedRows["errors"] = [];
  if (format === "csv") {
    let fields: (RowField | null)[] | null = null;
    let row = 0;
    const records = csvRecords(text);
    for (;;) {
      row++;
      let next: IteratorResult<string[]>;
      try {
        next = records.next();
      } catch (error) {
        if (error instanceof UnclosedQuote) throw new TandaiError("codeFrom.errors.unclosedQuote", { file, row });
        throw error;
      }
      if (next.done) break;
      const record = next.value;
      if (!fields) {
        fields = headerFields(record, file);
        continue;
      }
      if (record.length === 1 && record[0] === "") continue; // a blank line
      if (record.length > fields.length) {
        errors.push({ row, error: new TandaiError("codeFrom.errors.tooManyCells", { count: record.length, columns: fields.length }) });
        continue;
      }
      const values: CodingRow["fields"] = {};
      record.forEach((value, i) => {
        const field = fields![i];
        if (field && value !== "") values[field] = value;
      });
      rows.push({ row, fields: values });
    }
    if (!fields) throw new TandaiError("codeFrom.errors.noRows", { file });
  } else {
    const names = columnNames();
    const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const row = i + 1;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        errors.push({ row, error: new TandaiError("codeFrom.errors.badJson", { detail: error instanceof Error ? error.message : String(error) }) });
        return;
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        errors.push({ row, error: new TandaiError("codeFrom.errors.notObject", {}) });
        return;
      }
      const values: CodingRow["fields"] = {};
      for (const [key, value] of Object.entries(parsed)) {
        const field = names.get(fold(key));
        if (field === undefined) {
          errors.push({ row, error: new TandaiError("codeFrom.errors.unknownField", { field: key, valid: ROW_FIELDS.join(", ") }) });
          return;
        }
        if (field === null || value === null || value === "") continue;
        if (typeof value !== "string" && typeof value !== "number") {
          errors.push({ row, error: new TandaiError("codeFrom.errors.fieldType", { field: key }) });
          return;
        }
        values[field] = String(value);
      }
      rows.push({ row, fields: values });
    });
  }
  if (rows.length === 0 && errors.length === 0) throw new TandaiError("codeFrom.errors.noRows", { file });
  return { rows, errors };
}
