import { promises as fsp } from "node:fs";
import path from "node:path";
import type { Backup } from "../../shared/ipc/contract.js";
import { BACKUPS_DIR, copyFileAtomic, errnoOf, fileStamp, SNAPSHOT_FILE, stampToIso } from "./files.js";

export const KEEP_BACKUPS = 10;

/** project-<stamp>-<seq>.json: sorts by time, and says which operation it stands at. */
const NAME = /^project-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(\d+)\.json$/;

/** When a backup was taken and the change it stands at, from its name; null for any other name. */
export function parseBackupName(file: string): { createdAt: string; seq: number } | null {
  const m = NAME.exec(file);
  return m ? { createdAt: stampToIso(m[1]!), seq: Number(m[2]) } : null;
}

interface Found extends Backup {
  seq: number;
}

async function findBackups(dir: string): Promise<Found[]> {
  let names: string[];
  try {
    names = await fsp.readdir(path.join(dir, BACKUPS_DIR));
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return [];
    throw error;
  }
  const found: Found[] = [];
  for (const file of names) {
    const parsed = parseBackupName(file);
    if (parsed) found.push({ file, ...parsed });
  }
  // Newest first; the name's fixed-width stamp sorts as time does.
  return found.sort((a, b) => (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
}

export async function listBackupFiles(dir: string): Promise<Backup[]> {
  return (await findBackups(dir)).map(({ file, createdAt }) => ({ file, createdAt }));
}

/**
 * Copies the current project.json (which was just written or just validated) into backups/, unless
 * the newest backup already stands at the same operation, and keeps the newest KEEP_BACKUPS.
 * A copy, not a hard link: a link shares the data blocks, and an editor rewriting project.json in
 * place would damage both.
 */
export async function takeBackup(dir: string, seq: number): Promise<void> {
  const existing = await findBackups(dir);
  if (existing[0]?.seq === seq) return;
  await fsp.mkdir(path.join(dir, BACKUPS_DIR), { recursive: true });
  // Names must sort newest first even if two backups share a millisecond or the clock went back.
  let time = Date.now();
  const newest = existing[0] ? Date.parse(existing[0].createdAt) : Number.NEGATIVE_INFINITY;
  if (time <= newest) time = newest + 1;
  const name = `project-${fileStamp(new Date(time))}-${seq}.json`;
  await copyFileAtomic(path.join(dir, SNAPSHOT_FILE), path.join(dir, BACKUPS_DIR, name));
  for (const old of [{ file: name }, ...existing].slice(KEEP_BACKUPS)) {
    await fsp.rm(path.join(dir, BACKUPS_DIR, old.file), { force: true });
  }
}
