import {
  agreementReport,
  comparedDocuments,
  TandaiError,
  type AgreementReport,
  type AgreementRequest,
  type DocumentContent,
  type DocumentId,
  type ExportControl,
  type ProjectState,
} from "../../shared/index.js";
import { checkCancelled } from "../../shared/export/model.js";

/** What a report reads: a project's state and its documents (the open store, or an export job's snapshot). */
export interface AgreementSource {
  state: ProjectState;
  readDocumentContent(id: DocumentId): Promise<DocumentContent>;
}

/**
 * Checks a request against the project before any document is read: the coders exist (named if
 * not) and some document was coded by all of them. The Export dialog's job and the CLI ask first.
 */
export function checkAgreementRequest(state: ProjectState, request: AgreementRequest): void {
  if (!comparedDocuments(state, request).documentIds.length) throw new TandaiError("agreement.errors.nothingCompared", { coders: request.coders.join(", ") });
}

/**
 * The agreement report, reading only the documents it compares (for the backend, the CLI and the
 * export job); an export's control sees each document read and can cancel between them.
 */
export async function agreementOf(source: AgreementSource, request: AgreementRequest, control?: ExportControl): Promise<AgreementReport> {
  const { documentIds } = comparedDocuments(source.state, request);
  const contents = new Map<DocumentId, DocumentContent>();
  for (const id of documentIds) {
    checkCancelled(control);
    control?.onProgress?.({ phase: "reading", done: contents.size, total: documentIds.length });
    contents.set(id, await source.readDocumentContent(id));
  }
  control?.onProgress?.({ phase: "building", done: 0, total: 1 });
  return agreementReport(source.state, contents, request);
}
