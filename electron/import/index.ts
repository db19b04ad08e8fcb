import { DocumentKind, type DocumentContent, type ErrorPayload } from "../../shared/index.js";
import { importDocx } from "./docx.js";
import { importError } from "./errors.js";
import { MAX_IMPORT_BYTES, tooLargeParams } from "../../shared/model/limits.js";
import { importPdf } from "./pdf.js";
import { importMarkdown, importPlainText } from "./text.js";

export { MAX_IMPORT_BYTES } from "../../shared/model/limits.js";
export { readImportFile } from "./read.js";

export interface ImportedDocument {
  title: string;
  kind: DocumentKind;
  content: DocumentContent;
  encoding?: string;
  pageCount: number | null;
  /** What the user should know about a file that did import: an assumed encoding, a repaired PDF. */
  notices: ErrorPayload[];
}

export interface ImportOptions {
  /** The encoding to read a .txt/.md file in, chosen by the user; otherwise it is detected. */
  encoding?: string;
}

type Parsed = Omit<ImportedDocument, "title" | "kind" | "notices"> & { notices?: ErrorPayload[] };

const importers: Record<DocumentKind, (file: string, data: Uint8Array, options: ImportOptions) => Promise<Parsed>> = {
  txt: async (file, data, { encoding }) => ({ ...importPlainText(file, data, encoding), pageCount: null }),
  md: async (file, data, { encoding }) => ({ ...importMarkdown(file, data, encoding), pageCount: null }),
  docx: async (file, data) => ({ content: await importDocx(file, data), pageCount: null }),
  pdf: (file, data) => importPdf(file, data),
};

/**
 * Parses one file's bytes, choosing the format by extension (case-insensitive). Throws a
 * TandaiError (code "import.errors.*", params.file = the file's base name) on any bad input.
 */
export async function importDocument(fileName: string, data: Uint8Array, options: ImportOptions = {}): Promise<ImportedDocument> {
  const name = fileName.split(/[\\/]/).pop() || fileName;
  const dot = name.lastIndexOf(".");
  const extension = dot >= 0 ? name.slice(dot + 1).toLowerCase() : "";
  const kind = DocumentKind.safeParse(extension);
  if (!kind.success) throw importError("unsupported", name);
  if (data.byteLength === 0) throw importError("empty", name);
  if (data.byteLength > MAX_IMPORT_BYTES) throw importError("tooLarge", name, tooLargeParams(data.byteLength));
  const { notices = [], ...parsed } = await importers[kind.data](name, data, options);
  return { title: (dot >= 0 ? name.slice(0, dot) : name) || name, kind: kind.data, ...parsed, notices };
}
