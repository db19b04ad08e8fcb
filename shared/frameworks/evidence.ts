import type { CodeId, DocumentId } from "../model/ids.js";

/** Coding counts per (code, document): all that indicators need to know of the codings (CodingIndex keeps them). */
export interface Evidence {
  forEach(visit: (codeId: CodeId, documentId: DocumentId, supporting: number, contradicting: number) => void): void;
}
