import type { CaseId, CodeId, DocumentId } from "../model/ids.js";
import type { MemoTarget } from "../model/project.js";

/**
 * Who made a Y change and when. Every value a member writes into the shared document that a
 * researcher may need to attribute (a rename, a deletion, an override, a memo edit) carries one.
 */
export interface TeamStamp {
  by: string;
  at: string;
}

/**
 * The origin of a Y transaction. Local writes (commitLocal, resolve, conflict notices) carry the
 * member's name; updates from the server carry REMOTE_ORIGIN (or the transport's own origin, e.g. the
 * Hocuspocus provider: anything that is not this replica's own local origin counts as remote).
 */
export type TeamOrigin = { kind: "local"; actor: string } | { kind: "remote" } | { kind: "restore" };

export const REMOTE_ORIGIN: TeamOrigin = Object.freeze({ kind: "remote" });

/** What a conflict is about. */
export type TeamConflictSubject =
  | { kind: "code"; codeId: CodeId }
  | { kind: "override"; caseId: CaseId; indicatorId: string }
  | { kind: "memo"; target: MemoTarget }
  | { kind: "document"; documentId: DocumentId };

/**
 * The conflicts a CRDT would merge silently but a researcher cares about:
 * - `deletedWhileCoded`: a code (or document) was deleted by one member while another coded with
 *   it; the code and those codings were kept (the code restored). `kept` = who coded, `other` = who deleted.
 * - `codeRenamed`: a code renamed two ways; `kept.value` is the name the project now holds (the
 *   deterministic winner), `other.value` the other name.
 * - `overrideSet`: an indicator override set two ways (values are StoredOverride or null = cleared).
 * - `memoEdited`: one memo edited by two members offline; Yjs merged both edits as text. A notice.
 */
export type TeamConflictKind = "deletedWhileCoded" | "codeRenamed" | "overrideSet" | "memoEdited";

/** One side of a conflict: the value (a name, an override, a count of codings…) with who and when. */
export interface TeamConflictSide extends TeamStamp {
  value: unknown;
}

export interface TeamConflict {
  /** Deterministic: every replica that detects the same conflict writes it under the same id. */
  id: string;
  kind: TeamConflictKind;
  subject: TeamConflictSubject;
  /** What the project holds now. */
  kept: TeamConflictSide;
  /** The alternative the merge did not keep (or, for deletedWhileCoded, the deletion). */
  other: TeamConflictSide;
  /** Who noticed it first, and when. */
  detected: TeamStamp;
}

/**
 * A member's choice for a conflict: `keep` what the project holds now (for a notice: dismiss it),
 * or take the `other` side (the other name, the other override, carry out the deletion).
 */
export type TeamResolution = "keep" | "other";

/** A document whose text this member does not have yet: fetch it by hash, outside the Y state. */
export interface MissingText {
  documentId: DocumentId;
  contentHash: string;
}
