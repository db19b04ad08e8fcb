import type { Operation } from "../../../shared/index.js";
import { planRefiImport, type RefiPlan } from "../../../shared/refi/plan.js";
import type { DiskProjectStore } from "../../store/index.js";
import type { RefiProject } from "../../../shared/refi/model.js";
import type { Language } from "../../../shared/i18n/catalogues.js";
import { readRefiProject } from "./read.js";

/** How the file is read: in this thread, or on the import worker (ProjectImporter.readRefi). */
export type RefiReader = (fileName: string, data: Uint8Array) => Promise<RefiProject>;

export { readRefiProject } from "./read.js";

/** File names read as REFI-QDA projects: .qdpx, a bare .qde, and a .qdpx renamed .zip. */
export const isRefiProjectFile = (name: string) => /\.(qdpx|qde|zip)$/i.test(name);

/** Reads the file and plans its import into the store's project, writing nothing: the preview. */
export async function planRefiFile(store: DiskProjectStore, fileName: string, data: Uint8Array, read: RefiReader = readRefiProject, language: Language = "en", now = new Date().toISOString()): Promise<RefiPlan> {
  const project = await read(fileName, data);
  return planRefiImport(store.state, project, fileName.split(/[\\/]/).pop() || fileName, now, language);
}

/**
 * Imports a REFI-QDA project: the whole file is read and planned first (a bad file throws before
 * anything is written), then the new documents' texts are written and every change applied as one
 * batch, one undo step.
 */
export async function importRefiFile<T>(
  store: DiskProjectStore,
  fileName: string,
  data: Uint8Array,
  apply: (op: Operation) => Promise<T> = (op) => store.apply(op) as Promise<T>,
  read: RefiReader = readRefiProject,
  language: Language = "en",
): Promise<{ plan: RefiPlan; applied: T | null }> {
  const plan = await planRefiFile(store, fileName, data, read, language);
  for (const { id, content } of plan.contents) await store.writeDocumentContent(id, content);
  const applied = plan.ops.length ? await apply({ type: "batch", ops: plan.ops }) : null;
  return { plan, applied };
}
