/**
 * Bounds on what one imported file may become, checked before the work that would exceed them, so
 * that a hostile or broken file fails with a message naming it instead of exhausting memory.
 * They sit far beyond any real transcript or thesis (a 300-page thesis has some 5,000 paragraphs).
 */

/** Paragraphs and headings of one document. Each costs some 100 bytes in memory and 50 on disk. */
export const MAX_BLOCKS = 1_000_000;

/**
 * Paragraphs of a .docx. mammoth holds an XML tree and a document model of several kilobytes
 * per paragraph, so the cap is lower than MAX_BLOCKS: counted in document.xml before mammoth runs.
 */
export const MAX_DOCX_PARAGRAPHS = 200_000;

/** What a .docx's parts may inflate to, together (per the zip's central directory, checked while inflating). */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/**
 * How many times larger than its compressed size a part may inflate. XML compresses some 10–30×;
 * a run of one repeated byte, what a decompression bomb is made of, compresses 1000×.
 */
export const MAX_RATIO = 200;

/** Parts smaller than this inflate freely whatever their ratio (a tiny XML part of repeated spaces is fine). */
export const RATIO_FREE_BYTES = 1024 * 1024;

/** Streams of a PDF (content, fonts, object streams; not images, which text extraction skips) may inflate to this, together. */
export const MAX_PDF_UNPACKED_BYTES = 512 * 1024 * 1024;

const MIB = 1024 * 1024;

/** Params of import.errors.tooLargeUnpacked: what the file would unpack to, and the limit, in MB. */
export function unpackedParams(bytes: number, max: number): { size: string; max: number } {
  return { size: (bytes / MIB).toFixed(1), max: Math.round(max / MIB) };
}

/** Pages of a PDF (a thesis has some 300; pdf.js keeps every page it has parsed). */
export const MAX_PDF_PAGES = 10_000;

/** Characters of text extracted from one PDF, past which it is too large once unpacked. */
export const MAX_TEXT_CHARS = 64 * 1024 * 1024;
