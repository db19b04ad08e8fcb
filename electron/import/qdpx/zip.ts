import { crc32 } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { TandaiError } from "../../../shared/index.js";
import { detailOf, importError } from "../errors.js";
import { MAX_RATIO, MAX_UNPACKED_BYTES, RATIO_FREE_BYTES, unpackedParams } from "../limits.js";
import { listEntries } from "../zip.js";
import { refiError } from "./errors.js";

/** One part of the archive is at most this once inflated (a 300-source project's .qde is some 30 MB). */
export const MAX_ENTRY_BYTES = 128 * 1024 * 1024;

/** A zip read entry by entry: the central directory checked first, then only the parts asked for inflated, as streams. */
export interface Archive {
  /** Entry names (files only), as written. */
  names: string[];
  read(name: string): Promise<Uint8Array>;
  /** A part inflated chunk by chunk, never whole in memory; its CRC-32 is compared once it has all come. */
  stream(name: string): AsyncIterable<Uint8Array>;
  close(): void;
}

/** A path that would leave the folder it is unpacked into, or is absolute (zip-slip). */
function unsafePath(name: string): boolean {
  const path = name.replace(/\\/g, "/");
  return path.startsWith("/") || /^[A-Za-z]:/.test(path) || path.split("/").some((part) => part === "..");
}

/**
 * Opens a .qdpx from memory and checks, before anything is inflated: no zip-slip path, the parts'
 * declared sizes together and each on its own, each part's compression ratio (which gives a
 * decompression bomb away). Reading a part inflates it as a stream, stopped by yauzl if it grows
 * past what it declared, and compares its CRC-32. Throws refi.errors.* / import.errors.*, naming the file.
 */
export async function openArchive(file: string, data: Uint8Array): Promise<Archive> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, opened) =>
        error ? reject(error) : resolve(opened),
      ),
    );
  } catch (error) {
    throw refiError("notZip", file, { detail: detailOf(error) });
  }
  try {
    const entries = await listEntries(zip);
    let declared = 0;
    for (const entry of entries) {
      if (unsafePath(entry.fileName)) throw refiError("unsafePath", file, { detail: entry.fileName });
      declared += entry.uncompressedSize;
      if (entry.uncompressedSize > MAX_ENTRY_BYTES) throw importError("tooLargeUnpacked", file, unpackedParams(entry.uncompressedSize, MAX_ENTRY_BYTES));
      if (entry.uncompressedSize > RATIO_FREE_BYTES && entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)) {
        const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
        throw importError("bombRatio", file, { detail: entry.fileName, ratio, size: unpackedParams(entry.uncompressedSize, MAX_UNPACKED_BYTES).size });
      }
    }
    if (declared > MAX_UNPACKED_BYTES) throw importError("tooLargeUnpacked", file, unpackedParams(declared, MAX_UNPACKED_BYTES));
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    return {
      names: entries.map((e) => e.fileName),
      read: (name) => readEntry(file, zip, byName.get(name)!),
      stream: (name) => streamEntry(file, zip, byName.get(name)!),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    if (error instanceof TandaiError) throw error;
    throw refiError("notZip", file, { detail: detailOf(error) });
  }
}

function readEntry(file: string, zip: ZipFile, entry: Entry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(refiError("notZip", file, { detail: `${entry.fileName}: ${detailOf(error)}` }));
      const chunks: Buffer[] = [];
      let crc = 0;
      stream.on("data", (chunk: Buffer) => {
        crc = crc32(chunk, crc);
        chunks.push(chunk);
      });
      stream.once("error", (e) => reject(refiError("notZip", file, { detail: `${entry.fileName}: ${detailOf(e)}` })));
      stream.once("end", () => ((crc >>> 0) === entry.crc32 >>> 0 ? resolve(Buffer.concat(chunks)) : reject(importError("damaged", file, { detail: entry.fileName }))));
    });
  });
}

async function* streamEntry(file: string, zip: ZipFile, entry: Entry): AsyncGenerator<Uint8Array> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (error, opened) => (error ? reject(refiError("notZip", file, { detail: `${entry.fileName}: ${detailOf(error)}` })) : resolve(opened))),
  );
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof TandaiError) throw error;
    throw refiError("notZip", file, { detail: `${entry.fileName}: ${detailOf(error)}` });
  }
  if ((crc >>> 0) !== entry.crc32 >>> 0) throw importError("damaged", file, { detail: entry.fileName });
}
