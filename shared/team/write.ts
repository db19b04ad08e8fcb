import * as Y from "yjs";
import { randomId, type DocumentId } from "../model/ids.js";
import type { Coding, Memo, ProjectState } from "../model/project.js";
import { AREAS, newEntityMap, writeEntityChanges, type AreaSpec } from "./fields.js";
import { CONTENT_HASH, DELETED, MEMO_EDIT, memoFragment, register, sameJson, type Roots } from "./layout.js";
import { canonicalMemoContent, writeMemoFragment } from "./memoCodec.js";
import type { TeamStamp } from "./types.js";

type Entity = Record<string, unknown>;
type Area = keyof typeof AREAS;

/** Areas whose deleted entries are kept, marked, so that a concurrent coding can bring them back. */
const TOMBSTONED = new Set<Area>(["documents", "codes"]);

/**
 * Writes every difference between `base` (the project as last synced) and `state` into the doc, and
 * brings `base` up to `state` in place (only the entries that differ: copying 100k codings per local
 * change would cost more than the rest together). Entities are compared by reference first:
 * applyOperation replaces an entity object when it changes one, so an unchanged entity is the same
 * object in both and costs a pointer comparison. Call inside one transaction.
 */
export function writeDifferences(doc: Y.Doc, r: Roots, base: ProjectState, state: ProjectState, hashes: Record<DocumentId, string>, stamp: TeamStamp, codings: Set<string> | null = null): void {
  if (base.name !== state.name || r.project.get("name") === undefined) r.project.set("name", state.name);
  base.name = state.name;
  if (r.project.get("id") === undefined) {
    r.project.set("id", state.id);
    r.project.set("createdAt", state.createdAt);
  }
  for (const area of Object.keys(AREAS) as Area[]) {
    writeArea(r[area], base[area] as Record<string, Entity>, state[area] as Record<string, Entity>, AREAS[area], TOMBSTONED.has(area), stamp);
  }
  for (const id of Object.keys(state.documents)) {
    const map = r.documents.get(id);
    const hash = hashes[id as DocumentId];
    if (map && hash && map.get(CONTENT_HASH) !== hash) map.set(CONTENT_HASH, hash);
  }
  writeCodings(r, base.codings, state.codings, stamp, codings);
  writeMemos(doc, r, base.memos, state.memos, stamp);
  writeOverrides(r, base.overrides, state.overrides, stamp);
}

function writeArea(area: Y.Map<Y.Map<unknown>>, before: Record<string, Entity>, after: Record<string, Entity>, spec: AreaSpec, tombstoned: boolean, stamp: TeamStamp): void {
  for (const id in after) {
    const entity = after[id]!;
    const old = before[id];
    if (old === entity) continue;
    before[id] = entity;
    const map = area.get(id);
    if (!map) {
      area.set(id, newEntityMap(entity, spec, stamp));
      continue;
    }
    // Back (an undo of a deletion, or a restore): compare with what the doc holds, not the base.
    if (!old && map.has(DELETED)) map.delete(DELETED);
    writeEntityChanges(map, old, entity, spec, stamp);
  }
  for (const id in before) {
    if (after[id]) continue;
    delete before[id];
    const map = area.get(id);
    if (!map) continue;
    if (tombstoned) map.set(DELETED, { by: stamp.by, at: stamp.at, tok: randomId() });
    else area.delete(id);
  }
}

const EDITABLE = ["codeId", "stance"] as const;
const sameAnchor = (a: Coding, b: Coding) => a.documentId === b.documentId && a.start === b.start && a.end === b.end && a.coder === b.coder && a.createdAt === b.createdAt;

/** `only`: the codings that may have changed (all when null). */
function writeCodings(r: Roots, before: ProjectState["codings"], after: ProjectState["codings"], stamp: TeamStamp, only: Set<string> | null): void {
  if (only) {
    for (const key of only) writeCoding(r, before, after, key as keyof typeof after, stamp);
    return;
  }
  for (const key in after) writeCoding(r, before, after, key as keyof typeof after, stamp);
  for (const key in before) if (!after[key as keyof typeof after]) writeCoding(r, before, after, key as keyof typeof after, stamp);
}

function writeCoding(r: Roots, before: ProjectState["codings"], after: ProjectState["codings"], id: keyof ProjectState["codings"], stamp: TeamStamp): void {
  const coding = after[id];
  const old = before[id];
  if (old === coding) return;
  if (!coding) {
    delete before[id];
    r.codings.delete(id);
    for (const field of EDITABLE) r.codingEdits.delete(`${id}|${field}`);
    return;
  }
  before[id] = coding;
  if (old && sameAnchor(old, coding)) {
    for (const field of EDITABLE) if (old[field] !== coding[field]) r.codingEdits.set(`${id}|${field}`, coding[field]);
    return;
  }
  for (const field of EDITABLE) r.codingEdits.delete(`${id}|${field}`);
  r.codings.set(id, { ...coding, by: stamp.by, at: stamp.at });
}

function writeMemos(doc: Y.Doc, r: Roots, before: Record<string, Memo>, after: Record<string, Memo>, stamp: TeamStamp): void {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const old = before[key];
    const memo = after[key];
    if (old === memo) continue;
    if (memo) before[key] = memo;
    else delete before[key];
    let meta = r.memos.get(key);
    if (!meta) {
      if (!memo) continue;
      meta = new Y.Map<unknown>();
      r.memos.set(key, meta);
    }
    const content = memo ? canonicalMemoContent(memo.content) : null;
    if (!old || !memo || !sameJson(canonicalMemoContent(old.content), content)) {
      writeMemoFragment(doc, memoFragment(doc, key), content);
      meta.set(MEMO_EDIT, register(null, meta.get(MEMO_EDIT), stamp));
    }
    // Only what changed here since the last sync: the doc may hold a newer date from someone else.
    if (memo && (!old || !sameJson(old.target, memo.target))) meta.set("target", memo.target);
    if (memo && old?.updatedAt !== memo.updatedAt) meta.set("updatedAt", memo.updatedAt);
  }
}

function writeOverrides(r: Roots, before: ProjectState["overrides"], after: ProjectState["overrides"], stamp: TeamStamp): void {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const old = before[key];
    const now = after[key];
    if (now) before[key] = now;
    else delete before[key];
    if (old === now || sameJson(old, now)) continue;
    r.overrides.set(key, register(now ?? null, r.overrides.get(key), stamp));
  }
}
