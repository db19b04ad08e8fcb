import { crc32 } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { TandaiError } from "../../shared/index.js";
import { detailOf, importError } from "./errors.js";
import { MAX_DOCX_PARAGRAPHS, MAX_RATIO, MAX_UNPACKED_BYTES, RATIO_FREE_BYTES, unpackedParams } from "./limits.js";

/** The part of a .docx that holds the body's paragraphs. */
const BODY = "word/document.xml";

/**
 * What becomes a block: a paragraph's opening tag, or a line break inside one (which splits it),
 * whatever the namespace prefix: `<w:p>`, `<w:p w:rsidR=…>`, `<w:p/>`, `<w:br/>`, `<w:cr/>`.
 */
const PARAGRAPH = /<(?:[A-Za-z_][\w.-]*:)?(?:p|br|cr)[\s>/]/g;

/**
 * Checks a .docx's zip before mammoth (which inflates every part into memory at once, with no
 * limit and no checksum) is given it:
 * - from the central directory, before anything is inflated: the parts' declared sizes together,
 *   and each part's compression ratio, which a decompression bomb gives away;
 * - then inflating each part as a stream, a chunk at a time: yauzl stops a part that inflates to
 *   more than it declared, and its CRC-32 is compared with the directory's, so a damaged file is
 *   refused instead of imported with changed text; the body's paragraphs are counted on the way.
 * Throws import.errors.tooLargeUnpacked, damaged, tooManyParagraphs or docxInvalid, naming the file.
 */
export async function checkDocxZip(file: string, data: Uint8Array): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, opened) =>
        error ? reject(error) : resolve(opened),
      ),
    );
  } catch (error) {
    throw importError("docxInvalid", file, { detail: detailOf(error) });
  }
  try {
    const entries = await listEntries(zip);
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > MAX_UNPACKED_BYTES) throw importError("tooLargeUnpacked", file, unpackedParams(declared, MAX_UNPACKED_BYTES));
    for (const entry of entries) {
      if (entry.uncompressedSize > RATIO_FREE_BYTES && entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)) {
        const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
        throw importError("bombRatio", file, { detail: entry.fileName, ratio, size: unpackedParams(entry.uncompressedSize, MAX_UNPACKED_BYTES).size });
      }
    }
    for (const entry of entries) await checkEntry(file, zip, entry);
  } catch (error) {
    if (error instanceof TandaiError) throw error;
    throw importError("docxInvalid", file, { detail: detailOf(error) });
  } finally {
    zip.close();
  }
}

/** Every file entry of an archive opened with `lazyEntries` (folders left out), from its central directory. */
export function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (entry: Entry) => {
      if (!entry.fileName.endsWith("/")) entries.push(entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

/** Inflates one part as a stream: its checksum, and for the body its paragraph count. */
function checkEntry(file: string, zip: ZipFile, entry: Entry): Promise<void> {
  const isBody = entry.fileName === BODY;
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      let crc = 0;
      let paragraphs = 0;
      // A tag may straddle two chunks: the end of the previous chunk is searched again with the next.
      let tail = "";
      stream.on("data", (chunk: Buffer) => {
        crc = crc32(chunk, crc);
        if (!isBody) return;
        const text = tail + chunk.toString("latin1");
        PARAGRAPH.lastIndex = 0;
        let last = 0;
        for (let m = PARAGRAPH.exec(text); m; m = PARAGRAPH.exec(text)) {
          paragraphs++;
          last = m.index + m[0].length;
        }
        tail = text.slice(Math.max(last, text.length - 64));
        if (paragraphs > MAX_DOCX_PARAGRAPHS) {
          stream.destroy();
          reject(importError("tooManyParagraphs", file, { count: `${paragraphs}+`, max: MAX_DOCX_PARAGRAPHS }));
        }
      });
      stream.once("error", reject);
      stream.once("end", () => ((crc >>> 0) === entry.crc32 >>> 0 ? resolve() : reject(importError("damaged", file, { detail: entry.fileName }))));
    });
  });
}
