import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importRefiFile, planRefiFile } from "../../../electron/import/qdpx/index.js";
import { writeQdpx } from "../../../electron/export/qdpx/write.js";
import { entryText } from "./helpers.js";
import { createProject } from "../../../electron/store/index.js";
import { atlas, maxqda, nvivo, qualcoder, TEXT } from "../../fixtures/refi/tools.js";
import { useTempDirs } from "../tempDirs.js";
import { zipOf } from "./helpers.js";

const temp = useTempDirs();

async function importInto(file: string, data: Uint8Array) {
  const store = await createProject(join(await temp(), "p"), "P");
  const { plan } = await importRefiFile(store, file, data);
  const state = structuredClone(store.state);
  const texts = Object.fromEntries(await Promise.all(Object.keys(state.documents).map(async (id) => [id, (await store.readDocumentContent(id as never)).text])));
  const quoted = Object.values(state.codings).map((c) => ({ code: state.codes[c.codeId]!.name, text: texts[c.documentId]!.slice(c.start, c.end), coder: c.coder, stance: c.stance }));
  await store.close();
  return { plan, state, quoted, texts };
}

describe("REFI-QDA projects as each tool writes them", () => {
  it("NVivo: reads UTF-16 positions (BOM not counted, CRLF two), the .txt not the .docx, braced upper-case GUIDs, two codings on one selection", async () => {
    const { plan, state, quoted, texts } = await importInto("nvivo.qdpx", await zipOf(nvivo()));
    expect(plan.preview.reading).toMatchObject({ reading: "utf16" });
    expect(Object.values(texts)).toEqual([TEXT]);
    expect(quoted).toEqual([
      { code: "Ekonomi", text: "ekonomi", coder: "Ayu", stance: "supports" },
      { code: "Motif", text: "ekonomi", coder: "Ayu", stance: "supports" },
    ]);
    expect(Object.keys(state.documents)).toEqual(["cccccccc-0000-4000-8000-000000000001"]);
    expect(state.codes["bbbbbbbb-0000-4000-8000-000000000002" as never]).toMatchObject({ color: "#ff0000", parentId: "bbbbbbbb-0000-4000-8000-000000000001" });
  });

  it("ATLAS.ti: finds a .qde named after the project and Sources/ in any case, code points confirmed on the quote, rgb() colours, a note by Link, cases and sets; lists PDF and picture sources as not imported", async () => {
    const { plan, state, quoted } = await importInto("atlas.qdpx", await zipOf(atlas()));
    expect(plan.preview.reading).toMatchObject({ reading: "codePoints", basis: "confirmed", fitting: 1, checked: 1 });
    expect(quoted).toEqual([{ code: "Kerja sama", text: "kerja sama", coder: "", stance: "supports" }]);
    expect(plan.preview.notImported).toMatchObject({ pdfSources: 1, pdfSelections: 1, pictures: 1 });
    const code = Object.values(state.codes).find((c) => c.name === "Kerja sama")!;
    expect(code).toMatchObject({ color: "#0072b2", description: { definition: "Bentuk kerja sama" } });
    expect(Object.values(state.codes).find((c) => c.name === "Kelompok")!.codable).toBe(false);
    expect(code.codable).toBeUndefined();
    expect(Object.values(state.memos).map((m) => [m.target.kind, m.text])).toEqual([["coding", "Kutipan kunci & penting"]]);
    expect(Object.values(state.cases)).toMatchObject([{ name: "Padang–Busan", documentIds: ["22222222-0000-4000-8000-000000000001"] }]);
    expect(Object.values(state.documentGroups)).toMatchObject([{ name: "Wawancara", documentIds: ["22222222-0000-4000-8000-000000000001"] }]);
    expect(Object.values(state.documents)[0]!.title).toBe("Wawancara 1");
  });

  it("QualCoder: a bare file name as plainTextPath, a source without a name, a project note; the same file renamed .zip reads alike", async () => {
    const data = await zipOf(qualcoder());
    const { quoted, state } = await importInto("qc.zip", data);
    expect(quoted).toEqual([{ code: "Aktor", text: "Busan", coder: "", stance: "supports" }]);
    expect(Object.values(state.documents)[0]!.title).toBe("99999999-0000-4000-8000-000000000002");
    expect(state.memos["project"]?.text).toBe("Catatan proyek");
  });

  it("a bare .qde with inline PlainTextContent imports; a preview writes nothing; importing twice adds nothing twice", async () => {
    const qde = atlas()["Tesis Saya.qde"]!.replace(
      /<TextSource ([^>]*) plainTextPath="[^"]*">/,
      (_m, a: string) => `<TextSource ${a}><PlainTextContent>${TEXT.replace(/&/g, "&amp;").replace(/\r/g, "&#13;")}</PlainTextContent>`,
    );
    const store = await createProject(join(await temp(), "p"), "P");
    const data = new TextEncoder().encode(qde);
    const preview = await planRefiFile(store, "x.qde", data);
    expect(preview.preview.add).toMatchObject({ sources: 1, codes: 2, codings: 1 });
    expect(Object.keys(store.state.documents)).toEqual([]);
    await importRefiFile(store, "x.qde", data);
    expect((await store.readDocumentContent("22222222-0000-4000-8000-000000000001" as never)).text).toBe(TEXT);
    const again = await importRefiFile(store, "x.qde", data);
    expect(again.plan.ops).toEqual([]);
    await store.close();
  });

  it("MAXQDA: variables on sources and on cases become typed attributes; a value that is not a number is counted, not imported; sets of sources become a group", async () => {
    const { plan, state } = await importInto("mx.qdpx", await zipOf(maxqda()));
    expect(Object.values(state.attributes).map((a) => [a.name, a.appliesTo, a.type]).sort()).toEqual([
      ["Provinsi", "case", "text"],
      ["Tahun", "document", "number"],
      ["Tanggal", "case", "date"],
    ]);
    const doc = state.documents["a0000000-0000-4000-8000-000000000030" as never]!;
    expect(doc.attributes).toEqual({ "a0000000-0000-4000-8000-000000000010": 2019 });
    expect(Object.values(state.cases)[0]!.attributes).toEqual({ "a0000000-0000-4000-8000-000000000011": "Sumatera Barat", "a0000000-0000-4000-8000-000000000012": "2016-03-01" });
    expect(plan.preview.add).toMatchObject({ attributes: 3, values: 3, groups: 1 });
    expect(plan.preview.notImported.badValues).toBe(1);
    expect(Object.values(state.documentGroups)[0]!.documentIds).toHaveLength(2);
  });

  it("a PDF source comes in through its text representation, its area selections listed as not imported; another tool's GUIDs are kept on export", async () => {
    const entries = atlas();
    entries["Tesis Saya.qde"] = entries["Tesis Saya.qde"]!.replace(
      /<PDFSelection ([^>]*)\/>/,
      (m) => `${m}<Representation guid="22222222-0000-4000-8000-000000000009" plainTextPath="internal://22222222-0000-4000-8000-000000000009.txt"><PlainTextSelection guid="33333333-0000-4000-8000-000000000009" name="Pasal 1" startPosition="0" endPosition="7"><Coding guid="44444444-0000-4000-8000-000000000009"><CodeRef targetGUID="11111111-0000-4000-8000-000000000001"/></Coding></PlainTextSelection></Representation>`,
    );
    entries["Sources/22222222-0000-4000-8000-000000000009.txt"] = "Pasal 1 Kerja sama kota kembar.";
    const root = await temp();
    const store = await createProject(join(root, "p"), "P");
    const { plan } = await importRefiFile(store, "atlas.qdpx", await zipOf(entries));
    expect(plan.preview.notImported).toMatchObject({ pdfSources: 0, pdfSelections: 1, pictures: 1 });
    const pdf = store.state.documents["22222222-0000-4000-8000-000000000009" as never]!;
    expect(pdf.title).toBe("Perjanjian");
    const coding = Object.values(store.state.codings).find((c) => c.documentId === pdf.id)!;
    expect((await store.readDocumentContent(pdf.id)).text.slice(coding.start, coding.end)).toBe("Pasal 1");
    await writeQdpx(store, join(root, "out.qdpx"), "Tandai");
    const qde = await entryText(join(root, "out.qdpx"), "project.qde");
    for (const guid of ["11111111-0000-4000-8000-000000000001", "22222222-0000-4000-8000-000000000001", "44444444-0000-4000-8000-000000000001"]) expect(qde).toContain(`guid="${guid}"`);
    await store.close();
  });
});
