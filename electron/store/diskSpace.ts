import { promises as fsp } from "node:fs";
import path from "node:path";
import { TandaiError } from "../../shared/errors.js";
import { errorDetail, OLD_JOURNAL_FILE, SNAPSHOT_FILE } from "./files.js";

const KIB = 1024;
const MIB = 1024 * KIB;

/** "48 KB", "3.2 MB": the units read the same in both languages. */
export function sizeText(bytes: number): string {
  return bytes < MIB ? `${Math.max(1, Math.ceil(bytes / KIB))} KB` : `${(bytes / MIB).toFixed(1)} MB`;
}

const sizeOf = (file: string) => fsp.stat(file).then((s) => s.size, () => 0);

/**
 * The warning for a journal that could not be folded into project.json: names the file, why, and
 * the free space the fold needs — the new snapshot is written beside the old one before it replaces
 * it, and is about as large as the old one plus the journal.
 */
export async function foldFailed(dir: string, journal: string, error: unknown): Promise<TandaiError> {
  const file = path.join(dir, SNAPSHOT_FILE);
  const needed = (await sizeOf(file)) + (await sizeOf(journal)) + (await sizeOf(path.join(dir, OLD_JOURNAL_FILE)));
  const free = await fsp.statfs(dir).then((s) => s.bavail * s.bsize, () => null);
  const detail = error instanceof TandaiError ? String(error.params.detail ?? error.code) : errorDetail(error);
  return new TandaiError("store.warnings.foldFailed", { file, journal, detail, needed: sizeText(needed), free: free === null ? "?" : sizeText(free) });
}
