import { TandaiError } from "../errors.js";
import { findIndicator, type Indicator } from "../frameworks/model.js";
import type { CaseId, CodeId, CodingId, DocumentId } from "../model/ids.js";
import type { Case, Code, Coding, DocumentMeta, ProjectState } from "../model/project.js";

// The lookups every family makes: an id that names nothing is refused with the error that says which.

export function requireDocument(state: ProjectState, id: DocumentId): DocumentMeta {
  const doc = state.documents[id];
  if (!doc) throw new TandaiError("errors.op.unknownDocument", { id });
  return doc;
}

export function requireCode(state: ProjectState, id: CodeId): Code {
  const code = state.codes[id];
  if (!code) throw new TandaiError("errors.op.unknownCode", { id });
  return code;
}

export function requireCoding(state: ProjectState, id: CodingId): Coding {
  const coding = state.codings[id];
  if (!coding) throw new TandaiError("errors.op.unknownCoding", { id });
  return coding;
}

export function requireCase(state: ProjectState, id: CaseId): Case {
  const found = state.cases[id];
  if (!found) throw new TandaiError("errors.op.unknownCase", { id });
  return found;
}

export function requireIndicator(state: ProjectState, indicatorId: string): Indicator {
  const found = findIndicator(state.frameworks, indicatorId);
  if (!found) throw new TandaiError("errors.op.unknownIndicator", { id: indicatorId });
  return found;
}

/** A code that is a group only (not codable, as the REFI-QDA project it came from said) takes no codings. */
export function requireCodable(code: Code): void {
  if (code.codable === false) throw new TandaiError("refi.errors.notCodable", { code: code.name });
}
