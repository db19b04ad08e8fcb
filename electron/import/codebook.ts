import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ImportedCode } from "../../shared/index.js";
import { MAX_IMPORT_BYTES, tooLargeParams } from "../../shared/model/limits.js";
import { importError } from "./errors.js";
import { TandaiError } from "../../shared/index.js";

/** The longest code name a project keeps; longer names are cut, not refused. */
const MAX_NAME = 200;
const COLOR = /^#[0-9a-fA-F]{6}$/;

type XmlNode = Record<string, unknown>;

/**
 * Parses a REFI-QDA codebook (`.qdc`, or the CodeBook of a project `.qde`; UTF-8 or UTF-16; namespace urn:QDA-XML:codebook:1.0: CodeBook > Codes >
 * Code{name, color?}(Description?, Code*)) into a plain tree. Namespace prefixes are ignored, so
 * `<qdc:Code>` and `<Code>` read alike; `Sets` are ignored. A colour that is not `#RRGGBB` is
 * dropped (the code then gets the next palette colour when imported) rather than failing the file.
 * Throws a TandaiError (`import.errors.*`, params.file = the file's base name) for a file that is
 * not XML, not a codebook, has a code without a name, or has no codes.
 */
export function parseCodebook(fileName: string, data: Uint8Array): ImportedCode[] {
  return readCodebook(fileName, data).codes;
}

/**
 * parseCodebook, and the namespace the codebook was read in (`urn:QDA-XML:codebook:1.0`, the
 * older `…:0:4`, the project's `urn:QDA-XML:project:1.0` for a .qde, or "" for none), to say which.
 */
export function readCodebook(fileName: string, data: Uint8Array): { codes: ImportedCode[]; namespace: string } {
  const file = fileName.split(/[\\/]/).pop() || fileName;
  if (data.byteLength === 0) throw importError("empty", file);
  if (data.byteLength > MAX_IMPORT_BYTES) throw importError("tooLarge", file, tooLargeParams(data.byteLength));
  let text: string;
  try {
    text = new TextDecoder(xmlEncoding(data), { fatal: true }).decode(data).replace(/^\uFEFF/, "");
  } catch {
    // Messages are whole sentences in the user's language; the parser's English stays in `detail`, for the record.
    throw new TandaiError("refi.errors.codebookEncoding", { file, encoding: xmlEncoding(data).toUpperCase() });
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw importError("codebookNotXml", file, { detail: valid.err.msg, line: valid.err.line });

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === "Code" || name === "Codes" || name === "Description",
  });
  let root: XmlNode;
  try {
    root = parser.parse(text) as XmlNode;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw importError("codebookNotXml", file, { detail, line: /line:? ?(\d+)/i.exec(detail)?.[1] ?? "?" });
  }
  // An empty <CodeBook/> parses to "", a CodeBook still (with no codes).
  // A project file (.qde) holds its codebook under Project: read it from there too.
  const project = root && typeof root === "object" && "Project" in root ? asNodes(root["Project"])[0] : undefined;
  const holder = project && "CodeBook" in project ? project : root;
  if (!holder || typeof holder !== "object" || !("CodeBook" in holder)) throw importError("codebookNotCodebook", file);
  const book = asNodes(holder["CodeBook"])[0] ?? {};

  // A nameless code is placed by its parent's path and its position, e.g. "Motif › #2".
  const read = (nodes: unknown, parentPath: string[]): ImportedCode[] =>
    asNodes(nodes).map((node, position) => {
      const name = String(node["@_name"] ?? "").replace(/\s+/g, " ").trim();
      if (!name) throw importError("codebookNoName", file, { detail: [...parentPath, `#${position + 1}`].join(" › ") });
      const color = String(node["@_color"] ?? "").trim();
      // Some writers put the description in an attribute instead of the element.
      const description = textOf(node["Description"]) || String(node["@_description"] ?? "").trim();
      const code: ImportedCode = { name: name.slice(0, MAX_NAME), children: [] };
      if (COLOR.test(color)) code.color = color.toLowerCase();
      if (description) code.description = description;
      if (String(node["@_isCodable"] ?? "").trim() === "false") code.codable = false;
      code.children = read(node["Code"], [...parentPath, code.name]);
      return code;
    });
  const codes = asNodes(book["Codes"]).flatMap((codesNode) => read(codesNode["Code"], []));
  if (codes.length === 0) throw importError("codebookEmpty", file);
  const namespace = /<(?:[\w.-]+:)?(?:CodeBook|Project)\b[^>]*?\sxmlns(?::[\w.-]+)?\s*=\s*["']([^"']*)["']/.exec(text)?.[1] ?? "";
  return { codes, namespace };
}

/** The encoding of an XML file by its byte-order mark or its first `<` (UTF-16 files from Windows tools). */
function xmlEncoding(data: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0x3c && data[1] === 0x00)) return "utf-16le";
  if ((data[0] === 0xfe && data[1] === 0xff) || (data[0] === 0x00 && data[1] === 0x3c)) return "utf-16be";
  return "utf-8";
}

/** Element nodes of a value fast-xml-parser gives as an array; an element without attributes or children counts as {}. */
function asNodes(value: unknown): XmlNode[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (v && typeof v === "object" ? (v as XmlNode) : ({} as XmlNode)));
}

/** The text of a Description (a string, or an object with #text when it has attributes). */
function textOf(value: unknown): string {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((v) => (typeof v === "string" ? v : v && typeof v === "object" ? String((v as XmlNode)["#text"] ?? "") : ""))
    .join("\n")
    .trim();
}
