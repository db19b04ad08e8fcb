import { TandaiError } from "../../../shared/errors.js";
import type { DocumentId } from "../../../shared/model/ids.js";
import { DocumentContent, type ProjectState } from "../../../shared/model/project.js";
import type { MissingText } from "../../../shared/team/index.js";
import { contentHash } from "../server/tokens.js";
import { teamRequest } from "./http.js";
import type { SyncTarget } from "./target.js";

/** The bytes a text travels as: its content (text + blocks) as JSON; their SHA-256 is its address. */
export const contentBytes = (content: DocumentContent): Uint8Array => Buffer.from(JSON.stringify(content), "utf8");

/**
 * The content hash of every document of the project, from the cache where known: texts never
 * change, so each is read and hashed once in the project's life (not at every sync).
 */
export async function documentHashes(target: SyncTarget, state: ProjectState, cached: Record<DocumentId, string>): Promise<Record<DocumentId, string>> {
  const hashes: Record<DocumentId, string> = {};
  for (const id of Object.keys(state.documents) as DocumentId[]) hashes[id] = cached[id] ?? contentHash(contentBytes(await target.readDocumentContent(id)));
  return hashes;
}

export interface TextsContext {
  server: string;
  projectId: string;
  token: string;
}

const textPath = (projectId: string, hash: string) => `/api/projects/${encodeURIComponent(projectId)}/texts/${hash}`;

/** Sends each text the server is not known to have, once (the server checks the hash against the bytes). */
export async function uploadTexts(target: SyncTarget, context: TextsContext, hashes: Record<DocumentId, string>, onServer: Set<string>): Promise<number> {
  let sent = 0;
  for (const [id, hash] of Object.entries(hashes) as [DocumentId, string][]) {
    if (onServer.has(hash)) continue;
    const bytes = contentBytes(await target.readDocumentContent(id));
    await teamRequest({ ...context, method: "PUT", path: textPath(context.projectId, hash), bytes, params: { hash }, timeoutMs: 300_000 });
    onServer.add(hash);
    sent++;
  }
  return sent;
}

/**
 * Fetches the texts this member lacks and writes each durably before its addDocument is applied.
 * A text whose bytes do not hash to its address, or that is not a document's content, is refused
 * with the document named: nothing of it is written.
 */
export async function downloadTexts(target: SyncTarget, context: TextsContext, missing: MissingText[], onServer: Set<string>): Promise<number> {
  for (const { documentId, contentHash: hash } of missing) {
    const response = await teamRequest({ ...context, method: "GET", path: textPath(context.projectId, hash), params: { hash }, timeoutMs: 300_000 });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (contentHash(bytes) !== hash) throw new TandaiError("teamCli.errors.textCorrupt", { document: documentId, hash });
    let content: DocumentContent;
    try {
      content = DocumentContent.parse(JSON.parse(Buffer.from(bytes).toString("utf8")));
    } catch {
      throw new TandaiError("teamCli.errors.textCorrupt", { document: documentId, hash });
    }
    await target.writeDocumentContent(documentId, content);
    onServer.add(hash);
  }
  return missing.length;
}
