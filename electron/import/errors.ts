import { TandaiError } from "../../shared/index.js";
import type enImport from "../../shared/i18n/en/import.js";

export type ImportErrorKey = keyof (typeof enImport)["errors"];

/** A TandaiError with code `import.errors.<key>`; every import error names the file. */
export function importError(key: ImportErrorKey, file: string, extra: Record<string, string | number> = {}): TandaiError {
  return new TandaiError(`import.errors.${key}`, { ...extra, file });
}

/** The message of whatever a parser threw, for the record (messages do not show it). */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
