import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../../electron/import/codebook.js";
import { atlas } from "../../fixtures/refi/tools.js";

const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};

describe("the .qdc reader, mended (issue 11)", () => {
  it("reads the codebook of a project file (.qde) instead of saying it has none", () => {
    const codes = parseCodebook("project.qde", new TextEncoder().encode(atlas()["Tesis Saya.qde"]!));
    expect(codes.map((c) => c.name)).toEqual(["Kerja sama", "Kelompok"]);
  });

  it("reads a UTF-16 file, the 0:4 namespace, a description in an attribute, and Taguette's empty <Sets/>", () => {
    const xml = `<?xml version="1.0" encoding="utf-16"?><CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="Taguette"><Codes><Code guid="10000000-0000-4000-8000-000000000001" name="Motif ekonomi" isCodable="true" description="Perdagangan dan investasi"/></Codes><Sets/></CodeBook>`;
    expect(parseCodebook("taguette.qdc", utf16le(xml))).toEqual([{ name: "Motif ekonomi", description: "Perdagangan dan investasi", children: [] }]);
  });
});
