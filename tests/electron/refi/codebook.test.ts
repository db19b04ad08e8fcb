import { describe, expect, it } from "vitest";
import { parseCodebook, readCodebook } from "../../../electron/import/codebook.js";
import { applyOperation, emptyProject, importCodebookOps, offset, TandaiError, translate, type CodeId, type DocumentId, type ProjectId } from "../../../shared/index.js";
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
    expect(readCodebook("taguette.qdc", utf16le(xml)).namespace).toBe("urn:QDA-XML:codebook:0:4");
    expect(readCodebook("project.qde", new TextEncoder().encode(atlas()["Tesis Saya.qde"]!)).namespace).toBe("urn:QDA-XML:project:1.0");
  });

  it("keeps isCodable=\"false\": the code is a group that takes no coding", () => {
    const codes = parseCodebook("project.qde", new TextEncoder().encode(atlas()["Tesis Saya.qde"]!));
    expect(codes[1]).toEqual({ name: "Kelompok", codable: false, children: [] });
    const now = "2026-12-01T10:00:00.000Z";
    const state = emptyProject("proj1xxx" as ProjectId, "P", now);
    for (const op of importCodebookOps(state, codes, now).ops) applyOperation(state, op, now);
    const group = Object.values(state.codes).find((c) => c.name === "Kelompok")!;
    expect(group.codable).toBe(false);
    const doc = { id: "doc1xxxx" as DocumentId, title: "W", kind: "txt" as const, sourceName: "w.txt", importedAt: now, length: 10, blockCount: 1, pageCount: null };
    applyOperation(state, { type: "addDocument", document: doc }, now);
    const coding = { id: "cod1xxxx" as never, documentId: doc.id, codeId: group.id as CodeId, start: offset(0), end: offset(4), coder: "", stance: "supports" as const, createdAt: now };
    expect(() => applyOperation(state, { type: "addCoding", coding }, now)).toThrow(TandaiError);
    expect(() => applyOperation(state, { type: "addCoding", coding }, now)).toThrow(expect.objectContaining({ code: "refi.errors.notCodable" }));
  });

  it("says what is wrong with a broken file in the user's language, not the parser's English", () => {
    const error = (data: Uint8Array) => {
      try {
        parseCodebook("rusak.qdc", data);
      } catch (e) {
        return e as TandaiError;
      }
      throw new Error("expected a failure");
    };
    const unclosed = error(new TextEncoder().encode("<CodeBook>\n<Codes>\n<Code name='a'>\n</CodeBook>"));
    expect(translate("id", unclosed.code, unclosed.params as Record<string, string>)).toBe(
      "“rusak.qdc” bukan berkas XML yang dapat dibaca (rusak pada baris 4). Ekspor lagi buku kode dari program QDA Anda sebagai buku kode REFI-QDA (.qdc).",
    );
    const latin = error(new Uint8Array([0x3c, 0x43, 0xe9, 0x3e]));
    expect(translate("id", latin.code, latin.params as Record<string, string>)).toBe("“rusak.qdc” bukan teks UTF-8, jadi bukan buku kode REFI-QDA. Ekspor lagi buku kode dari program QDA Anda sebagai buku kode REFI-QDA (.qdc).");
  });
});
