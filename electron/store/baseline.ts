import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import type { ProjectState } from "../../shared/model/project.js";
import { applyOperation } from "../../shared/ops/apply.js";
import type { Operation } from "../../shared/ops/operation.js";

/**
 * The naive way to keep a project with lowdb, for the storage benchmark only: apply in memory, then
 * `db.write()` rewrites the whole file (JSONFile: temp file + rename, and no fsync, so it is not even
 * durable). Kept here because electron/store/ is the only folder that may import lowdb.
 */
export async function naiveLowdbStore(file: string, state: ProjectState) {
  const db = new Low<ProjectState>(new JSONFile<ProjectState>(file), state);
  await db.write();
  return {
    async apply(op: Operation): Promise<Operation> {
      const inverse = applyOperation(db.data, op);
      await db.write();
      return inverse;
    },
  };
}
