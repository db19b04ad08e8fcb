import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { rename, rm, writeFile } from "node:fs/promises";
import yazl from "yazl";
import type { Code, CodeId, DocumentContent, DocumentId, ProjectState } from "../../../shared/index.js";
import type { DiskProjectStore } from "../../store/index.js";
import { guidFor } from "./guids.js";
import { projectXml } from "./project.js";
import { attrs, esc } from "./xml.js";

export const CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";

/** The codebook as a REFI-QDA 1.0 .qdc (valid against Codebook.xsd), with the same code GUIDs a .qdpx export gives. */
export function codebookXml(state: ProjectState, origin: string): string {
  const children = new Map<CodeId | null, Code[]>();
  for (const code of Object.values(state.codes)) children.set(code.parentId, [...(children.get(code.parentId) ?? []), code]);
  const codeXml = (code: Code): string => {
    const kids = (children.get(code.id) ?? []).sort((a, b) => a.order - b.order);
    const description = code.description.definition ? `<Description>${esc(code.description.definition)}</Description>` : "";
    return `<Code${attrs({ guid: guidFor(state.id, "code", code.id), name: code.name, isCodable: code.codable === false ? "false" : "true", color: code.color.toUpperCase() })}>${description}${kids.map(codeXml).join("")}</Code>`;
  };
  const roots = (children.get(null) ?? []).sort((a, b) => a.order - b.order);
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="${CODEBOOK_NS}"${attrs({ origin })}><Codes>${roots.map(codeXml).join("\n")}</Codes></CodeBook>\n`;
}

/** The pieces as UTF-8, each let go once it is handed on, so the text of the .qde is not held twice. */
function* bytesOf(parts: string[]): Generator<Buffer> {
  for (let i = 0; i < parts.length; i++) {
    const bytes = Buffer.from(parts[i]!, "utf8");
    parts[i] = "";
    yield bytes;
  }
}

/**
 * Writes the project as a .qdpx: `project.qde`, `sources/<guid>.txt` (UTF-8, no BOM) and
 * `tandai.json` (Tandai's extras). Written to a temporary file beside `path` and renamed, so the
 * file is whole or absent. Returns what was written, for the message.
 */
export async function writeQdpx(store: DiskProjectStore, path: string, origin: string): Promise<{ bytes: number; counts: { sources: number; codes: number; codings: number } }> {
  const contents = new Map<DocumentId, DocumentContent>();
  for (const id of Object.keys(store.state.documents) as DocumentId[]) contents.set(id, await store.readDocumentContent(id));
  const xml = projectXml(store.state, contents, origin, new Date().toISOString());
  const zip = new yazl.ZipFile();
  // The .qde goes in piece by piece (tens of MB for 100k codings): never joined into one string and one buffer.
  const size = xml.parts.reduce((sum, part) => sum + Buffer.byteLength(part, "utf8"), 0);
  zip.addReadStream(Readable.from(bytesOf(xml.parts), { objectMode: false }), "project.qde", { size });
  for (const source of xml.sources) zip.addBuffer(Buffer.from(source.text, "utf8"), source.path);
  zip.addBuffer(Buffer.from(JSON.stringify(xml.extras), "utf8"), "tandai.json");
  zip.end();
  const temp = `${path}.${process.pid}.part`;
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(temp);
      zip.outputStream.on("data", (chunk: Buffer) => (bytes += chunk.length));
      zip.outputStream.pipe(out).once("close", resolve).once("error", reject);
      zip.outputStream.once("error", reject);
    });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { bytes, counts: xml.counts };
}

/** Writes the project (.qdpx) or its codebook (.qdc) to `path`, whole or not at all; what the CLI and the app's Export… share. */
export async function writeRefiExport(store: DiskProjectStore, format: "qdpx" | "qdc", path: string, origin: string): Promise<{ bytes: number; counts: { sources: number; codes: number; codings: number } }> {
  if (format === "qdpx") return writeQdpx(store, path, origin);
  const data = Buffer.from(codebookXml(store.state, origin), "utf8");
  const temp = `${path}.${process.pid}.part`;
  await writeFile(temp, data);
  await rename(temp, path);
  return { bytes: data.length, counts: { sources: 0, codes: Object.keys(store.state.codes).length, codings: 0 } };
}
