import { randomBytes } from "node:crypto";
import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, crc32Js, ZLIB_FROM } from "../../../electron/store/crc32.js";
import { crcHex } from "../../../electron/store/snapshot.js";

/** A deterministic pseudo-random generator, so a failure names an input that can be made again. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s;
  };
}

describe("the store's CRC-32 (a table in JavaScript below ZLIB_FROM bytes, zlib's above)", () => {
  it("gives the standard check value and zlib's value for edge inputs", () => {
    expect(crc32Js(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32("123456789")).toBe(0xcbf43926);
    const edges: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from([0]),
      Buffer.from([0xff]),
      Buffer.alloc(4, 0xff),
      Buffer.alloc(1000, 0),
      Buffer.alloc(1000, 0xff),
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    ];
    for (const bytes of edges) {
      expect(crc32Js(bytes), `${bytes.length} bytes`).toBe(zlibCrc32(bytes));
      expect(crc32(bytes), `${bytes.length} bytes`).toBe(zlibCrc32(bytes));
    }
  });

  it("gives zlib's value on random bytes of every size around the switch, and from any running value", () => {
    const next = generator(13);
    const sizes = [1, 2, 3, 7, 8, 15, 16, 17, 255, 256, 257, 4096, 5000, ZLIB_FROM - 1, ZLIB_FROM, ZLIB_FROM + 1, 3 * ZLIB_FROM + 5];
    for (let i = 0; i < 60; i++) sizes.push(next() % 20_000);
    for (const size of sizes) {
      const bytes = randomBytes(size);
      const running = next();
      expect(crc32(bytes), `${size} bytes`).toBe(zlibCrc32(bytes));
      expect(crc32Js(bytes), `${size} bytes`).toBe(zlibCrc32(bytes));
      expect(crc32(bytes, running), `${size} bytes from ${running}`).toBe(zlibCrc32(bytes, running));
      expect(crc32Js(bytes, running), `${size} bytes from ${running}`).toBe(zlibCrc32(bytes, running));
    }
  });

  it("counts a string as its UTF-8 bytes, as zlib does (Indonesian, emoji, lone surrogates, long strings)", () => {
    const next = generator(7);
    const strings = [
      "",
      "Saya pindah ke Padang karena pekerjaan.",
      '{"seq":1,"at":"2026-12-01T00:00:00.000Z","op":{"type":"addCode"}}',
      "é ñ ü — “kutipan” 日本語 😀 \u{10ffff}",
      "\ud800",
      "a\udc00b",
      "\u0000\u007f\u0080\u07ff\u0800\uffff",
      "x".repeat(ZLIB_FROM - 1),
      "é".repeat(ZLIB_FROM / 2 + 1),
      "y".repeat(ZLIB_FROM + 3),
    ];
    for (let i = 0; i < 40; i++) {
      let s = "";
      const length = next() % 3000;
      for (let j = 0; j < length; j++) s += String.fromCharCode(next() % 0x10000);
      strings.push(s);
    }
    for (const s of strings) {
      expect(crc32(s), JSON.stringify(s.slice(0, 40))).toBe(zlibCrc32(s));
      expect(crc32(s, 12345), JSON.stringify(s.slice(0, 40))).toBe(zlibCrc32(s, 12345));
      expect(crcHex(s)).toBe(zlibCrc32(s).toString(16).padStart(8, "0"));
    }
  });

  it("continues one implementation's running value with the other's, as the snapshot's writer does past ZLIB_FROM", () => {
    const parts = [randomBytes(10_000), randomBytes(ZLIB_FROM), randomBytes(333)];
    let mixed = 0;
    for (const [i, part] of parts.entries()) mixed = i % 2 ? zlibCrc32(part, mixed) : crc32Js(part, mixed);
    expect(mixed).toBe(zlibCrc32(Buffer.concat(parts)));
  });
});
