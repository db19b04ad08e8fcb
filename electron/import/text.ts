import { linesToBlocks, type DocumentContent, type ErrorPayload } from "../../shared/index.js";
import { decodeText, type TextEncodingName } from "./encoding.js";
import { importError, importNotice } from "./errors.js";
import { MAX_BLOCKS } from "./limits.js";
import { markdownBlocks } from "./markdown.js";

export interface ImportedText {
  content: DocumentContent;
  encoding: TextEncodingName;
  notices: ErrorPayload[];
}

/** Decodes a text file (in `chosen` encoding if given), or throws the import error that says why it is not one. */
function decode(file: string, data: Uint8Array, chosen: string | undefined): { text: string; encoding: TextEncodingName; notices: ErrorPayload[] } {
  const decoded = decodeText(data, chosen);
  if (!decoded.ok) {
    if (decoded.reason === "unknownEncoding") throw importError("unknownEncoding", file, { encoding: decoded.encoding ?? "" });
    throw decoded.reason === "badEncoding"
      ? importError("badEncoding", file, { encoding: (decoded.encoding ?? "utf-8").toUpperCase() })
      : importError("notText", file);
  }
  const notices: ErrorPayload[] = [];
  const { notice } = decoded;
  if (notice?.key === "encodingAssumed") notices.push(importNotice(notice.key, file, { encoding: notice.encoding.toUpperCase() }));
  if (notice?.key === "badBytesReplaced") notices.push(importNotice(notice.key, file, { encoding: notice.encoding.toUpperCase(), count: notice.count }));
  return { text: decoded.text, encoding: decoded.encoding, notices };
}

/**
 * Refuses text with more non-blank lines than a document may have blocks, counted in one pass
 * over the characters before any per-line object is made: 50 MB of two-byte lines would
 * otherwise become 25 million blocks and gigabytes of memory.
 */
function checkLineCount(file: string, text: string): void {
  let lines = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (!blank) lines++;
      blank = true;
    } else if (blank && c > 32) blank = false;
  }
  if (!blank) lines++;
  if (lines > MAX_BLOCKS) throw importError("tooManyParagraphs", file, { count: lines, max: MAX_BLOCKS });
}

/** .txt: the decoded text verbatim (BOM dropped, line endings kept), one paragraph per line. */
export function importPlainText(file: string, data: Uint8Array, chosen?: string): ImportedText {
  const { text, encoding, notices } = decode(file, data, chosen);
  checkLineCount(file, text);
  const blocks = linesToBlocks(text);
  if (!blocks.length) throw importError("noText", file);
  return { content: { text, blocks }, encoding, notices };
}

/** .md: the decoded text verbatim; `#` headings become heading blocks, other lines paragraphs. */
export function importMarkdown(file: string, data: Uint8Array, chosen?: string): ImportedText {
  const { text, encoding, notices } = decode(file, data, chosen);
  checkLineCount(file, text);
  const blocks = markdownBlocks(text);
  if (!blocks.length) throw importError("noText", file);
  return { content: { text, blocks }, encoding, notices };
}
