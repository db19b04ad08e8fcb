import type { Operation } from "./operation.js";

/** The operations that change codings and nothing else a list of codes or documents shows. */
const CODINGS_ALONE = new Set<Operation["type"]>(["addCoding", "removeCoding", "recodeCoding", "setStance"]);

/**
 * Whether `op` changes only codings (adds, removes, recodes, re-stances them; a batch of such):
 * the codes, documents, groups and their names stay as they were, only counts move. The renderer's
 * mirror numbers the other changes (`ProjectSnapshot.shape`), so the codebook's tree and the
 * document list's order and title tails, rebuilt after every coding at 200 codes and 2,000
 * documents, are rebuilt only when they can have changed. Anything else counts as a change of
 * shape, memos included (a removed coding's undo brings its memo back): wrong only towards a
 * rebuild.
 */
export function changesCodingsAlone(op: Operation): boolean {
  if (op.type === "batch") return op.ops.every(changesCodingsAlone);
  return CODINGS_ALONE.has(op.type);
}
