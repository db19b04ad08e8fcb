import * as Y from "yjs";
import { randomId } from "../model/ids.js";
import type { TeamStamp } from "./types.js";

/**
 * How the shared Y.Doc holds a project. Entities are Y.Maps keyed by id; most entities are nested
 * Y.Maps of their fields, so two members changing different fields of one code (a rename and a
 * recolour) both survive. Codings, most of a project and immutable but for their code and stance, are
 * one JSON value each, with those two fields overlaid from `codingEdits` (key `id|field`): that keeps
 * 100k codings at one Y item each. Memo bodies are root-level XmlFragments (`memo:<key>`): a root type
 * exists once per name on every replica, so two members writing the first memo on one target merge
 * instead of one new fragment replacing the other.
 */
export const ROOT = {
  project: "project",
  documents: "documents",
  codes: "codes",
  codings: "codings",
  codingEdits: "codingEdits",
  memos: "memos",
  cases: "cases",
  documentGroups: "documentGroups",
  frameworks: "frameworks",
  attributes: "attributes",
  overrides: "overrides",
  conflicts: "conflicts",
  /** Resolutions apart from the conflicts: two members detecting one conflict write it twice, and a resolution must not be lost to that. */
  resolutions: "resolutions",
} as const;

export const memoFragmentName = (memoKey: string) => `memo:${memoKey}`;
export const memoFragment = (doc: Y.Doc, memoKey: string) => doc.getXmlFragment(memoFragmentName(memoKey));

/** The field of a code, document or case entry that marks it deleted (kept, so it can be restored). */
export const DELETED = "deleted";
/** The field holding a document's content hash (its text travels outside the Y state). */
export const CONTENT_HASH = "contentHash";
/** A code's parent and order travel together: a move is one change. */
export const PLACE = "place";
/** Attribute values are flattened to one field each, `@<attributeId>`, so two members setting different attributes both survive. */
export const ATTRIBUTE_PREFIX = "@";
/** A memo's field recording its last edit (a register): concurrent edits show in it. */
export const MEMO_EDIT = "edit";

/**
 * A value that records what it replaced: `prev` is the `tok` of the value the writer saw. A new value
 * whose `prev` is not the `tok` of the value it displaced was written without seeing it: the two were
 * concurrent. That is how a rename made two ways is told from two renames one after the other.
 */
export interface Register<T> extends TeamStamp {
  v: T;
  tok: string;
  prev: string | null;
}

export type Tombstone = TeamStamp & { tok: string };

export function isRegister(value: unknown): value is Register<unknown> {
  return typeof value === "object" && value !== null && "tok" in value && "v" in value;
}

export function register<T>(v: T, previous: unknown, stamp: TeamStamp): Register<T> {
  return { v, tok: randomId(), prev: isRegister(previous) ? previous.tok : null, by: stamp.by, at: stamp.at };
}

export const roots = (doc: Y.Doc) => ({
  project: doc.getMap<unknown>(ROOT.project),
  documents: doc.getMap<Y.Map<unknown>>(ROOT.documents),
  codes: doc.getMap<Y.Map<unknown>>(ROOT.codes),
  codings: doc.getMap<Record<string, unknown>>(ROOT.codings),
  codingEdits: doc.getMap<unknown>(ROOT.codingEdits),
  memos: doc.getMap<Y.Map<unknown>>(ROOT.memos),
  cases: doc.getMap<Y.Map<unknown>>(ROOT.cases),
  documentGroups: doc.getMap<Y.Map<unknown>>(ROOT.documentGroups),
  frameworks: doc.getMap<Y.Map<unknown>>(ROOT.frameworks),
  attributes: doc.getMap<Y.Map<unknown>>(ROOT.attributes),
  overrides: doc.getMap<Register<unknown>>(ROOT.overrides),
  conflicts: doc.getMap<unknown>(ROOT.conflicts),
  resolutions: doc.getMap<unknown>(ROOT.resolutions),
});
export type Roots = ReturnType<typeof roots>;

/** Structural equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameJson(x, other[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
