import { TandaiError } from "../../../shared/index.js";
import type enRefi from "../../../shared/i18n/en/refi.js";

export type RefiErrorKey = keyof (typeof enRefi)["errors"];

/** A TandaiError with code `refi.errors.<key>`, naming the file. */
export function refiError(key: RefiErrorKey, file: string, extra: Record<string, string | number> = {}): TandaiError {
  return new TandaiError(`refi.errors.${key}`, { ...extra, file });
}
