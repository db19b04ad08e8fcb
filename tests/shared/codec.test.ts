import { describe, expect, it } from "vitest";
import { decodeWire, encodeWire, TandaiError } from "../../shared/index.js";

/** The web transport's request codec: bytes as strict base64, and bad bytes named by their file. */
describe("wire codec", () => {
  it("carries bytes of every length through", () => {
    for (const length of [0, 1, 2, 3, 4, 100_000]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 37) % 256);
      expect(decodeWire(encodeWire({ files: [{ name: "a.txt", data }] }))).toEqual({ files: [{ name: "a.txt", data }] });
    }
  });

  it.each(["aGFsbw", "aGFs bw==", "aGFsbw===", "!!!!", "aGFsbw==\n"])("refuses %j, which is not strict base64, naming the file", (text) => {
    const decode = () => decodeWire(JSON.stringify({ files: [{ name: "wawancara.docx", data: { $bytes: text } }] }));
    expect(decode).toThrow(TandaiError);
    expect(decode).toThrow(expect.objectContaining({ code: "web.errors.badBytes", params: { file: "wawancara.docx" } }));
  });

  it("names the field when the bytes are not in a named file", () => {
    expect(() => decodeWire('{"file": {"$bytes": "@@@@"}}')).toThrow(expect.objectContaining({ params: { file: "file" } }));
    expect(() => decodeWire('{"$bytes": "@@@@"}')).toThrow(expect.objectContaining({ params: { file: "" } }));
  });
});
