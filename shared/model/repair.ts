import { memoKey, type Coding, type ProjectState } from "./project.js";

/**
 * What a repair does to one record, named so the user can judge it before saying yes:
 * - fixId: a record kept under key K whose `id` says otherwise gets `id` = K (every reference is
 *   looked up by key, so the key is what the rest of the project agrees on);
 * - dropCoding: a coding whose document or code is gone, or whose range is empty or starts past
 *   its document's end, is removed;
 * - trimCoding: a coding that runs past its document's end is cut at the end;
 * - detachCode: a code whose parent is gone, or whose parents loop back to it, becomes top-level;
 * - dropCaseDocument: a case's (or document group's) reference to a gone document is removed;
 * - dropMemo: a memo on something that is gone (or kept under the wrong key, where the right one
 *   is taken) is removed; rekeyMemo: a memo kept under the wrong key moves to its target's key.
 * `where` is the path in project.json, `found` what is there and `becomes` what it will be
 * (both language-neutral, as IntegrityIssue's); the translated words are repair.changes.<kind>.
 */
export type RepairKind = "fixId" | "dropCoding" | "trimCoding" | "detachCode" | "dropCaseDocument" | "dropMemo" | "rekeyMemo";

export interface RepairChange {
  kind: RepairKind;
  where: string;
  found: string;
  becomes?: string;
}

export interface RepairPlan {
  changes: RepairChange[];
  /** The state after every change; checkIntegrity finds nothing in it. The input is not touched. */
  state: ProjectState;
}

/**
 * Plans the repair of every contradiction checkIntegrity reports: pure, over a copy of `state`.
 * What is dropped is only what points nowhere or cannot be placed — an honest project has none —
 * and what is fixed keeps as much as the damaged file still says.
 */
export function planRepair(input: ProjectState): RepairPlan {
  // The state is JSON (it is read from project.json): a JSON round trip is a deep copy.
  const state = JSON.parse(JSON.stringify(input)) as ProjectState;
  const changes: RepairChange[] = [];
  const change = (kind: RepairKind, where: string, found: string, becomes?: string) => changes.push(becomes === undefined ? { kind, where, found } : { kind, where, found, becomes });

  for (const area of ["documents", "codes", "cases", "attributes", "frameworks", "codings"] as const) {
    for (const [key, record] of Object.entries(state[area] as Record<string, { id: string }>)) {
      if (record.id !== key) {
        change("fixId", `${area}.${key}.id`, `“${record.id}”`, `“${key}”`);
        record.id = key;
      }
    }
  }

  for (const [key, coding] of Object.entries(state.codings) as [string, Coding][]) {
    const doc = state.documents[coding.documentId];
    const drop = (where: string, found: string) => {
      change("dropCoding", `codings.${key}.${where}`, found);
      delete (state.codings as Record<string, Coding>)[key];
    };
    if (!doc) drop("documentId", `“${coding.documentId}”`);
    else if (!state.codes[coding.codeId]) drop("codeId", `“${coding.codeId}”`);
    else if (coding.start >= coding.end) drop("start", `${coding.start} ≥ ${coding.end}`);
    else if (coding.start >= doc.length) drop("start", `${coding.start} ≥ ${doc.length}`);
    else if (coding.end > doc.length) {
      change("trimCoding", `codings.${key}.end`, `${coding.end} > ${doc.length}`, String(doc.length));
      coding.end = doc.length as Coding["end"];
    }
  }

  detachCodes(state, change);

  for (const area of ["cases", "documentGroups"] as const) {
    for (const [key, record] of Object.entries((state[area] ?? {}) as Record<string, { documentIds: string[] }>)) {
      const kept = record.documentIds.filter((id) => {
        if (state.documents[id as keyof ProjectState["documents"]]) return true;
        change("dropCaseDocument", `${area}.${key}.documentIds`, `“${id}”`);
        return false;
      });
      if (kept.length !== record.documentIds.length) record.documentIds = kept;
    }
  }

  const memos = state.memos as Record<string, ProjectState["memos"][string]>;
  for (const [key, memo] of Object.entries(memos)) {
    const target = memo.target;
    const exists =
      target.kind === "project" ||
      (target.kind === "document" && state.documents[target.id]) ||
      (target.kind === "code" && state.codes[target.id]) ||
      (target.kind === "coding" && state.codings[target.id]);
    const right = memoKey(target);
    if (!exists) {
      change("dropMemo", `memos.${key}.target`, `“${right}”`);
      delete memos[key];
    } else if (right !== key) {
      delete memos[key];
      if (memos[right]) change("dropMemo", `memos.${key}.target`, `“${right}”`);
      else {
        change("rekeyMemo", `memos.${key}`, `“${key}”`, `“${right}”`);
        memos[right] = memo;
      }
    }
  }
  return { changes, state };
}

/** Parents that are gone, and loops of parents: the code where the walk finds either becomes top-level. */
function detachCodes(state: ProjectState, change: (kind: RepairKind, where: string, found: string, becomes?: string) => void) {
  const codes = state.codes as Record<string, ProjectState["codes"][keyof ProjectState["codes"]]>;
  const mark = new Map<string, 1 | 2>();
  for (const start of Object.keys(codes)) {
    const path: string[] = [];
    let id: string | null = start;
    while (id !== null && !mark.has(id)) {
      const node: (typeof codes)[string] | undefined = codes[id];
      if (!node) break;
      mark.set(id, 1);
      path.push(id);
      if (node.parentId !== null && !codes[node.parentId]) {
        change("detachCode", `codes.${id}.parentId`, `“${node.parentId}”`, "null");
        node.parentId = null;
      }
      id = node.parentId;
    }
    if (id !== null && mark.get(id) === 1) {
      // The loop closes at `id`: the last code on the path points back into it; cut there.
      const last = path[path.length - 1]!;
      change("detachCode", `codes.${last}.parentId`, [...path.slice(path.indexOf(id)), id].join(" → "), "null");
      codes[last]!.parentId = null;
    }
    for (const done of path) mark.set(done, 2);
  }
}
