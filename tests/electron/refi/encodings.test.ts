import { describe, expect, it } from "vitest";
import { readRefiProject } from "../../../electron/import/qdpx/index.js";
import { TandaiError } from "../../../shared/index.js";
import { zipOf } from "./helpers.js";

const project = (name: string, declaration = '<?xml version="1.0" encoding="utf-8"?>', body = "") => `${declaration}<Project xmlns="urn:QDA-XML:project:1.0" name="${name}">${body}</Project>`;
const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((ch) => [...Buffer.from(ch, "utf16le")])]);

describe("the .qde's encoding, read as it streams in", () => {
  it("UTF-16 (with its BOM) inside a .qdpx", async () => {
    const read = await readRefiProject("u16.qdpx", await zipOf({ "project.qde": utf16le(project("Kerja sama 🤝 Đà Nẵng", '<?xml version="1.0" encoding="utf-16"?>')) }));
    expect(read.name).toBe("Kerja sama 🤝 Đà Nẵng");
  });

  it("the encoding the declaration names (windows-1252)", async () => {
    const bytes = Uint8Array.from(Buffer.from(project("Caf\u00e9", '<?xml version="1.0" encoding="windows-1252"?>'), "latin1"));
    expect((await readRefiProject("lama.qde", bytes)).name).toBe("Café");
  });

  it("a character split between two chunks of the stream", async () => {
    // A bare .qde is handed over in 1 MiB slices: put a four-byte emoji across the first boundary.
    const head = '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="';
    const pad = "a".repeat((1 << 20) - Buffer.byteLength(head) - 2);
    const bytes = new TextEncoder().encode(`${head}${pad}🤝"></Project>`);
    expect(bytes.subarray((1 << 20) - 2, (1 << 20) + 2)).toEqual(new TextEncoder().encode("🤝"));
    expect((await readRefiProject("besar.qde", bytes)).name).toBe(`${pad}🤝`);
  });

  it("bytes that are not text are refused, naming the file and the part", async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode(project("x").slice(0, 60)), 0xff, 0xfe, 0xfd, ...new TextEncoder().encode('"/>')]);
    const error = await readRefiProject("rusak.qdpx", await zipOf({ "Proyek.qde": bytes })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandaiError);
    expect(error).toMatchObject({ code: "refi.errors.notProject", params: { file: "rusak.qdpx", detail: "Proyek.qde is not text" } });
  });
});
