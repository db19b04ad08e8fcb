import {
  addTemplateOps,
  applyOperation,
  batch,
  newCaseId,
  type CodeId,
  type DocumentMeta,
  type ProjectState,
  type Stance,
} from "../../../shared/index.js";
import { coding, documentMeta, NOW, project } from "../fixtures.js";

/**
 * A small thesis project: three interviews, two cases (Padang – Ba Ria-Vung Tau holds A and B,
 * a second case holds B and C, so B belongs to both), and the given template frameworks added
 * the way the app adds them.
 */
export function world(frameworkIds: string[] = ["kuznetsov", "keating"]) {
  const state: ProjectState = project();
  const docs: Record<"a" | "b" | "c", DocumentMeta> = {
    a: documentMeta("Wawancara Bappeda", 1000),
    b: documentMeta("Wawancara Biro Kerja Sama", 1000),
    c: documentMeta("Wawancara Dinas Pariwisata", 1000),
  };
  for (const doc of Object.values(docs)) applyOperation(state, { type: "addDocument", document: doc }, NOW);
  const padang = newCaseId();
  const other = newCaseId();
  applyOperation(state, { type: "addCase", case: { id: padang, name: "Padang – Ba Ria-Vung Tau", documentIds: [docs.a.id, docs.b.id], createdAt: NOW } }, NOW);
  applyOperation(state, { type: "addCase", case: { id: other, name: "Bukittinggi – Kuala Lumpur", documentIds: [docs.b.id, docs.c.id], createdAt: NOW } }, NOW);
  for (const id of frameworkIds) applyOperation(state, batch(addTemplateOps(state, id, "id", NOW)), NOW);

  /** The code the template linked to an indicator. */
  const codeFor = (indicatorId: string): CodeId => {
    const found = Object.values(state.codes).find((c) => c.indicatorId === indicatorId);
    if (!found) throw new Error(`no code linked to ${indicatorId}`);
    return found.id;
  };
  let at = 0;
  /** Codes a fresh passage of `doc` to the indicator's code; returns the coding's id. */
  const code = (doc: DocumentMeta, indicatorId: string, stance: Stance = "supports") => {
    const c = coding(doc.id, codeFor(indicatorId), at, at + 10, { stance });
    at = (at + 10) % 990;
    applyOperation(state, { type: "addCoding", coding: c }, NOW);
    return c.id;
  };
  return { state, docs, padang, other, codeFor, code };
}

export type World = ReturnType<typeof world>;

export { roundTrip } from "../operationChecks.js";
