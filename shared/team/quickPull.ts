import * as Y from "yjs";
import type { CodingId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
import { applyOperation } from "../ops/apply.js";
import type { Operation } from "../ops/operation.js";
import type { Roots } from "./layout.js";
import { fits, readCoding } from "./read.js";

/**
 * What changed in the doc since the last pull. Online, nearly every remote update is a coding or
 * two; reading all 100k codings back for each would put a pull at half a second. So transactions are
 * watched: changes only to codings (and their edits) leave the pull to those ids; anything else
 * (codes, memos, cases…, or a memo fragment edited by a bound editor) asks for a full read.
 */
export class DocChanges {
  codings = new Set<string>();
  full = true;

  constructor(doc: Y.Doc, r: Roots, isLocal: (origin: unknown) => boolean) {
    doc.on("afterTransaction", (tr: Y.Transaction) => {
      const local = isLocal(tr.origin);
      for (const [changed, keys] of tr.changed) {
        const type = changed as unknown;
        if (type === r.codings || type === r.codingEdits) {
          for (const key of keys) if (key !== null) this.codings.add(type === r.codings ? key : key.slice(0, key.indexOf("|")));
          continue;
        }
        if (type === r.conflicts || type === r.resolutions) continue;
        // This member's own changes are in the base already; the quick pull consults only the codes
        // and documents of the last read, so only a local change to those makes it stale. (A memo
        // being typed here must not turn every pull of another member's coding into a full read.)
        const root = rootOf(changed);
        if (!local || root === r.codes || root === r.documents || root === r.project) this.full = true;
      }
    });
  }

  reset(): void {
    this.codings.clear();
    this.full = false;
  }
}

/**
 * The pull when only codings changed: `view` (the project the doc held at the last pull, kept up to
 * date here) and `base` (which then equals `state`) take the changed codings only. Returns undefined
 * when this cannot decide alone (a coding needs a code or document that is gone or restored, or an
 * operation is refused): the caller reads the whole doc instead, as if this had not run.
 */
export function quickPull(r: Roots, ids: Iterable<string>, view: ProjectState, base: ProjectState, now: string): Operation[] | undefined {
  const ops: Operation[] = [];
  const next = new Map<string, ProjectState["codings"][CodingId] | undefined>();
  for (const id of ids) {
    const coding = readCoding(r, id);
    if (coding && !fits(coding, view.codes[coding.codeId], view.documents[coding.documentId])) return undefined;
    next.set(id, coding);
    const mine = base.codings[id as CodingId];
    if (!coding) {
      if (mine) ops.push({ type: "removeCoding", codingId: mine.id });
      continue;
    }
    if (!mine || mine.documentId !== coding.documentId || mine.start !== coding.start || mine.end !== coding.end || mine.coder !== coding.coder || mine.createdAt !== coding.createdAt) {
      if (mine) ops.push({ type: "removeCoding", codingId: mine.id });
      ops.push({ type: "addCoding", coding });
      continue;
    }
    if (mine.codeId !== coding.codeId) ops.push({ type: "recodeCoding", codingId: mine.id, codeId: coding.codeId });
    if (mine.stance !== coding.stance) ops.push({ type: "setStance", codingId: mine.id, stance: coding.stance });
  }
  // A coding with a memo takes it along when removed: the memo area then changes, which a quick pull does not follow.
  for (const op of ops) if (op.type === "removeCoding" && base.memos[`coding:${op.codingId}`]) return undefined;
  const applied: Operation[] = [];
  try {
    for (const op of ops) applied.push(applyOperation(base, op, now));
  } catch {
    for (const inverse of applied.reverse()) applyOperation(base, inverse, now);
    return undefined;
  }
  for (const [id, coding] of next) {
    if (coding) view.codings[id as CodingId] = coding;
    else delete view.codings[id as CodingId];
  }
  return ops;
}

type AnyType = Parameters<Y.Transaction["changed"]["get"]>[0];

/** The root type a (possibly nested) type belongs to. */
function rootOf(type: AnyType): unknown {
  let t = type;
  while (t._item && t._item.parent instanceof Y.AbstractType) t = t._item.parent as AnyType;
  return t;
}
