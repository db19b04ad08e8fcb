import { XMLParser, XMLValidator } from "fast-xml-parser";
import { refiError } from "./errors.js";

export type XmlNode = Record<string, unknown>;

/** Deeper than any real code tree (REFI files nest codes; some 10 levels at most): deeper is refused as absurd. */
const MAX_DEPTH = 100;

/** The elements that may repeat, always read as lists. */
const LISTS = new Set([
  "User", "Code", "TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource", "PlainTextSelection", "PDFSelection",
  "Coding", "NoteRef", "Note", "Link", "Case", "SourceRef", "SelectionRef", "Set", "MemberSource", "MemberCode", "Description", "Variable", "VariableValue",
]);

/** The five predefined entities and character references, decoded here: the parser's entity processing stays off. */
function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e]!;
  });
}

/**
 * Parses untrusted XML: a DOCTYPE (the carrier of external entities and of entity expansion, the
 * "billion laughs") is refused before parsing, entity processing is off (the predefined entities
 * are decoded by hand), and nesting beyond MAX_DEPTH is refused. Namespace prefixes are dropped,
 * so `urn:QDA-XML:project:1.0` and its variants read alike. Throws refi.errors.*, naming the file.
 */
export function parseXml(file: string, text: string): XmlNode {
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) throw refiError("doctype", file);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw refiError("badXml", file, { detail: `${valid.err.msg} (line ${valid.err.line})` });
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: false,
    trimValues: false,
    maxNestedTags: MAX_DEPTH,
    isArray: (name) => LISTS.has(name),
    tagValueProcessor: (_name, value) => decodeEntities(value),
    attributeValueProcessor: (_name, value) => decodeEntities(value),
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    throw refiError("badXml", file, { detail: error instanceof Error ? error.message : String(error) });
  }
}

/** Element nodes of a list value; an element without attributes or children counts as {}. */
export function nodes(value: unknown): XmlNode[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (v && typeof v === "object" ? (v as XmlNode) : ({} as XmlNode)));
}

/** The text of an element (a string, or an object with #text when it has attributes), lists joined by blank lines. */
export function textOf(value: unknown): string {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((v) => (typeof v === "string" ? v : v && typeof v === "object" ? String((v as XmlNode)["#text"] ?? "") : ""))
    .filter((s) => s.trim())
    .join("\n\n");
}

export const attr = (node: XmlNode, name: string): string | undefined => {
  const v = node[`@_${name}`];
  return v === undefined ? undefined : String(v);
};
