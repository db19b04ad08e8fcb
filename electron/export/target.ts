import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { TandaiError, translate, type ExportRequest } from "../../shared/index.js";

/** Characters Windows, macOS or Linux refuse in a file name, control characters included. */
// eslint-disable-next-line no-control-regex
export const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** The extension of the file an export writes. */
export const extensionOf = (request: ExportRequest) => request.format;

/**
 * "Padang – Busan — coded summary 2026-11-23.docx": the project, what the file holds and the day,
 * in the export's language, with characters no file system accepts replaced.
 */
export function defaultFileName(projectName: string, request: ExportRequest, now = new Date()): string {
  const what =
    request.kind === "agreement"
      ? translate(request.language, "agreement.export.file")
      : request.kind === "report"
        ? translate(request.language, "export.file.report")
        : request.kind === "chart"
          ? translate(request.language, `export.file.${request.chart}`)
          : translate(request.language, request.format === "xlsx" ? "export.file.workbook" : `export.file.${request.table}`);
  const safe = `${projectName} — ${what} ${now.toISOString().slice(0, 10)}`.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  return `${safe}.${extensionOf(request)}`;
}

/** `path` with the format's extension (added when the user typed a name without it). */
export function withExtension(path: string, request: ExportRequest): string {
  return extname(path).toLowerCase() === `.${extensionOf(request)}` ? path : `${path}.${extensionOf(request)}`;
}

/**
 * A name in `dir` not taken yet: "name.docx", else "name (2).docx", … `taken` holds the paths of
 * exports still being written, which are not on disk yet but will be.
 */
export function freeName(dir: string, name: string, taken: ReadonlySet<string> = new Set()): string {
  const ext = extname(name);
  const base = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? name : `${base} (${n})${ext}`);
    if (!existsSync(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** Checks that the folder to write into exists, before any work is done, naming it if not. */
export async function checkTarget(path: string): Promise<void> {
  const folder = dirname(path);
  const found = await stat(folder).catch(() => null);
  if (!found?.isDirectory()) throw new TandaiError("export.errors.noFolder", { folder });
}

/** The project's `exports` folder, where the web transport saves (it has no save dialog). */
export async function exportsFolder(projectDir: string): Promise<string> {
  const dir = join(projectDir, "exports");
  await mkdir(dir, { recursive: true });
  return dir;
}
