import { type RefiProject, type RefiTextSource, type TandaiExtras } from "../../../shared/refi/model.js";
import { Framework, StoredOverride } from "../../../shared/frameworks/model.js";
import { decodeText } from "../encoding.js";
import { type Archive, openArchive } from "./zip.js";
import { refiError } from "./errors.js";
import { QdeReader } from "./qde.js";
import { XmlTextStream } from "./textStream.js";

export { readColor } from "./colors.js";

/** Whether the bytes are a zip (a .qdpx, or one renamed .zip), by their signature, not their name. */
const isZip = (data: Uint8Array) => data[0] === 0x50 && data[1] === 0x4b;

/** Text of a source file: BOM dropped, line ends kept, UTF-8 or UTF-16 by its BOM (as text imports read them). */
function decode(data: Uint8Array): string | null {
  const decoded = decodeText(data);
  return decoded.ok ? decoded.text : null;
}

/** What a .qde's first characters give away before it is parsed: not XML at all, or a web page saved under the project's name. */
function checkStart(file: string, text: string) {
  const start = text.trimStart();
  if (!start.startsWith("<")) throw refiError("notProject", file, { detail: "not XML" });
  if (/^<(!doctype\s+html|html)[\s>]/i.test(start)) throw refiError("notProject", file, { detail: "an HTML page" });
}

/** Feeds a .qde's bytes, chunk by chunk, through the decoder to the streaming reader. */
async function readQde(file: string, part: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, inArchive: boolean) {
  const reader = new QdeReader(file, inArchive);
  const decoder = new XmlTextStream();
  let started = false;
  const feed = (text: string | null) => {
    if (text === null) throw refiError("notProject", file, { detail: `${part} is not text` });
    if (!started && text.trim()) {
      checkStart(file, text);
      started = true;
    }
    reader.write(text);
  };
  for await (const chunk of chunks) feed(decoder.push(chunk));
  feed(decoder.end());
  if (!started) throw refiError("notProject", file, { detail: "not XML" });
  return reader.end();
}

/** A bare .qde in memory, handed to the reader in slices as an archive's part would come. */
function* slices(data: Uint8Array, size = 1 << 20): Generator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/**
 * Reads a REFI-QDA project: a .qdpx (or the same renamed .zip) or a bare .qde. In an archive the
 * project file is the .qde wherever it is and whatever its name (ATLAS.ti 26 names it after the
 * project); it is inflated and parsed as a stream (never whole in memory, see qde.ts). Source texts
 * are looked up case-insensitively (`Sources/` or `sources/`), by `internal://`, `relative://`,
 * `absolute://` or a bare file name (as QualCoder writes it). Only the .qde and the plain-text
 * files the project points to are inflated; `.docx`, PDFs and media are never read. Throws
 * refi.errors.* naming the file: nothing half-read is returned.
 */
export async function readRefiProject(fileName: string, data: Uint8Array): Promise<RefiProject> {
  const file = fileName.split(/[\\/]/).pop() || fileName;
  if (!isZip(data)) {
    const { project } = await readQde(file, file, slices(data), false);
    for (const source of project.sources) checkText(file, source);
    return project;
  }
  const archive = await openArchive(file, data);
  try {
    const qde = archive.names.find((n) => /\.qde$/i.test(n));
    if (!qde) throw refiError("noProjectFile", file);
    const { project, pending } = await readQde(file, qde, archive.stream(qde), true);
    const extras = archive.names.find((n) => n.toLowerCase() === "tandai.json");
    if (extras) project.extras = readExtras(await archive.read(extras));
    // Source texts, read one after another (one inflated at a time).
    for (const [source, path] of pending ?? []) {
      const entry = findEntry(archive, path);
      if (!entry) throw refiError("sourceMissing", file, { source: source.name || source.guid, path });
      const body = decode(await archive.read(entry));
      if (body === null) throw refiError("sourceMissing", file, { source: source.name || source.guid, path: `${entry} (not text)` });
      source.text = body;
    }
    for (const source of project.sources) checkText(file, source);
    return project;
  } finally {
    archive.close();
  }
}

/** The memos of the extras, each a Tiptap JSON object with the text its Note was given; anything else is left out. */
function memosOf(value: unknown): TandaiExtras["memos"] {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(([, m]) => m && typeof m === "object" && typeof (m as { text?: unknown }).text === "string" && (m as { content?: unknown }).content && typeof (m as { content?: unknown }).content === "object"),
  ) as TandaiExtras["memos"];
}

/** Attribute details that an attribute can hold (a type Tandai has, cases or documents, choices as text); a damaged one is left out, its variable read as the standard says. */
function attributesOf(value: unknown): TandaiExtras["attributes"] {
  if (!value || typeof value !== "object") return {};
  const fits = (a: Record<string, unknown>) =>
    ["text", "number", "date", "choice"].includes(a["type"] as string) &&
    [undefined, "case", "document"].includes(a["appliesTo"] as string | undefined) &&
    (a["choices"] === undefined || (Array.isArray(a["choices"]) && a["choices"].every((c) => typeof c === "string")));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, a]) => a && typeof a === "object" && fits(a as Record<string, unknown>))) as TandaiExtras["attributes"];
}

function readExtras(data: Uint8Array): TandaiExtras | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(data)) as Partial<TandaiExtras>;
    if (!value || value.format !== 1 || typeof value.ids !== "object") return undefined;
    // Frameworks and overrides are checked as the project file checks them; a damaged one is left out.
    const frameworks = (value.frameworks ?? []).flatMap((f) => {
      const parsed = Framework.safeParse(f);
      return parsed.success ? [parsed.data] : [];
    });
    const overrides = Object.fromEntries(Object.entries(value.overrides ?? {}).filter(([, o]) => StoredOverride.safeParse(o).success));
    return { format: 1, ids: value.ids ?? {}, contradicts: value.contradicts ?? [], indicators: value.indicators ?? {}, documents: value.documents ?? {}, codes: value.codes ?? {}, frameworks, overrides, created: value.created ?? {}, attributes: attributesOf(value.attributes), memos: memosOf(value.memos) };
  } catch {
    // Extras that do not parse are ignored: the standard part of the file is whole without them.
    return undefined;
  }
}

/** The archive entry a plainTextPath points to, matched case-insensitively, by path under Sources/ or by base name. */
function findEntry(archive: Archive, path: string): string | undefined {
  const bare = path.replace(/^(internal|relative|absolute):\/\/+/i, "").replace(/\\/g, "/");
  const base = bare.split("/").pop()!.toLowerCase();
  const lower = archive.names.map((n) => [n.toLowerCase().replace(/\\/g, "/"), n] as const);
  return (
    lower.find(([n]) => n === `sources/${base}`)?.[1] ??
    lower.find(([n]) => n === bare.toLowerCase())?.[1] ??
    lower.find(([n]) => n.split("/").pop() === base)?.[1]
  );
}

/** A source without text (an NVivo re-export writes a single newline) cannot carry codings: the file is incomplete. */
function checkText(file: string, source: RefiTextSource) {
  if (!source.text.trim()) throw refiError("sourceEmpty", file, { source: source.name || source.guid });
}

