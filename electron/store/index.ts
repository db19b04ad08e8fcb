/**
 * The on-disk project store: the only module that touches a project's files (and the only one
 * allowed to import lowdb). See store.ts for the design; the layout of a project folder is
 *
 *   project.json          snapshot {format, seq, state}, replaced atomically (lowdb + SnapshotFile)
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
import { isBackupName, listBackupFiles } from "./backups.js";
import {
  BACKUPS_DIR,
  copyFileAtomic,
  diskWriteError,
  errnoOf,
  exists,
  fileStamp,
  fsyncDir,
  JOURNAL_FILE,
  OLD_JOURNAL_FILE,
  SNAPSHOT_FILE,
} from "./files.js";
import { ProjectLock } from "./lock.js";
import { SnapshotFile } from "./snapshot.js";
import { DiskProjectStore, type StoreOptions } from "./store.js";

export { DiskProjectStore, type StoreOptions };
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

/** Opens the project in `dir`: locks it, reads the snapshot, replays the journal and compacts. */
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

/**
 * Makes backup `file` the project's snapshot and opens the project. Nothing is deleted: the current
 * project.json is kept as project.json.broken-<time>. The journal is kept and replayed if it
 * follows on from the backup (then no change is lost); if it does not, or is itself damaged, it is
 * kept aside the same way as journal.jsonl.broken-<time> and the project opens at the backup.
 */
export async function restoreBackup(dir: string, file: string, options: StoreOptions = {}): Promise<DiskProjectStore> {
  const name = path.basename(file);
  const backup = path.join(dir, BACKUPS_DIR, name);
  if (!isBackupName(name) || !(await exists(backup))) throw new TandaiError("store.errors.noSuchBackup", { file });
  // Refuses (store.errors.corrupt naming the backup) before anything is moved.
  await new SnapshotFile(backup).read();
  const lock = await ProjectLock.acquire(dir);
  const stamp = fileStamp();
  const setAside = async (base: string) => {
    const from = path.join(dir, base);
    if (await exists(from)) await fsp.rename(from, path.join(dir, `${base}.broken-${stamp}`));
  };
  try {
    await setAside(SNAPSHOT_FILE);
    await copyFileAtomic(backup, path.join(dir, SNAPSHOT_FILE));
  } catch (error) {
    await lock.release();
    throw diskWriteError(path.join(dir, SNAPSHOT_FILE), error);
  }
  try {
    return await DiskProjectStore.openLocked(dir, lock, options);
  } catch (error) {
    const journalFault =
      error instanceof TandaiError && error.code === "store.errors.corrupt" && [JOURNAL_FILE, OLD_JOURNAL_FILE].includes(path.basename(String(error.params.file)));
    if (!journalFault) throw error;
  }
  // openLocked released the lock on failure: take it again to move the journal aside.
  const again = await ProjectLock.acquire(dir);
  try {
    await setAside(OLD_JOURNAL_FILE);
    await setAside(JOURNAL_FILE);
    await fsyncDir(dir);
  } catch (error) {
    await again.release();
    throw diskWriteError(path.join(dir, JOURNAL_FILE), error);
  }
  return DiskProjectStore.openLocked(dir, again, options);
}
