import { execFile } from "node:child_process";
import { join } from "node:path";
import yauzl from "yauzl";
import yazl from "yazl";
import { linesToBlocks, offset, type CodeId, type CodingId, type DocumentId } from "../../../shared/index.js";
import { createProject, type DiskProjectStore } from "../../../electron/store/index.js";

export const SCHEMAS = join(import.meta.dirname, "../../fixtures/refi");

/** Validates XML against an official schema with xmllint (Debian libxml2-utils): "" when valid, else its complaint. */
export function xmllint(file: string, schema: "Project.xsd" | "Codebook.xsd"): Promise<string> {
  return new Promise((resolve) => {
    execFile("xmllint", ["--noout", "--schema", join(SCHEMAS, schema), file], (error, _stdout, stderr) => resolve(error ? stderr || String(error) : ""));
  });
}

/** A zip built from entries in memory, as a tool would write it. */
export function zipOf(entries: Record<string, string | Uint8Array>, options: { compress?: boolean } = {}): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of Object.entries(entries)) zip.addBuffer(Buffer.from(body), name, { compress: options.compress ?? true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.once("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.once("error", reject);
  });
}

/** One entry of a zip file on disk, as text. */
export function entryText(path: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.once("end", () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString("utf8"));
          });
        });
      });
      zip.once("end", () => reject(new Error(`no ${name} in ${path}`)));
      zip.readEntry();
    });
  });
}

/** A project with one document of the given text, and a code. */
export async function projectWithText(dir: string, text: string): Promise<{ store: DiskProjectStore; documentId: DocumentId; codeId: CodeId }> {
  const store = await createProject(dir, "Tesis");
  const documentId = "doc1xxxx" as DocumentId;
  const codeId = "code1xxx" as CodeId;
  const blocks = linesToBlocks(text);
  await store.writeDocumentContent(documentId, { text, blocks });
  const now = "2026-12-01T10:00:00.000Z";
  await store.apply({
    type: "batch",
    ops: [
      { type: "addDocument", document: { id: documentId, title: "Wawancara 1", kind: "txt", sourceName: "w1.txt", importedAt: now, length: text.length, blockCount: blocks.length, pageCount: null } },
      { type: "addCode", code: { id: codeId, name: "Motif", color: "#0072b2", parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: now } },
    ],
  });
  return { store, documentId, codeId };
}

export const codingAt = (id: string, documentId: DocumentId, codeId: CodeId, start: number, end: number) => ({
  type: "addCoding" as const,
  coding: { id: id as CodingId, documentId, codeId, start: offset(start), end: offset(end), coder: "ayu", stance: "supports" as const, createdAt: "2026-12-01T10:05:00.000Z" },
});
