import {
  emptyProject,
  newCodeId,
  newCodingId,
  newDocumentId,
  newProjectId,
  offset,
  type Code,
  type CodeId,
  type Coding,
  type DocumentId,
  type DocumentMeta,
  type ProjectState,
} from "../../shared/index.js";

export const NOW = "2026-01-01T00:00:00.000Z";

export function project(): ProjectState {
  return emptyProject(newProjectId(), "Padang – Ba Ria-Vung Tau", NOW);
}

export function documentMeta(title: string, length = 1000, id: DocumentId = newDocumentId()): DocumentMeta {
  return { id, title, kind: "txt", sourceName: `${title}.txt`, importedAt: NOW, length, blockCount: 1, pageCount: null };
}

export function code(name: string, parentId: CodeId | null = null, order = 0): Code {
  return {
    id: newCodeId(),
    name,
    color: "#e69f00",
    parentId,
    order,
    description: { definition: "", whenToUse: "", whenNotToUse: "" },
    createdAt: NOW,
  };
}

export function coding(documentId: DocumentId, codeId: CodeId, start: number, end: number, extra: Partial<Coding> = {}): Coding {
  return {
    id: newCodingId(),
    documentId,
    codeId,
    start: offset(start),
    end: offset(end),
    coder: "Rani",
    stance: "supports",
    createdAt: NOW,
    ...extra,
  };
}

/** A valid state of one document coded `n` times with one code (each `length` long), as JSON would give it back. */
export function stateWithCodings(n: number, { length = 10, documentLength = 100_000 } = {}): ProjectState {
  const state = project();
  const doc = documentMeta("Wawancara", documentLength);
  const motive = code("Motive");
  state.documents[doc.id] = doc;
  state.codes[motive.id] = motive;
  for (let i = 0; i < n; i++) {
    const c = coding(doc.id, motive.id, i, i + length);
    state.codings[c.id] = c;
  }
  return JSON.parse(JSON.stringify(state)) as ProjectState;
}

