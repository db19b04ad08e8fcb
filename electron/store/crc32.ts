/**
 * CRC-32 (the IEEE polynomial zlib and gzip use), table-driven in JavaScript for small inputs and
 * zlib's for large ones. Loading node:zlib costs 2.1–2.4 ms of CPU, which every `tandai` call that
 * opens a project paid only to check a few kilobytes of project.json and journal lines; this table
 * does a 5 kB project.json in well under a millisecond, its table included. Above ZLIB_FROM bytes
 * zlib's (hardware-assisted) CRC is far faster, and a file that large makes its load worth paying.
 * Both give the same value for the same bytes (tests/electron/store/crc32.test.ts).
 */

/** From this many bytes zlib's crc32 is used (loaded on first use). */
export const ZLIB_FROM = 64 * 1024;

let table: Int32Array | undefined;

function makeTable(): Int32Array {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
}

/** The table-driven CRC-32 of `bytes`, continuing from `running` (0 to start), as an unsigned 32-bit number. */
export function crc32Js(bytes: Uint8Array, running = 0): number {
  const t = (table ??= makeTable());
  let c = ~running;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

type ZlibCrc = (data: string | Uint8Array, value?: number) => number;
let zlibCrc: ZlibCrc | undefined;

/** zlib's crc32, loaded the first time a large input needs it. Its running value is the same as crc32Js's. */
export function zlib(): ZlibCrc {
  return (zlibCrc ??= (process.getBuiltinModule("node:zlib") as typeof import("node:zlib")).crc32);
}

/**
 * The CRC-32 of `data` (a string counts as its UTF-8 bytes, as zlib's does), continuing from
 * `running`, as an unsigned 32-bit number.
 */
export function crc32(data: string | Uint8Array, running = 0): number {
  // A string's UTF-8 length is at least its length: long strings go to zlib without being encoded here.
  if (data.length >= ZLIB_FROM) return zlib()(data, running) >>> 0;
  return crc32Js(typeof data === "string" ? Buffer.from(data, "utf8") : data, running);
}
