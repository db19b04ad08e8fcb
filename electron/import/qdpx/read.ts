import { normalizeGuid, type RefiCode, type RefiProject, type RefiSelection, type RefiTextSource, type TandaiExtras } from "../../../shared/refi/model.js";
import { Framework, StoredOverride } from "../../../shared/frameworks/model.js";
import { decodeText } from "../encoding.js";
import { type Archive, openArchive } from "./zip.js";
import { refiError } from "./errors.js";
import { attr, nodes, parseXml, textOf, type XmlNode } from "./xml.js";

const COLOR = /^#([0-9a-fA-F]{6})$/;
const RGB = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/i;

/** `#RRGGBB` or `rgb(r, g, b)` as `#rrggbb`; anything else (or nothing): undefined. */
export function readColor(value: string | undefined): string | undefined {
  const v = value?.trim() ?? "";
  if (COLOR.test(v)) return v.toLowerCase();
  const m = RGB.exec(v);
  if (m && m.slice(1).every((n) => Number(n) <= 255)) return `#${m.slice(1).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;
  return undefined;
}

/** Whether the bytes are a zip (a .qdpx, or one renamed .zip), by their signature, not their name. */
const isZip = (data: Uint8Array) => data[0] === 0x50 && data[1] === 0x4b;

/** Text of a .qde or a source: BOM dropped, line ends kept, UTF-8 or UTF-16 by its BOM. */
function decode(data: Uint8Array): string | null {
  const decoded = decodeText(data);
  return decoded.ok ? decoded.text : null;
}

/**
 * Reads a REFI-QDA project: a .qdpx (or the same renamed .zip) or a bare .qde. In an archive the
 * project file is the .qde wherever it is and whatever its name (ATLAS.ti 26 names it after the
 * project); source texts are looked up case-insensitively (`Sources/` or `sources/`), by
 * `internal://`, `relative://`, `absolute://` or a bare file name (as QualCoder writes it). Only the
 * .qde and the plain-text files the project points to are inflated; `.docx`, PDFs and media are
 * never read. Throws refi.errors.* naming the file: nothing half-read is returned.
 */
export async function readRefiProject(fileName: string, data: Uint8Array): Promise<RefiProject> {
  const file = fileName.split(/[\\/]/).pop() || fileName;
  if (!isZip(data)) {
    const text = decode(data);
    if (text === null || !text.trimStart().startsWith("<")) throw refiError("notProject", file, { detail: "not XML" });
    if (/^\s*<(!doctype\s+html|html)[\s>]/i.test(text)) throw refiError("notProject", file, { detail: "an HTML page" });
    return projectFrom(file, parseXml(file, text), null);
  }
  const archive = await openArchive(file, data);
  try {
    const qde = archive.names.find((n) => /\.qde$/i.test(n));
    if (!qde) throw refiError("noProjectFile", file);
    const text = decode(await archive.read(qde));
    if (text === null) throw refiError("notProject", file, { detail: `${qde} is not text` });
    const project = projectFrom(file, parseXml(file, text), archive);
    const extras = archive.names.find((n) => n.toLowerCase() === "tandai.json");
    if (extras) project.extras = readExtras(await archive.read(extras));
    // Source texts, read one after another (one inflated at a time).
    for (const source of project.sources) {
      if (source.text !== PENDING) continue;
      const path = pending.get(source)!;
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

/** Marks a source whose text is in a file of the archive, until it is read. */
const PENDING = "\u0000pending";
const pending = new WeakMap<RefiTextSource, string>();

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
    return { format: 1, ids: value.ids ?? {}, contradicts: value.contradicts ?? [], indicators: value.indicators ?? {}, documents: value.documents ?? {}, codes: value.codes ?? {}, frameworks, overrides, created: value.created ?? {}, attributes: value.attributes ?? {} };
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

function guidOf(file: string, node: XmlNode, element: string): string {
  const guid = attr(node, "guid");
  if (!guid?.trim()) throw refiError("missingAttribute", file, { element, attribute: "guid" });
  return normalizeGuid(guid);
}

const refs = (value: unknown) => nodes(value).flatMap((n) => (attr(n, "targetGUID") ? [normalizeGuid(attr(n, "targetGUID")!)] : []));

function projectFrom(file: string, root: XmlNode, archive: Archive | null): RefiProject {
  const project = nodes(root["Project"])[0];
  if (!project || !("Project" in root)) throw refiError("notProject", file, { detail: "no Project element" });
  const result: RefiProject = {
    name: attr(project, "name") ?? file,
    ...(attr(project, "origin") ? { origin: attr(project, "origin")! } : {}),
    users: {},
    codes: [],
    sources: [],
    notes: [],
    projectNoteGuids: refs(project["NoteRef"]),
    links: [],
    codeNoteGuids: {},
    cases: [],
    sets: [],
    variables: [],
    values: [],
    skipped: { pdfSources: 0, pdfSelections: 0, pictures: 0, audio: 0, video: 0 },
  };
  for (const users of nodes(project["Users"])) for (const user of nodes(users["User"])) result.users[guidOf(file, user, "User")] = attr(user, "name") ?? attr(user, "id") ?? "";

  const readCodes = (list: unknown): RefiCode[] =>
    nodes(list).map((node) => {
      const guid = guidOf(file, node, "Code");
      const description = textOf(node["Description"]).trim() || attr(node, "description")?.trim();
      const color = readColor(attr(node, "color"));
      const notes = refs(node["NoteRef"]);
      if (notes.length) result.codeNoteGuids[guid] = notes;
      return { guid, name: attr(node, "name") ?? "", isCodable: attr(node, "isCodable") !== "false", ...(color ? { color } : {}), ...(description ? { description } : {}), children: readCodes(node["Code"]) };
    });
  for (const book of nodes(project["CodeBook"])) for (const codes of nodes(book["Codes"])) result.codes.push(...readCodes(codes["Code"]));

  function readValues(node: XmlNode, owner: "case" | "source", ownerGuid: string) {
    for (const vv of nodes(node["VariableValue"])) {
      const variable = refs(vv["VariableRef"])[0];
      const key = ["TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"].find((k) => vv[k] !== undefined);
      if (variable && key) result.values.push({ owner, ownerGuid, variableGuid: variable, value: textOf(vv[key]).trim() });
    }
  }
  const textSource = (node: XmlNode, name: string | undefined): RefiTextSource => {
    const guid = guidOf(file, node, "TextSource");
    readValues(node, "source", guid);
    const selections: RefiSelection[] = nodes(node["PlainTextSelection"]).map((s) => ({
      guid: guidOf(file, s, "PlainTextSelection"),
      start: Number(attr(s, "startPosition") ?? NaN),
      end: Number(attr(s, "endPosition") ?? NaN),
      name: attr(s, "name") ?? "",
      ...(textOf(s["Description"]).trim() ? { description: textOf(s["Description"]) } : {}),
      codings: nodes(s["Coding"]).flatMap((c) => {
        const code = refs(nodes(c["CodeRef"]))[0];
        if (!code) return [];
        const user = attr(c, "creatingUser") ?? attr(s, "creatingUser");
        const date = attr(c, "creationDateTime") ?? attr(s, "creationDateTime");
        return [{ guid: guidOf(file, c, "Coding"), codeGuid: code, ...(user ? { userGuid: normalizeGuid(user) } : {}), ...(date ? { createdAt: date } : {}) }];
      }),
      noteGuids: refs(s["NoteRef"]),
    }));
    for (const s of selections) if (!Number.isFinite(s.start) || !Number.isFinite(s.end)) throw refiError("missingAttribute", file, { element: "PlainTextSelection", attribute: "startPosition/endPosition" });
    const inline = node["PlainTextContent"];
    const description = textOf(node["Description"]);
    const source: RefiTextSource = { guid, name: name ?? attr(node, "name") ?? "", text: "", selections, noteGuids: refs(node["NoteRef"]), ...(description.trim() ? { description } : {}) };
    if (inline !== undefined) source.text = textOf(inline).replace(/^\uFEFF/, "");
    else {
      const path = attr(node, "plainTextPath");
      if (!path || !archive) throw refiError("sourceMissing", file, { source: source.name || guid, path: path ?? "plainTextPath" });
      source.text = PENDING;
      pending.set(source, path);
    }
    return source;
  };
  for (const sources of nodes(project["Sources"])) {
    for (const node of nodes(sources["TextSource"])) result.sources.push(textSource(node, undefined));
    for (const pdf of nodes(sources["PDFSource"])) {
      result.skipped.pdfSelections += nodes(pdf["PDFSelection"]).length;
      const representation = nodes(pdf["Representation"])[0];
      if (representation) {
        const source = textSource(representation, attr(pdf, "name") ?? attr(representation, "name"));
        result.sources.push(source);
        // Values on the PDF source belong to the document its text becomes.
        readValues(pdf, "source", source.guid);
      }
      else result.skipped.pdfSources++;
    }
    result.skipped.pictures += nodes(sources["PictureSource"]).length;
    result.skipped.audio += nodes(sources["AudioSource"]).length;
    result.skipped.video += nodes(sources["VideoSource"]).length;
  }
  for (const notes of nodes(project["Notes"])) {
    for (const note of nodes(notes["Note"])) {
      const guid = guidOf(file, note, "Note");
      result.notes.push({ guid, name: attr(note, "name") ?? "", text: textOf(note["PlainTextContent"]) || textOf(note["Description"]) });
    }
  }
  for (const links of nodes(project["Links"])) {
    for (const link of nodes(links["Link"])) {
      const origin = attr(link, "originGUID");
      const target = attr(link, "targetGUID");
      if (origin && target) result.links.push({ originGuid: normalizeGuid(origin), targetGuid: normalizeGuid(target) }, { originGuid: normalizeGuid(target), targetGuid: normalizeGuid(origin) });
    }
  }
  for (const cases of nodes(project["Cases"])) {
    for (const kase of nodes(cases["Case"])) {
      const guid = guidOf(file, kase, "Case");
      result.cases.push({ guid, name: attr(kase, "name") ?? "", sourceGuids: refs(kase["SourceRef"]) });
      readValues(kase, "case", guid);
    }
  }
  for (const variables of nodes(project["Variables"])) {
    for (const v of nodes(variables["Variable"])) result.variables.push({ guid: guidOf(file, v, "Variable"), name: attr(v, "name") ?? "", type: attr(v, "typeOfVariable") ?? "Text" });
  }
  for (const sets of nodes(project["Sets"])) {
    for (const set of nodes(sets["Set"])) result.sets.push({ guid: guidOf(file, set, "Set"), name: attr(set, "name") ?? "", sourceGuids: refs(set["MemberSource"]), codeGuids: refs(set["MemberCode"]) });
  }
  if (!archive) for (const source of result.sources) checkText(file, source);
  return result;
}
