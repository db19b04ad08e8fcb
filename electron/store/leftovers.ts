import { promises as fsp } from "node:fs";
import path from "node:path";
import { BACKUPS_DIR, DOCUMENTS_DIR, errnoOf } from "./files.js";
import { LOCK_LEFTOVER, removeLockLeftovers } from "./lock.js";

/** The folders of a project that atomic writes leave temp files in when the writer is killed. */
const FOLDERS = [".", BACKUPS_DIR, DOCUMENTS_DIR, "exports"];

/** `.<name>.<pid>-<8 hex>.tmp`, the name tempPathBeside gives: only ours is ever removed. */
const TEMP = /^\..+\.\d+-[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temp files killed writers left in the project (a stray one is never read, but each
 * can be as large as the snapshot). Called at open with the lock held, so no other process is
 * writing any of them; the lock's own temp files and claims belong to openers that do not hold the
 * lock, and go only when their process is gone (removeLockLeftovers).
 */
export async function removeLeftovers(dir: string): Promise<void> {
  for (const folder of FOLDERS) {
    const where = path.join(dir, folder);
    let names: string[];
    try {
      names = await fsp.readdir(where);
    } catch (error) {
      if (errnoOf(error) === "ENOENT" || errnoOf(error) === "ENOTDIR") continue;
      throw error;
    }
    if (folder === ".") await removeLockLeftovers(where, names);
    for (const name of names) {
      if (!TEMP.test(name) || LOCK_LEFTOVER.test(name) || name.startsWith(".tandai.lock.")) continue;
      await fsp.rm(path.join(where, name), { force: true }).catch(() => undefined);
    }
  }
}
