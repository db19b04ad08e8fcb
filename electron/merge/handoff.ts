import { existsSync } from "node:fs";
import { handoffState, TandaiError, type DocumentContent, type DocumentId, type ProjectState } from "../../shared/index.js";
import { createProjectWithState, type DiskProjectStore } from "../store/index.js";
import { isPackage, readPackage, writePackage } from "./package.js";

export interface HandoffResult {
  dir: string;
  package: boolean;
  documents: number;
  codes: number;
  codings: number;
}

const countsOf = (state: ProjectState) => ({ documents: Object.keys(state.documents).length, codes: Object.keys(state.codes).length, codings: Object.keys(state.codings).length });

/** Writes `state` with `contents` as a new project folder. */
async function writeFolder(target: string, state: ProjectState, read: (id: DocumentId) => Promise<DocumentContent>) {
  const copy = await createProjectWithState(target, state);
  try {
    for (const id of Object.keys(state.documents) as DocumentId[]) await copy.writeDocumentContent(id, await read(id));
  } finally {
    await copy.close();
  }
}

/** The copy for a second coder, from the open project: a new folder, or one `.tandai` package when `target` ends so. */
export async function handOff(store: DiskProjectStore, target: string, dropCodings: boolean): Promise<HandoffResult> {
  const state = handoffState(store.state, dropCodings);
  if (isPackage(target)) {
    if (existsSync(target)) throw new TandaiError("agreement.errors.targetExists", { path: target });
    const contents = new Map<DocumentId, DocumentContent>();
    for (const id of Object.keys(state.documents) as DocumentId[]) contents.set(id, await store.readDocumentContent(id));
    await writePackage(target, state, contents);
    return { dir: target, package: true, ...countsOf(state) };
  }
  await writeFolder(target, state, (id) => store.readDocumentContent(id));
  return { dir: target, package: false, ...countsOf(state) };
}

/** A package received, unpacked into a new project folder to code in. */
export async function unpackPackage(file: string, target: string): Promise<HandoffResult> {
  const { state, contents } = await readPackage(file);
  await writeFolder(target, state, async (id) => contents.get(id)!);
  return { dir: target, package: false, ...countsOf(state) };
}
