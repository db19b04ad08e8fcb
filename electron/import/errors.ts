import { TandaiError, type ErrorPayload } from "../../shared/index.js";
import type enImport from "../../shared/i18n/en/import.js";

/** A catalogue key without its plural suffix, as it is looked up (the form is chosen by `count`). */
type PluralBase<K> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;

export type ImportErrorKey = PluralBase<keyof (typeof enImport)["errors"]>;
export type ImportNoticeKey = PluralBase<keyof (typeof enImport)["notices"]>;

/** A TandaiError with code `import.errors.<key>`; every import error names the file. */
export function importError(key: ImportErrorKey, file: string, extra: Record<string, string | number> = {}): TandaiError {
  return new TandaiError(`import.errors.${key}`, { ...extra, file });
}

/** A word about a file that did import (`import.notices.<key>`): an assumed encoding, a repaired file. */
export function importNotice(key: ImportNoticeKey, file: string, extra: Record<string, string | number> = {}): ErrorPayload {
  return { code: `import.notices.${key}`, params: { ...extra, file } };
}

/** The message of whatever a parser threw, for the record (messages do not show it). */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
