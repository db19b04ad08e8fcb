import path from "node:path";
import { planMerge, TandaiError, type DocumentContent, type DocumentId, type MergeChoice, type MergePlan, type ProjectState } from "../../shared/index.js";
import { textHash } from "../import/batch.js";
import { openProject, type DiskProjectStore } from "../store/index.js";
import { isPackage, readPackage } from "./package.js";

/** Another coder's copy, read whole: its state, each document's content and text hash. */
export interface CoderCopy {
  dir: string;
  state: ProjectState;
  contents: Map<DocumentId, DocumentContent>;
  hashes: Map<DocumentId, string>;
}

/** Every document's text hash. */
export async function documentHashes(store: DiskProjectStore): Promise<Map<DocumentId, string>> {
  const hashes = new Map<DocumentId, string>();
  for (const id of Object.keys(store.state.documents) as DocumentId[]) hashes.set(id, textHash((await store.readDocumentContent(id)).text));
  return hashes;
}

/**
 * Reads the copy in `other` (a project folder, or a `.tandai` package file) and closes it at once, so it is never open beside this project (the
 * two locks never wait on each other). Refuses this project's own folder.
 */
export async function readCopy(other: string, self: string): Promise<CoderCopy> {
  const dir = path.resolve(other);
  if (dir === path.resolve(self)) throw new TandaiError("agreement.errors.sameProject", { other: dir });
  if (isPackage(dir)) return readPackage(dir);
  const store = await openProject(dir);
  try {
    const contents = new Map<DocumentId, DocumentContent>();
    for (const id of Object.keys(store.state.documents) as DocumentId[]) contents.set(id, await store.readDocumentContent(id));
    const hashes = new Map([...contents].map(([id, c]) => [id, textHash(c.text)]));
    return { dir, state: JSON.parse(JSON.stringify(store.state)) as ProjectState, contents, hashes };
  } finally {
    await store.close();
  }
}

/**
 * Plans the merge of `copy` into the open project: every conflict resolved by `choices`, or by
 * `fallback` where no choice was given. Writes the added documents' content files when `write`,
 * so the plan's batch can then be applied.
 */
export async function planCopyMerge(store: DiskProjectStore, copy: CoderCopy, choices: Readonly<Record<string, MergeChoice>>, fallback: MergeChoice, write: boolean): Promise<MergePlan> {
  const hashes = { mine: await documentHashes(store), theirs: copy.hashes };
  const preview = planMerge(store.state, copy.state, hashes);
  const all = Object.fromEntries(preview.conflicts.map((c) => [c.key, choices[c.key] ?? fallback]));
  const plan = planMerge(store.state, copy.state, hashes, all);
  if (write) for (const { theirs, mine } of plan.addedDocuments) await store.writeDocumentContent(mine, copy.contents.get(theirs)!);
  return plan;
}
