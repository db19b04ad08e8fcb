import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { templateFramework, type AttributeId, type CaseId, type CodeId, type DocumentGroupId, type ProjectState } from "../../../shared/index.js";
import { codebookXml, writeQdpx } from "../../../electron/export/qdpx/write.js";
import { importRefiFile, readRefiProject } from "../../../electron/import/qdpx/index.js";
import { readFile } from "node:fs/promises";
import { createProject } from "../../../electron/store/index.js";
import { useTempDirs } from "../tempDirs.js";
import { codingAt, entryText, projectWithText, xmllint } from "./helpers.js";

const temp = useTempDirs();

// Emoji (astral), a combining accent, CRLF line ends: every way code points and UTF-16 differ.
/** A memo with formatting a plain-text Note cannot hold: bold, italic, a heading and a list. */
const RICH_MEMO = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Wawancara Padang" }] },
    { type: "paragraph", content: [{ type: "text", text: "Narasumber " }, { type: "text", marks: [{ type: "bold" }], text: "sangat" }, { type: "text", marks: [{ type: "italic" }], text: " terbuka" }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "ekonomi" }] }] }] },
  ],
};
const RICH_TEXT = "Wawancara Padang\nNarasumber sangat terbuka\nekonomi";

const TEXT = "Kerja sama 🤝 sister city\r\nCafe\u0301 di Padang 🇮🇩 dan Busan.\r\nMotif ekonomi: perdagangan & investasi <2020>.";

/** The parts of a project a round trip must keep exactly (import dates aside, which are the import's). */
const essence = (s: ProjectState) => ({
  documents: s.documents,
  codes: s.codes,
  codings: s.codings,
  memos: Object.fromEntries(Object.entries(s.memos).map(([k, m]) => [k, { text: m.text, content: m.content }])),
  cases: s.cases,
  groups: s.documentGroups,
  frameworks: s.frameworks,
  overrides: s.overrides,
  attributes: s.attributes,
});

describe("Tandai → QDPX → Tandai", () => {
  it("keeps documents, codes, codings on the same characters, memos, cases, groups, stance, links, overrides and thresholds; the export is schema-valid", async () => {
    const root = await temp();
    const { store, documentId, codeId } = await projectWithText(join(root, "a"), TEXT);
    const child = "code2xxx" as CodeId;
    const framework = templateFramework("keating")!;
    const indicatorId = framework.indicators[0]!.id;
    const start = TEXT.indexOf("🤝");
    const accent = TEXT.indexOf("Cafe\u0301");
    const last = TEXT.indexOf("perdagangan");
    await store.apply({
      type: "batch",
      ops: [
        { type: "addCode", code: { id: child, name: "Ekonomi", color: "#e69f00", parentId: codeId, order: 0, description: { definition: "Perdagangan", whenToUse: "Saat…", whenNotToUse: "Bukan…" }, createdAt: "2026-12-01T10:01:00.000Z", key: 3 } },
        { type: "addCode", code: { id: "group1xx" as CodeId, name: "Kelompok", color: "#56b4e9", parentId: null, order: 1, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: "2026-12-01T10:02:00.000Z", codable: false } },
        { type: "addFramework", framework: { ...framework, thresholds: { minCodings: 4, minDocuments: 2 } } },
        { type: "linkCode", codeId: child, indicatorId },
        codingAt("cod1xxxx", documentId, codeId, start, start + 2),
        codingAt("cod2xxxx", documentId, child, accent, accent + 5),
        codingAt("cod3xxxx", documentId, child, last, TEXT.length),
        { type: "setStance", codingId: "cod3xxxx" as never, stance: "contradicts" },
        { type: "setMemo", target: { kind: "project" }, content: null as never, text: "" },
        { type: "setMemo", target: { kind: "document", id: documentId }, content: RICH_MEMO, text: RICH_TEXT },
        { type: "setMemo", target: { kind: "code", id: child }, content: { type: "doc" }, text: "Kode ekonomi" },
        { type: "setMemo", target: { kind: "coding", id: "cod2xxxx" as never }, content: { type: "doc" }, text: "Kutipan penting" },
        { type: "addCase", case: { id: "case1xxx" as CaseId, name: "Padang – Busan", documentIds: [documentId], createdAt: "2026-12-01T10:00:00.000Z" } },
        { type: "setOverride", caseId: "case1xxx" as CaseId, indicatorId, override: { status: "met", justification: "Perjanjian 2020" } },
        { type: "addAttribute", attribute: { id: "attr1xxx" as AttributeId, name: "Tahun", appliesTo: "document", type: "number", createdAt: "2026-12-01T10:00:00.000Z" } },
        { type: "addAttribute", attribute: { id: "attr2xxx" as AttributeId, name: "Jenis sumber", appliesTo: "document", type: "choice", choices: ["wawancara", "dokumen resmi"], role: "sourceType" } },
        { type: "addAttribute", attribute: { id: "attr3xxx" as AttributeId, name: "Ditandatangani", appliesTo: "case", type: "date" } },
        { type: "setAttributeValue", target: { kind: "document", id: documentId }, attributeId: "attr1xxx" as AttributeId, value: 2020.5 },
        { type: "setAttributeValue", target: { kind: "document", id: documentId }, attributeId: "attr2xxx" as AttributeId, value: "wawancara" },
        { type: "setAttributeValue", target: { kind: "case", id: "case1xxx" as CaseId }, attributeId: "attr3xxx" as AttributeId, value: "2016-03-01" },
        { type: "addDocumentGroup", group: { id: "grp1xxxx" as DocumentGroupId, name: "Wawancara", documentIds: [documentId], createdAt: "2026-12-01T10:00:00.000Z" } },
      ],
    });
    const file = join(root, "tesis.qdpx");
    const { counts } = await writeQdpx(store, file, "Tandai test");
    expect(counts).toEqual({ sources: 1, codes: 3, codings: 3 });
    const before = structuredClone(store.state);
    await store.close();

    const qde = join(root, "project.qde");
    await writeFile(qde, await entryText(file, "project.qde"));
    expect(await xmllint(qde, "Project.xsd")).toBe("");
    // Positions are written in code points: the emoji is one position, so the coding after it moves back by one.
    expect(await entryText(file, "project.qde")).toContain(`startPosition="${[...TEXT.slice(0, accent)].length}"`);

    const target = await createProject(join(root, "b"), "Baru");
    const { plan } = await importRefiFile(target, "tesis.qdpx", await readFile(file));
    expect(plan.preview.reading).toMatchObject({ reading: "codePoints", basis: "confirmed" });
    expect(essence(target.state)).toEqual(essence(before));
    // Other tools read the memo as the Note's plain text.
    expect(await entryText(file, "project.qde")).toContain("<PlainTextContent>Wawancara Padang&#10;Narasumber sangat terbuka&#10;ekonomi</PlainTextContent>");
    expect((await target.readDocumentContent(documentId)).text).toBe(TEXT);

    // The same file again adds nothing twice.
    const again = await importRefiFile(target, "tesis.qdpx", await readFile(file));
    expect(again.plan.ops).toEqual([]);
    expect(again.plan.preview.already).toEqual({ sources: 1, codes: 3, codings: 3 });
    await target.close();
  });

  it("gives every record the same GUID in every export, and writes a schema-valid .qdc with the same code GUIDs", async () => {
    const root = await temp();
    const { store, documentId, codeId } = await projectWithText(join(root, "a"), TEXT);
    await store.apply(codingAt("cod1xxxx", documentId, codeId, 0, 5));
    await writeQdpx(store, join(root, "1.qdpx"), "Tandai");
    await writeQdpx(store, join(root, "2.qdpx"), "Tandai");
    const guids = async (f: string) => (await entryText(join(root, f), "project.qde")).match(/guid="[^"]+"/g);
    expect(await guids("1.qdpx")).toEqual(await guids("2.qdpx"));
    const qdc = join(root, "codes.qdc");
    await writeFile(qdc, codebookXml(store.state, "Tandai"));
    expect(await xmllint(qdc, "Codebook.xsd")).toBe("");
    const project = await readRefiProject("1.qdpx", await readFile(join(root, "1.qdpx")));
    expect(await readFile(qdc, "utf8")).toContain(`guid="${project.codes[0]!.guid}"`);
    await store.close();
  });
});
