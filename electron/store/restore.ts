import { promises as fsp } from "node:fs";
import path from "node:path";
import { TandaiError } from "../../shared/errors.js";
import { checkIntegrity, integrityParams } from "../../shared/model/integrity.js";
import { parseBackupName } from "./backups.js";
import { BACKUPS_DIR, copyFileAtomic, diskWriteError, exists, fileStamp, fsyncDir, JOURNAL_FILE, OLD_JOURNAL_FILE, SNAPSHOT_FILE, writeFileAtomic } from "./files.js";
import { journalLine, readJournal } from "./journal.js";
import { ProjectLock } from "./lock.js";
import { SnapshotFile } from "./snapshot.js";
import { DiskProjectStore, type StoreOptions } from "./store.js";

/** What a restore did, for the user: which backup, what was replayed after it, what was kept aside. */
export interface RestoreReport {
  backup: string;
  createdAt: string;
  /** The change the backup stands at. */
  seq: number;
  /** Changes from the journal replayed on top of the backup. */
  replayed: number;
  /** Files moved aside, untouched: `file` is now named `aside` (both names within the project folder). */
  setAside: { file: string; aside: string }[];
  /** The first damaged journal line; it and the lines after it were not replayed (they are in the file set aside). */
  damaged: { file: string; line: number; lines: number; detail: string } | null;
  /** The journal did not follow on from the backup, so none of it was replayed. */
  notFollowing: boolean;
}

const isJournalFault = (error: unknown) =>
  error instanceof TandaiError && error.code === "store.errors.corrupt" && [JOURNAL_FILE, OLD_JOURNAL_FILE].includes(path.basename(String(error.params.file)));

/**
 * Makes backup `file` the project's snapshot and opens the project; the store's `restored` says
 * what happened. Nothing is deleted: the current project.json is kept as project.json.broken-<time>.
 * The journal is replayed on top of the backup as far as it is intact: a damaged line and every
 * line after it cannot be trusted (or applied in order), so the journal is kept aside whole and a
 * new one holds only the intact lines before the damage — acknowledged operations, in order, that
 * are not thrown away. If the journal does not follow on from the backup at all, it is kept aside
 * and the project opens at the backup.
 */
export async function restoreBackup(dir: string, file: string, options: StoreOptions = {}): Promise<DiskProjectStore> {
  const name = path.basename(file);
  const backup = path.join(dir, BACKUPS_DIR, name);
  const named = parseBackupName(name);
  if (!named || !(await exists(backup))) throw new TandaiError("store.errors.noSuchBackup", { file });
  // Refuses (store.errors.corrupt or .integrity, naming the backup) before anything is moved.
  const snapshot = await new SnapshotFile(backup).read();
  const issues = snapshot ? checkIntegrity(snapshot.state) : [];
  if (issues.length) throw new TandaiError("store.errors.integrity", integrityParams(backup, issues));
  const report: RestoreReport = { backup: name, createdAt: named.createdAt, seq: snapshot?.seq ?? named.seq, replayed: 0, setAside: [], damaged: null, notFollowing: false };
  const now = fileStamp();
  const setAside = async (base: string) => {
    const from = path.join(dir, base);
    if (!(await exists(from))) return;
    const aside = `${base}.broken-${now}`;
    await fsp.rename(from, path.join(dir, aside));
    report.setAside.push({ file: base, aside });
  };

  let lock = await ProjectLock.acquire(dir);
  try {
    await setAside(SNAPSHOT_FILE);
    await copyFileAtomic(backup, path.join(dir, SNAPSHOT_FILE));
    await salvageJournals(dir, report, setAside);
  } catch (error) {
    await lock.release();
    throw diskWriteError(path.join(dir, SNAPSHOT_FILE), error);
  }
  let store: DiskProjectStore;
  try {
    store = await DiskProjectStore.openLocked(dir, lock, options);
  } catch (error) {
    if (!isJournalFault(error)) throw error;
    // openLocked released the lock on failure: take it again to move the journal aside.
    lock = await ProjectLock.acquire(dir);
    try {
      report.notFollowing = true;
      if (report.damaged) {
        // The journal now is our copy of the intact lines; the original is already aside.
        await fsp.rm(path.join(dir, JOURNAL_FILE), { force: true });
      } else {
        await setAside(OLD_JOURNAL_FILE);
        await setAside(JOURNAL_FILE);
      }
      await fsyncDir(dir);
    } catch (error) {
      await lock.release();
      throw diskWriteError(path.join(dir, JOURNAL_FILE), error);
    }
    store = await DiskProjectStore.openLocked(dir, lock, options);
  }
  report.replayed = Math.max(0, store.sequence - report.seq);
  store.restored = report;
  return store;
}

/**
 * If journal.old.jsonl or journal.jsonl is damaged, keeps both aside and writes journal.jsonl anew
 * with the lines before the first damage (the old journal's come first: they were written first).
 */
async function salvageJournals(dir: string, report: RestoreReport, setAside: (base: string) => Promise<void>): Promise<void> {
  const old = await readJournal(path.join(dir, OLD_JOURNAL_FILE), false, true);
  const active = await readJournal(path.join(dir, JOURNAL_FILE), true, true);
  const damage = old.damaged ? { file: OLD_JOURNAL_FILE, ...old.damaged } : active.damaged ? { file: JOURNAL_FILE, ...active.damaged } : null;
  if (!damage) return;
  const intact = old.damaged ? old.entries : [...old.entries, ...active.entries];
  if (old.damaged) damage.lines += active.entries.length + (active.damaged?.lines ?? 0);
  report.damaged = damage;
  await setAside(OLD_JOURNAL_FILE);
  await setAside(JOURNAL_FILE);
  await writeFileAtomic(path.join(dir, JOURNAL_FILE), intact.map(({ entry }) => journalLine(entry)).join(""));
  await fsyncDir(dir);
}
