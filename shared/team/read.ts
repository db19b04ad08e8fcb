import * as Y from "yjs";
import { checkAttributeValue } from "../attributes/values.js";
import { findIndicator } from "../frameworks/model.js";
import type { CodeId, DocumentId, ProjectId } from "../model/ids.js";
import { PROJECT_FORMAT, memoKey, type Code, type Coding, type DocumentMeta, type MemoTarget, type ProjectState } from "../model/project.js";
import { AREAS, fromFields } from "./fields.js";
import { DELETED, MEMO_EDIT, isRegister, memoFragment, type Register, type Roots, type Tombstone } from "./layout.js";
import { readMemoFragment } from "./memoCodec.js";
import type { TeamStamp } from "./types.js";

/** A deleted code or document brought back because a member coded with it concurrently. */
export interface Restored {
  kind: "code" | "document";
  id: string;
  deleted: Tombstone;
  /** The newest coding (or child code) that needed it: who and when. */
  neededBy: TeamStamp;
  codings: number;
}

type Entity = Record<string, unknown>;

/** The project's id, name and creation date as the shared document holds them (for a joiner). */
export function readHeader(r: Roots): { id: ProjectId; name: string; createdAt: string } | undefined {
  const id = r.project.get("id");
  if (typeof id !== "string") return undefined;
  return { id: id as ProjectId, name: String(r.project.get("name") ?? id), createdAt: String(r.project.get("createdAt") ?? "") };
}

/**
 * The project the doc holds, made valid the same way on every replica (so all converge on it):
 * a deleted code or document that a live coding (or child code) still uses is restored; a code
 * tree loop left by two concurrent moves is cut; a pinned key held by two codes stays with one;
 * references to what is gone (codings, memos, overrides, case members, attribute values) are dropped.
 */
export function materialize(r: Roots, doc: Y.Doc, local: ProjectState): { state: ProjectState; restored: Restored[] } {
  const header = readHeader(r);
  const state: ProjectState = {
    format: PROJECT_FORMAT,
    id: local.id,
    name: header?.name ?? local.name,
    createdAt: local.createdAt,
    documents: {},
    codes: {},
    codings: {},
    memos: {},
    cases: {},
    frameworks: {},
    overrides: {},
    attributes: {},
    documentGroups: {},
  };
  for (const [id, map] of r.frameworks.entries()) (state.frameworks as Record<string, Entity>)[id] = fromFields(map, AREAS.frameworks);
  for (const [id, map] of r.attributes.entries()) (state.attributes as Record<string, Entity>)[id] = fromFields(map, AREAS.attributes);

  // Codes and documents with their deletion marks; which live ones stay is settled below.
  const codes = new Map<string, { code: Code; deleted?: Tombstone }>();
  for (const [id, map] of r.codes.entries()) codes.set(id, { code: fromFields(map, AREAS.codes) as unknown as Code, deleted: map.get(DELETED) as Tombstone | undefined });
  const documents = new Map<string, { doc: DocumentMeta; deleted?: Tombstone }>();
  for (const [id, map] of r.documents.entries()) documents.set(id, { doc: fromFields(map, AREAS.documents) as unknown as DocumentMeta, deleted: map.get(DELETED) as Tombstone | undefined });

  const codings: Coding[] = [];
  for (const [id, raw] of r.codings.entries()) {
    const { by: _by, at: _at, ...coding } = raw as unknown as Coding & TeamStamp;
    const codeId = r.codingEdits.get(`${id}|codeId`);
    const stance = r.codingEdits.get(`${id}|stance`);
    const merged = { ...coding, ...(codeId !== undefined ? { codeId } : {}), ...(stance !== undefined ? { stance } : {}) } as Coding;
    const code = codes.get(merged.codeId)?.code;
    const document = documents.get(merged.documentId)?.doc;
    // A coding whose code or document the doc never held, or that no longer fits, cannot be shown.
    if (!code || !document || code.codable === false || merged.start >= merged.end || merged.end > document.length) continue;
    codings.push(merged);
  }
  const restored = new Map<string, Restored>();
  const need = (kind: "code" | "document", id: string, deleted: Tombstone | undefined, by: TeamStamp, coding: boolean) => {
    if (!deleted) return false;
    const key = `${kind}:${id}`;
    const found = restored.get(key) ?? { kind, id, deleted, neededBy: by, codings: 0 };
    if (by.at > found.neededBy.at) found.neededBy = by;
    if (coding) found.codings++;
    const fresh = !restored.has(key);
    restored.set(key, found);
    return fresh;
  };
  const codingStamp = (c: Coding): TeamStamp => {
    const raw = r.codings.get(c.id) as TeamStamp | undefined;
    return { by: raw?.by ?? c.coder, at: raw?.at ?? c.createdAt };
  };
  for (const coding of codings) {
    need("code", coding.codeId, codes.get(coding.codeId)!.deleted, codingStamp(coding), true);
    need("document", coding.documentId, documents.get(coding.documentId)!.deleted, codingStamp(coding), true);
  }
  const live = (id: string) => {
    const entry = codes.get(id);
    return Boolean(entry && (!entry.deleted || restored.has(`code:${id}`)));
  };
  // A live code's parent must be there too: restore up the tree (each code once).
  const pending = [...codes.keys()].filter(live);
  while (pending.length) {
    const entry = codes.get(pending.pop()!)!;
    const parentId = entry.code.parentId;
    if (!parentId) continue;
    const parent = codes.get(parentId);
    if (!parent) continue;
    if (need("code", parentId, parent.deleted, { by: entry.code.createdAt, at: entry.code.createdAt }, false)) pending.push(parentId);
  }
  for (const [id, entry] of codes) {
    if (!live(id)) continue;
    const code = { ...entry.code };
    if (code.parentId && !live(code.parentId)) code.parentId = null;
    // A link to an indicator of a framework no longer in the project cannot be expressed (linkCode checks it).
    if (code.indicatorId && !findIndicator(state.frameworks, code.indicatorId)) delete code.indicatorId;
    state.codes[id as CodeId] = code;
  }
  cutLoops(state);
  uniqueKeys(state);
  for (const [id, entry] of documents) {
    if (!entry.deleted || restored.has(`document:${id}`)) state.documents[id as DocumentId] = entry.doc;
  }
  for (const coding of codings) state.codings[coding.id] = coding;

  readMemos(r, doc, state);
  readMembers(r, state);
  readOverrides(r, state);
  dropBadValues(state);
  return { state, restored: [...restored.values()] };
}

/** Concurrent moves can make a loop (A under B here, B under A there): the loop's smallest id goes to the top level. */
function cutLoops(state: ProjectState): void {
  const done = new Set<string>();
  for (const start of Object.keys(state.codes)) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | null = start;
    while (id && !done.has(id) && !onPath.has(id)) {
      path.push(id);
      onPath.add(id);
      id = state.codes[id as CodeId]?.parentId ?? null;
    }
    if (id && onPath.has(id)) {
      const loop = path.slice(path.indexOf(id)).sort();
      const cut = loop[0]! as CodeId;
      state.codes[cut] = { ...state.codes[cut]!, parentId: null };
    }
    for (const p of path) done.add(p);
  }
}

/** One key, one code: two members pinning one key to different codes leaves it with the smaller id. */
function uniqueKeys(state: ProjectState): void {
  const holder = new Map<number, string>();
  for (const id of Object.keys(state.codes).sort()) {
    const code = state.codes[id as CodeId]!;
    if (code.key === undefined) continue;
    if (!holder.has(code.key)) holder.set(code.key, id);
    else {
      const { key: _taken, ...rest } = code;
      state.codes[id as CodeId] = rest;
    }
  }
}

function targetExists(state: ProjectState, target: MemoTarget): boolean {
  if (target.kind === "project") return true;
  if (target.kind === "document") return Boolean(state.documents[target.id]);
  if (target.kind === "code") return Boolean(state.codes[target.id]);
  return Boolean(state.codings[target.id]);
}

function readMemos(r: Roots, doc: Y.Doc, state: ProjectState): void {
  for (const [key, meta] of r.memos.entries()) {
    const target = meta.get("target") as MemoTarget | undefined;
    if (!target || memoKey(target) !== key || !targetExists(state, target)) continue;
    const body = readMemoFragment(memoFragment(doc, key));
    if (body.content === null) continue;
    const edit = meta.get(MEMO_EDIT);
    const updatedAt = (meta.get("updatedAt") as string | undefined) ?? (isRegister(edit) ? edit.at : "");
    state.memos[key] = { target, content: body.content, text: body.text, updatedAt };
  }
}

/** Cases and groups, with their documents deduplicated and limited to documents the project has. */
function readMembers(r: Roots, state: ProjectState): void {
  for (const [id, map] of r.cases.entries()) {
    const found = fromFields(map, AREAS.cases) as unknown as ProjectState["cases"][CaseKey];
    (state.cases as Record<string, unknown>)[id] = { ...found, documentIds: found.documentIds.filter((d) => state.documents[d]) };
  }
  for (const [id, map] of r.documentGroups.entries()) {
    const found = fromFields(map, AREAS.documentGroups) as unknown as ProjectState["documentGroups"][GroupKey];
    (state.documentGroups as Record<string, unknown>)[id] = { ...found, documentIds: found.documentIds.filter((d) => state.documents[d]) };
  }
}
type CaseKey = keyof ProjectState["cases"];
type GroupKey = keyof ProjectState["documentGroups"];

function readOverrides(r: Roots, state: ProjectState): void {
  for (const [key, reg] of r.overrides.entries()) {
    const value = (reg as Register<ProjectState["overrides"][string] | null>).v;
    if (!value) continue;
    const bar = key.indexOf("|");
    const caseId = key.slice(0, bar) as CaseKey;
    if (!state.cases[caseId] || !findIndicator(state.frameworks, key.slice(bar + 1))) continue;
    state.overrides[key] = value;
  }
}

/** Values of attributes no longer defined, or no longer allowed (a choice removed concurrently), are dropped. */
function dropBadValues(state: ProjectState): void {
  const clean = <T extends { attributes?: Record<string, unknown> }>(holder: T, appliesTo: "document" | "case"): T => {
    if (!holder.attributes) return holder;
    const values: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(holder.attributes)) {
      const attribute = state.attributes[id as keyof ProjectState["attributes"]];
      if (!attribute || attribute.appliesTo !== appliesTo) continue;
      try {
        const checked = checkAttributeValue(attribute, value as string | number);
        if (checked !== null) values[id] = checked;
      } catch {
        continue;
      }
    }
    const { attributes: _old, ...rest } = holder;
    return (Object.keys(values).length ? { ...rest, attributes: values } : rest) as T;
  };
  for (const [id, doc] of Object.entries(state.documents)) state.documents[id as DocumentId] = clean(doc, "document");
  for (const [id, kase] of Object.entries(state.cases)) state.cases[id as CaseKey] = clean(kase, "case");
}
