import { describe, expect, it } from "vitest";
import { parseCodingRows } from "../../../shared/codeFrom/parse.js";
import { planCodings } from "../../../shared/codeFrom/resolve.js";
import { applyOperation, TandaiError, type DocumentId } from "../../../shared/index.js";
import { code, documentMeta, NOW, project } from "../fixtures.js";

const TEXT = "Indonesia memandang ASEAN sebagai pilar. Kerja sama ekonomi, kata dia, dan ASEAN lagi.";

function projectWithDocument() {
  const state = project();
  const doc = documentMeta("Wawancara Bappeda", TEXT.length);
  state.documents[doc.id] = doc;
  const existing = code("Ekonomi");
  state.codes[existing.id] = existing;
  return { state, doc, existing };
}

describe("parseCodingRows", () => {
  it("reads RFC 4180 CSV: BOM, quoted commas, doubled quotes, line breaks, and the export's headers in either language", () => {
    const csv = '\uFEFFDokumen,Kode,Kutipan,Sikap bukti,Memo,Kasus\r\nWawancara,Ekonomi,"kata ""dia"", lagi",Membantah,"dua\r\nbaris",Padang\r\n\r\nWawancara,Ekonomi,ASEAN,,,\r\n';
    const { rows, errors } = parseCodingRows(csv, "csv", "c.csv");
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, fields: { doc: "Wawancara", code: "Ekonomi", quote: 'kata "dia", lagi', stance: "Membantah", memo: "dua\r\nbaris" } },
      { row: 4, fields: { doc: "Wawancara", code: "Ekonomi", quote: "ASEAN" } },
    ]);
    const english = parseCodingRows("Document,Code,Start offset,End offset,Coded at\nW,E,1,5,2026-01-01T00:00:00Z\n", "csv", "e.csv");
    expect(english.rows[0]!.fields).toEqual({ doc: "W", code: "E", start: "1", end: "5", created: "2026-01-01T00:00:00Z" });
  });

  it("refuses a header it does not know, naming the file and the column, and one without doc, code or a position", () => {
    const refused = (text: string) => {
      try {
        parseCodingRows(text, "csv", "c.csv");
      } catch (error) {
        return error instanceof TandaiError ? [error.code, error.params] : error;
      }
      return "accepted";
    };
    expect(refused("doc,code,qoute\n")).toEqual(["codeFrom.errors.unknownColumn", expect.objectContaining({ file: "c.csv", column: "qoute" })]);
    expect(refused("doc,quote\nW,x\n")).toEqual(["codeFrom.errors.missingColumn", { file: "c.csv", column: "code" }]);
    expect(refused("doc,code,start\nW,E,1\n")).toEqual(["codeFrom.errors.noPosition", { file: "c.csv" }]);
    expect(refused('doc,code,quote\nW,E,"never closed\n')).toEqual(["codeFrom.errors.unclosedQuote", { file: "c.csv", row: 2 }]);
    expect(refused("")).toEqual(["codeFrom.errors.noRows", { file: "c.csv" }]);
  });

  it("reads JSONL, reporting each bad line by its number", () => {
    const text = ['{"doc":"W","quote":"ASEAN","code":"E","occurrence":2}', "", "{not json", '["a"]', '{"doc":"W","colour":"red"}', '{"doc":{"x":1}}'].join("\n");
    const { rows, errors } = parseCodingRows(text, "jsonl", "c.jsonl");
    expect(rows).toEqual([{ row: 1, fields: { doc: "W", quote: "ASEAN", code: "E", occurrence: "2" } }]);
    expect(errors.map((e) => [e.row, e.error.code])).toEqual([
      [3, "codeFrom.errors.badJson"],
      [4, "codeFrom.errors.notObject"],
      [5, "codeFrom.errors.unknownField"],
      [6, "codeFrom.errors.fieldType"],
    ]);
  });
});

describe("planCodings", () => {
  it("plans every good row, creating each new code once, and says per row what is wrong", () => {
    const { state, doc, existing } = projectWithDocument();
    const text = ["doc,quote,occurrence,start,end,code,stance,memo", `Wawancara Bappeda,ASEAN,2,,,Kawasan/ASEAN,contradicts,penting`, `${doc.id},,,10,19,Ekonomi,,`, "Wawancara Bappeda,ASEAN,3,,,Ekonomi,,", "Tidak ada,ASEAN,,,,Ekonomi,,", "Wawancara Bappeda,,,5,999,Ekonomi,,", "Wawancara Bappeda,ASEAN,,,,Kawasan/ASEAN,mungkin,", "wawancara bappeda,pilar,,,,Kawasan/ASEAN,Mendukung,"].join("\n");
    const { rows } = parseCodingRows(text, "csv", "c.csv");
    const plan = planCodings(state, rows, () => TEXT, { coder: "Rani", now: NOW });
    expect(plan.errors.map((e) => [e.row, e.error.code])).toEqual([
      [4, "errors.quote.occurrence"],
      [5, "cli.errors.noDocument"],
      [6, "codeFrom.errors.offsetsOutside"],
      [7, "codeFrom.errors.badStance"],
    ]);
    expect(plan.codings).toBe(3);
    expect(plan.created).toEqual(["Kawasan", "Kawasan/ASEAN"]);
    const codings = plan.ops.filter((op) => op.type === "addCoding").map((op) => op.coding);
    const second = TEXT.indexOf("ASEAN", TEXT.indexOf("ASEAN") + 1);
    expect(codings.map((c) => [c.start, c.end, c.stance, c.coder])).toEqual([
      [second, second + 5, "contradicts", "Rani"],
      [10, 19, "supports", "Rani"],
      [TEXT.indexOf("pilar"), TEXT.indexOf("pilar") + 5, "supports", "Rani"],
    ]);
    expect(codings[1]!.codeId).toBe(existing.id);
    expect(codings[0]!.codeId).toBe(codings[2]!.codeId);
    expect(state.codes[codings[0]!.codeId]).toBeUndefined(); // planned, not applied to the project
    expect(plan.ops.filter((op) => op.type === "setMemo")).toEqual([{ type: "setMemo", target: { kind: "coding", id: codings[0]!.id }, content: expect.anything(), text: "penting" }]);
  });

  it("is one batch: applying it adds every coding and code, and its one inverse takes them all back", () => {
    const { state } = projectWithDocument();
    const { rows } = parseCodingRows("doc,quote,code\nWawancara Bappeda,ASEAN,Baru/Satu\nWawancara Bappeda,pilar,Baru/Dua\n", "csv", "c.csv");
    const plan = planCodings(state, rows, () => TEXT, { coder: "Rani", now: NOW });
    const before = structuredClone(state);
    const inverse = applyOperation(state, { type: "batch", ops: plan.ops }, NOW);
    expect(Object.keys(state.codings)).toHaveLength(2);
    expect(Object.keys(state.codes)).toHaveLength(4);
    applyOperation(state, inverse, NOW);
    expect(state).toEqual(before);
  });

  it("asks for no text for a row whose document is unknown", () => {
    const { state } = projectWithDocument();
    const asked: DocumentId[] = [];
    const { rows } = parseCodingRows("doc,quote,code\nNope,ASEAN,E\n", "csv", "c.csv");
    const plan = planCodings(state, rows, (id) => (asked.push(id), TEXT), { coder: "Rani", now: NOW });
    expect(asked).toEqual([]);
    expect(plan.errors).toHaveLength(1);
  });
});
