import { agreementReport, comparedDocuments, type AgreementReport, type AgreementRequest, type DocumentContent, type DocumentId } from "../../shared/index.js";
import type { DiskProjectStore } from "../store/index.js";

/** The agreement report of the open project, reading only the documents it compares (for the backend and the CLI). */
export async function agreementOf(store: DiskProjectStore, request: AgreementRequest): Promise<AgreementReport> {
  const { documentIds } = comparedDocuments(store.state, request);
  const contents = new Map<DocumentId, DocumentContent>();
  for (const id of documentIds) contents.set(id, await store.readDocumentContent(id));
  return agreementReport(store.state, contents, request);
}
