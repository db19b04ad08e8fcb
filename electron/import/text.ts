import { linesToBlocks, type DocumentContent } from "../../shared/index.js";
import { decodeText, type TextEncodingName } from "./encoding.js";
import { importError } from "./errors.js";
import { markdownBlocks } from "./markdown.js";

export interface ImportedText {
  content: DocumentContent;
  encoding: TextEncodingName;
}

/** Decodes a text file, or throws the import error that says why it is not one. */
function decode(file: string, data: Uint8Array): { text: string; encoding: TextEncodingName } {
  const decoded = decodeText(data);
  if (!decoded.ok) {
    throw decoded.reason === "badEncoding"
      ? importError("badEncoding", file, { encoding: (decoded.encoding ?? "utf-8").toUpperCase() })
      : importError("notText", file);
  }
  return decoded;
}

/** .txt: the decoded text verbatim (BOM dropped, line endings kept), one paragraph per line. */
export function importPlainText(file: string, data: Uint8Array): ImportedText {
  const { text, encoding } = decode(file, data);
  const blocks = linesToBlocks(text);
  if (!blocks.length) throw importError("noText", file);
  return { content: { text, blocks }, encoding };
}

/** .md: the decoded text verbatim; `#` headings become heading blocks, other lines paragraphs. */
export function importMarkdown(file: string, data: Uint8Array): ImportedText {
  const { text, encoding } = decode(file, data);
  const blocks = markdownBlocks(text);
  if (!blocks.length) throw importError("noText", file);
  return { content: { text, blocks }, encoding };
}
