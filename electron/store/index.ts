/**
 * The on-disk project store: the only module that touches a project's files (and the only one
 * allowed to import lowdb). See store.ts for the design; the layout of a project folder is
 *
 *   project.json          snapshot {format, seq, layout, codings, state, crc}, replaced atomically
 *                         (lowdb + SnapshotFile): the codings a line per document first (codingLines.ts)
 *   journal.jsonl         one fdatasynced line {seq, at, op} per operation since the snapshot
 *   journal.old.jsonl     only while a background compaction is folding it into project.json
 *   documents/<id>.json   each document's immutable text and blocks
 *   backups/              project-<time>-<seq>.json, the newest 10 snapshots (open, compaction, close)
 *   .tandai.lock          {pid, host, startedAt, dir, token} while a process has the project open
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import { TandaiError } from "../../shared/errors.js";
import type { Backup } from "../../shared/ipc/contract.js";
import { newProjectId } from "../../shared/model/ids.js";
import { emptyProject, type ProjectState } from "../../shared/model/project.js";
import { listBackupFiles } from "./backups.js";
import { BACKUPS_DIR, diskWriteError, errnoOf, fsyncDir, SNAPSHOT_FILE } from "./files.js";
import { ProjectLock } from "./lock.js";
import { DiskProjectStore, type StoreOptions } from "./store.js";

export { DiskProjectStore, type StoreOptions };
export { restoreBackup, type RestoreReport } from "./restore.js";
export { planProjectRepair, repairProject, type RepairReport } from "./repair.js";
/** Atomic, durable whole-file writes, for the few files outside projects (preferences). */
export { writeFileAtomic } from "./files.js";

/** Files an OS or a file manager drops into any folder, and a lock left by a crash during create. */
const IGNORABLE = new Set([".DS_Store", "Thumbs.db", "desktop.ini", ".tandai.lock"]);

/** Creates a new, empty project in `dir`, which must not exist or be empty. */
export async function createProject(dir: string, name: string, options: StoreOptions = {}): Promise<DiskProjectStore> {
  return createProjectWithState(dir, emptyProject(newProjectId(), name.trim(), new Date().toISOString()), options);
}

/** Creates a project holding `state` (the benchmark and tests build large projects this way). */
export async function createProjectWithState(dir: string, state: ProjectState, options: StoreOptions = {}): Promise<DiskProjectStore> {
  let names: string[] = [];
  try {
    names = await fsp.readdir(dir);
  } catch (error) {
    if (errnoOf(error) !== "ENOENT") throw new TandaiError("store.errors.notEmpty", { dir });
  }
  if (names.some((n) => !IGNORABLE.has(n))) throw new TandaiError("store.errors.notEmpty", { dir });
  try {
    await fsp.mkdir(dir, { recursive: true });
    await fsyncDir(path.dirname(path.resolve(dir)));
  } catch (error) {
    throw diskWriteError(dir, error);
  }
  const lock = await ProjectLock.acquire(dir);
  return DiskProjectStore.createLocked(dir, lock, state, options);
}

/**
 * Opens the project in `dir`: locks it, reads the snapshot, replays the journal and compacts. With
 * `deferCheck` (the app's open) it resolves before the snapshot's check, which `store.checked` then
 * reports; see StoreOptions.
 */
export async function openProject(dir: string, options: StoreOptions = {}): Promise<DiskProjectStore> {
  if (!(await isProject(dir))) throw new TandaiError("store.errors.notAProject", { dir });
  const lock = await ProjectLock.acquire(dir);
  return DiskProjectStore.openLocked(dir, lock, options);
}

/** Whether `dir` holds a project.json (however damaged: opening is what checks it). */
export async function isProject(dir: string): Promise<boolean> {
  try {
    return (await fsp.stat(path.join(dir, SNAPSHOT_FILE))).isFile();
  } catch {
    return false;
  }
}

/** The project's backups, newest first. `file` is the name to pass to restoreBackup. */
export async function listBackups(dir: string): Promise<Backup[]> {
  try {
    return await listBackupFiles(dir);
  } catch (error) {
    throw new TandaiError("store.errors.diskRead", { file: path.join(dir, BACKUPS_DIR), detail: String(errnoOf(error) ?? error) });
  }
}
