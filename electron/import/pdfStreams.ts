import { createInflate, constants } from "node:zlib";
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
 * pass MAX_PDF_UNPACKED_BYTES. Streams that do not inflate (damaged, other filters) are left to
 * pdf.js. Throws import.errors.bombRatio / tooLargeUnpacked naming the file.
 */
export async function checkPdfStreams(file: string, data: Uint8Array): Promise<void> {
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
    const inflated = await inflatedSize(compressed, limit);
    if (inflated > limit) {
      if (limit < MAX_PDF_UNPACKED_BYTES - total) {
        throw importError("bombRatio", file, { detail: `stream @${start}`, ratio: `${MAX_RATIO}+`, size: `${unpackedParams(inflated, MAX_PDF_UNPACKED_BYTES).size}+` });
      }
      throw importError("tooLargeUnpacked", file, unpackedParams(total + inflated, MAX_PDF_UNPACKED_BYTES));
    }
    total += inflated;
    STREAM.lastIndex = end;
  }
}

/** How many bytes `compressed` inflates to, counting no further than just past `limit` (and 0 if it is not zlib data). */
function inflatedSize(compressed: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.once("end", () => resolve(size));
    inflate.once("error", () => resolve(size));
    inflate.once("close", () => resolve(size));
    inflate.end(compressed);
  });
}
