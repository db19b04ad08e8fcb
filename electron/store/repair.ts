import path from "node:path";
import { TandaiError } from "../../shared/errors.js";
import { planRepair, type RepairChange } from "../../shared/model/repair.js";
import { copyFileAtomic, diskWriteError, fileStamp, fsyncDir, SNAPSHOT_FILE } from "./files.js";
import { ProjectLock } from "./lock.js";
import { SnapshotFile } from "./snapshot.js";
import { DiskProjectStore, type StoreOptions } from "./store.js";

/** What a repair did: each change (see shared/model/repair.ts) and where the damaged file was kept. */
export interface RepairReport {
  changes: RepairChange[];
  /** The damaged project.json, copied unchanged before the repair (a name in the project folder); null when nothing needed repair. */
  kept: string | null;
}

/**
 * What repairing the project in `dir` would change, reading project.json without writing
 * anything. A file whose checksum fails or that is not JSON is refused as before (store.errors.
 * corrupt): its bytes cannot be trusted, so only a backup can stand in for it.
 */
export async function planProjectRepair(dir: string): Promise<RepairChange[]> {
  const snapshot = await new SnapshotFile(path.join(dir, SNAPSHOT_FILE)).read();
  if (!snapshot) throw new TandaiError("store.errors.notAProject", { dir });
  return planRepair(snapshot.state).changes;
}

/**
 * Repairs the contradictions in `dir`'s project.json and opens the project. The damaged file is
 * first copied, as it is, to project.json.broken-<time>; the repaired state is then written as
 * the snapshot the way every compaction writes it (a temp file, fsynced, renamed over, with its
 * checksum), under the project's lock, and the journal is replayed on top as at any open. Until
 * the rename, project.json is the damaged file untouched: a kill loses nothing.
 */
export async function repairProject(dir: string, options: StoreOptions = {}): Promise<{ store: DiskProjectStore; report: RepairReport }> {
  const file = path.join(dir, SNAPSHOT_FILE);
  const lock = await ProjectLock.acquire(dir);
  let report: RepairReport;
  try {
    const snapshot = await new SnapshotFile(file).read();
    if (!snapshot) throw new TandaiError("store.errors.notAProject", { dir });
    const plan = planRepair(snapshot.state);
    report = { changes: plan.changes, kept: null };
    if (plan.changes.length) {
      const kept = `${SNAPSHOT_FILE}.broken-${fileStamp()}`;
      try {
        await copyFileAtomic(file, path.join(dir, kept));
        await new SnapshotFile(file).write({ format: snapshot.format, seq: snapshot.seq, state: plan.state });
        await fsyncDir(dir);
      } catch (error) {
        throw diskWriteError(file, error);
      }
      report.kept = kept;
    }
  } catch (error) {
    await lock.release();
    throw error;
  }
  return { store: await DiskProjectStore.openLocked(dir, lock, options), report };
}
