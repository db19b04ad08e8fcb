import { createInflate } from "node:zlib";
import { importError } from "./errors.js";
import { MAX_PDF_UNPACKED_BYTES, MAX_RATIO, RATIO_FREE_BYTES, unpackedParams } from "./limits.js";

/** `stream` followed by its end of line, where a PDF stream's data starts. */
const STREAM = /stream\r?\n/g;

/** How far back from `stream` a stream's dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;

/**
 * Refuses a PDF whose compressed streams would inflate beyond reason, before pdf.js inflates
 * them: pdf.js decodes a FlateDecode stream into one growing buffer outside the JavaScript heap,
 * so a 1 MB stream of zeros becomes a 1 GiB allocation no heap limit stops. Each Flate stream
 * the text layer would decode (images are never decoded for text, so they are skipped) is
 * inflated here as a stream, counting its bytes and keeping none, and stopped as soon as it grows
 * more than MAX_RATIO times its compressed size (past RATIO_FREE_BYTES) or all of them together
 * pass MAX_PDF_UNPACKED_BYTES. Streams that do not inflate cleanly are left to pdf.js (which reads
 * what it can) and returned by their offset, so the import can say the file was damaged. Throws
 * import.errors.bombRatio / tooLargeUnpacked naming the file.
 */
export async function checkPdfStreams(file: string, data: Uint8Array): Promise<{ damaged: number[] }> {
  const damaged: number[] = [];
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1");
  let total = 0;
  STREAM.lastIndex = 0;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    if (text.startsWith("end", m.index - 3)) continue; // "endstream"
    const dictionary = text.slice(Math.max(0, m.index - DICTIONARY_WINDOW), m.index);
    const opened = dictionary.lastIndexOf("obj");
    const own = opened >= 0 ? dictionary.slice(opened) : dictionary;
    if (!/\/FlateDecode|\/Fl\b/.test(own) || /\/Subtype\s*\/Image/.test(own)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    const compressed = data.subarray(start, end);
    const limit = Math.min(Math.max(RATIO_FREE_BYTES, MAX_RATIO * compressed.length), MAX_PDF_UNPACKED_BYTES - total);
    const { size: inflated, ok } = await inflatedSize(compressed, limit);
    if (!ok) damaged.push(start);
    if (inflated > limit) {
      if (limit < MAX_PDF_UNPACKED_BYTES - total) {
        throw importError("bombRatio", file, { detail: `stream @${start}`, ratio: `${MAX_RATIO}+`, size: `${unpackedParams(inflated, MAX_PDF_UNPACKED_BYTES).size}+` });
      }
      throw importError("tooLargeUnpacked", file, unpackedParams(total + inflated, MAX_PDF_UNPACKED_BYTES));
    }
    total += inflated;
    STREAM.lastIndex = end;
  }
  return { damaged };
}

/**
 * How many bytes `compressed` inflates to, counting no further than just past `limit`, and whether
 * it inflated cleanly: zlib checks its own Adler-32 checksum, so a bit flipped in a compressed
 * stream is caught here even where pdf.js would read on silently with lines missing.
 */
function inflatedSize(compressed: Uint8Array, limit: number): Promise<{ size: number; ok: boolean }> {
  return new Promise((resolve) => {
    // Z_FINISH (the default): a stream cut short, as a damaged /Length makes it, is an error too.
    const inflate = createInflate();
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve({ size, ok: true });
      }
    });
    inflate.once("end", () => resolve({ size, ok: true }));
    inflate.once("error", () => resolve({ size, ok: false }));
    inflate.once("close", () => resolve({ size, ok: true }));
    inflate.end(compressed);
  });
}
