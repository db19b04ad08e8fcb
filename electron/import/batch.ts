import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { newDocumentId, toErrorPayload, type DocumentId, type DocumentMeta, type ImportFile, type ImportOutcome, type Operation } from "../../shared/index.js";
import type { DiskProjectStore } from "../store/index.js";
import { importError } from "./errors.js";
import { importDocument, type ImportedDocument, type ImportOptions } from "./index.js";
import { ImportWorker, type ImportLimits } from "./inWorker.js";
import { readRefiProject } from "./qdpx/read.js";
import type { RefiProject } from "../../shared/refi/model.js";

/** A document's text, hashed: two imports with the same hash have the same text. */
export const textHash = (text: string) => createHash("sha256").update(text).digest("base64url");

/**
 * Imports a batch of files into a project, each on its own: parsed on the import worker when one
 * is bundled (a hostile file then fails alone, whatever it does to its parser), written to the
 * project, and returned as one list of operations for the caller to apply as one undo step.
 * A file whose text is already in the project is refused (import.errors.duplicate, naming the
 * document) unless the user says to import it anyway.
 */
export class ProjectImporter {
  private readonly worker: ImportWorker | null;
  /** Text hashes of each project's documents, computed once per document (documents never change). */
  private readonly hashes = new WeakMap<DiskProjectStore, Map<DocumentId, string>>();

  constructor(script?: URL, limits?: ImportLimits) {
    // Run from the source tree (tests, development) there is no bundle: parse in-process.
    this.worker = script && existsSync(fileURLToPath(script)) ? new ImportWorker(script, limits) : null;
  }

  parse(name: string, data: Uint8Array, options: ImportOptions): Promise<ImportedDocument> {
    return this.worker ? this.worker.run(name, data, options) : importDocument(name, data, options);
  }

  /** Reads a REFI-QDA project on the import worker when there is one: a hostile .qdpx then fails only its own import. */
  readRefi(name: string, data: Uint8Array): Promise<RefiProject> {
    return this.worker ? this.worker.runRefi(name, data) : readRefiProject(name, data);
  }

  async importFiles(store: DiskProjectStore, files: readonly ImportFile[]): Promise<{ outcomes: ImportOutcome[]; ops: Operation[] }> {
    const outcomes: ImportOutcome[] = [];
    const ops: Operation[] = [];
    const known = await this.documentHashes(store);
    for (const file of files) {
      try {
        const imported = await this.parse(file.name, file.data, file.encoding ? { encoding: file.encoding } : {});
        const hash = textHash(imported.content.text);
        const replaced = file.replaces && store.state.documents[file.replaces] ? file.replaces : null;
        if (!file.allowDuplicate) {
          const same = [...known].find(([id, h]) => h === hash && id !== replaced && (store.state.documents[id] || ops.some((op) => op.type === "addDocument" && op.document.id === id)));
          if (same) {
            const title = store.state.documents[same[0]]?.title ?? ops.flatMap((op) => (op.type === "addDocument" && op.document.id === same[0] ? [op.document.title] : []))[0] ?? "";
            throw importError("duplicate", file.name.split(/[\\/]/).pop() || file.name, { title, documentId: same[0] });
          }
        }
        const id = newDocumentId();
        await store.writeDocumentContent(id, imported.content);
        known.set(id, hash);
        const document: DocumentMeta = {
          id,
          title: imported.title,
          kind: imported.kind,
          sourceName: file.name,
          importedAt: new Date().toISOString(),
          length: imported.content.text.length,
          blockCount: imported.content.blocks.length,
          pageCount: imported.pageCount,
          ...(imported.encoding ? { encoding: imported.encoding } : {}),
        };
        if (replaced) ops.push({ type: "removeDocument", documentId: replaced });
        ops.push({ type: "addDocument", document });
        outcomes.push({
          file: file.name,
          ok: true,
          documentId: id,
          title: imported.title,
          ...(imported.encoding ? { encoding: imported.encoding } : {}),
          ...(imported.notices.length ? { notices: imported.notices } : {}),
        });
      } catch (error) {
        outcomes.push({ file: file.name, ok: false, error: toErrorPayload(error) });
      }
    }
    return { outcomes, ops };
  }

  /** The project's documents' text hashes, reading (once) each document not hashed yet. */
  private async documentHashes(store: DiskProjectStore): Promise<Map<DocumentId, string>> {
    let hashes = this.hashes.get(store);
    if (!hashes) this.hashes.set(store, (hashes = new Map()));
    for (const id of Object.keys(store.state.documents) as DocumentId[]) {
      if (!hashes.has(id)) hashes.set(id, textHash((await store.readDocumentContent(id)).text));
    }
    return hashes;
  }
}
