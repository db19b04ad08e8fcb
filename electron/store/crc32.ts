/**
 * CRC-32 (the IEEE polynomial zlib and gzip use), table-driven in JavaScript for small inputs and
 * zlib's for large ones. Loading node:zlib costs 2.1–2.4 ms of CPU, which every `tandai` call that
 * opens a project paid only to check a few kilobytes of project.json and journal lines; this table
 * does a 5 kB project.json in a few tenths of a millisecond, its tables included. Above ZLIB_FROM bytes
 * zlib's (hardware-assisted) CRC is far faster, and a file that large makes its load worth paying.
 * Both give the same value for the same bytes (tests/electron/store/crc32.test.ts).
 */

/** From this many bytes zlib's crc32 is used (loaded on first use). */
export const ZLIB_FROM = 32 * 1024;

/** Eight tables of 256 (slicing-by-8): the first is the classic byte table, table k the CRC of a byte followed by k zero bytes. */
let tables: Int32Array | undefined;

function makeTables(): Int32Array {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
}

/**
 * The table-driven CRC-32 of `bytes`, continuing from `running` (0 to start), as an unsigned 32-bit
 * number. Eight bytes per step: a command runs this once, mostly in V8's interpreter, where the
 * number of steps is what costs (a 16 kB journal in 0.85 ms cold, against 1.9 ms a byte at a time).
 */
export function crc32Js(bytes: Uint8Array, running = 0): number {
  const t = (tables ??= makeTables());
  let c = ~running;
  let i = 0;
  const n = bytes.length;
  for (; i + 8 <= n; i += 8) {
    const lo = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    const hi = bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24);
    c =
      t[1792 + (lo & 0xff)]! ^
      t[1536 + ((lo >>> 8) & 0xff)]! ^
      t[1280 + ((lo >>> 16) & 0xff)]! ^
      t[1024 + (lo >>> 24)]! ^
      t[768 + (hi & 0xff)]! ^
      t[512 + ((hi >>> 8) & 0xff)]! ^
      t[256 + ((hi >>> 16) & 0xff)]! ^
      t[hi >>> 24]!;
  }
  for (; i < n; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
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
