import { promises as fsp, type WriteStream } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { TandaiError } from "../../shared/errors.js";
import { checkCancelled, type ExportControl } from "../../shared/export/model.js";
import { CODINGS_COLUMNS, INDICATOR_COLUMNS, type Cell, type Table } from "../../shared/export/tables.js";
import { errnoOf, errorDetail, fsyncDir, tempPathBeside } from "../store/files.js";

/** Rows between two looks at the cancel flag (and two progress reports). */
const CHECK_EVERY = 2_000;
/** Excel cannot hold more in one cell; longer text would make it "repair" the whole file. */
const MAX_CELL_TEXT = 32_767;
/** Rows looked at to size columns: enough to see typical content, cheap at 100k rows. */
const SAMPLE_ROWS = 200;
const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
const WRAPPED_WIDTH = 80;

/**
 * Writes `tables` as one workbook, a sheet per table, streaming rows to disk (a 100k-coding table
 * never exists as a whole workbook in memory). The file is written beside `file` and renamed into
 * place when complete, so `file` is either untouched or whole; on failure or cancel the temp file
 * is removed.
 */
export async function writeXlsx(tables: Table[], file: string, control?: ExportControl): Promise<void> {
  checkCancelled(control);
  const temp = tempPathBeside(file);
  const stream = await openTemp(temp, file);
  // A write error (disk full) is kept for the row loop to see, and ends the wait for the commit,
  // which would otherwise wait forever for a stream that will never finish.
  let streamError: unknown = null;
  const failure = new Promise<never>((_, reject) =>
    stream.on("error", (error) => {
      streamError ??= error;
      reject(error);
    }),
  );
  failure.catch(() => undefined); // handled where it is raced; never an unhandled rejection
  try {
    // Styles for the bold header and wrapped quotes; shared strings would hold every quote in memory.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = workbook.lastModifiedBy = "Tandai";
    const total = tables.reduce((sum, t) => sum + t.rows.length, 0);
    let done = 0;
    for (const table of tables) {
      done = await writeSheet(workbook, table, control, done, total, () => streamError);
    }
    checkCancelled(control);
    await Promise.race([workbook.commit(), failure]);
    await closed(stream); // Windows cannot rename an open file
    await syncFile(temp);
    await fsp.rename(temp, file);
    await fsyncDir(path.dirname(file));
    control?.onProgress?.({ phase: "writing", done: total, total });
  } catch (error) {
    await closed(stream);
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw writeError(file, error);
  }
}

/** Creates the temp file exclusively, so a missing or read-only folder fails before any work. */
async function openTemp(temp: string, file: string): Promise<WriteStream> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(temp, "wx");
  } catch (error) {
    throw writeError(file, error);
  }
  return handle.createWriteStream();
}

/** Stops the stream (if still open) and waits for its file to close. */
function closed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once("close", () => resolve());
    stream.destroy();
  });
}

async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function writeError(file: string, error: unknown): TandaiError {
  if (error instanceof TandaiError) return error;
  const name = path.basename(file);
  const code = errnoOf(error);
  if (code === "ENOENT" || code === "ENOTDIR") return new TandaiError("tables.errors.folderMissing", { file: name });
  return new TandaiError("tables.errors.writeFailed", { file: name, detail: errorDetail(error) });
}

/** One sheet: bold frozen header, sized columns, the quote column wrapped; returns rows done so far. */
async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: Table,
  control: ExportControl | undefined,
  doneBefore: number,
  total: number,
  failed: () => unknown,
): Promise<number> {
  const sheet = workbook.addWorksheet(table.title, { views: [{ state: "frozen", ySplit: 1 }] });
  const wrapped = wrappedColumns(table);
  sheet.columns = columnWidths(table).map((width, i) => (wrapped.has(i) ? { width: WRAPPED_WIDTH, style: { alignment: { wrapText: true, vertical: "top" } } } : { width }));
  const header = sheet.addRow(table.header);
  header.font = { bold: true };
  header.commit();
  let done = doneBefore;
  for (const row of table.rows) {
    sheet.addRow(row.map(excelCell)).commit();
    if (++done % CHECK_EVERY === 0) {
      checkCancelled(control);
      if (failed()) throw failed();
      control?.onProgress?.({ phase: "writing", done, total });
      // Let the zip drain what the sheet has buffered: writes to a sheet do not wait for the disk.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  sheet.commit();
  return done;
}

/** Long text (quotes, memos, verdicts) wraps in a wide column instead of running off the screen. */
function wrappedColumns(table: Table): Set<number> {
  if (table.name === "codings") return new Set([CODINGS_COLUMNS.indexOf("quote"), CODINGS_COLUMNS.indexOf("memo")]);
  if (table.name === "indicators") return new Set([INDICATOR_COLUMNS.indexOf("justification"), INDICATOR_COLUMNS.indexOf("verdict")]);
  return new Set();
}

/**
 * Empty text becomes an empty cell (so ISBLANK and filters on "(Blanks)" find it). Text past
 * Excel's cell limit is cut (the CSV export keeps it whole); a surrogate pair is not split.
 */
function excelCell(cell: Cell): Cell {
  if (cell === "") return null;
  if (typeof cell !== "string" || cell.length <= MAX_CELL_TEXT) return cell;
  let end = MAX_CELL_TEXT - 1;
  if (/[\uD800-\uDBFF]/.test(cell.charAt(end - 1))) end--;
  return cell.slice(0, end) + "…";
}

/** Widths from the header and the first rows, in characters, within bounds. */
function columnWidths(table: Table): number[] {
  return table.header.map((title, c) => {
    let widest = title.length;
    for (const row of table.rows.slice(0, SAMPLE_ROWS)) {
      const cell = row[c];
      if (cell !== null && cell !== undefined) widest = Math.max(widest, String(cell).length);
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}
