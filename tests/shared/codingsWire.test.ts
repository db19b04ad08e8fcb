import { describe, expect, it } from "vitest";
import { codingsIn, decodeCodings, encodeCodings, type CodingColumns } from "../../shared/ipc/codingsWire.js";
import { newCodeId, newDocumentId, type Coding, type CodingId } from "../../shared/index.js";
import { coding } from "./fixtures.js";

/** Through JSON, as the web transport carries it, and through structured clone, as Electron's IPC does. */
const overJson = (codings: Coding[]) => decodeCodings(JSON.parse(JSON.stringify(encodeCodings(codings))) as CodingColumns);
const overClone = (codings: Coding[]) => decodeCodings(structuredClone(encodeCodings(codings)));

describe("the compact form of a chunk of codings (codingsOf's wire form)", () => {
  const [d1, d2] = [newDocumentId(), newDocumentId()];
  const [x, y] = [newCodeId(), newCodeId()];

  it("gives back every coding as it was, in order, over JSON and structured clone", () => {
    const codings = [
      coding(d1, x, 0, 0),
      coding(d1, y, 5, 12, { stance: "contradicts", coder: "Ṣàlámì 🦜 مريم", createdAt: "2026-02-03T04:05:06.789Z" }),
      coding(d2, x, 2 ** 31, 2 ** 31 + 7, { coder: "" }),
      coding(d2, y, 3, 4, { coder: "Rani", createdAt: "not a date at all" }),
      coding(d1, x, 9, 10, { coder: "\u{10FFFF}\uD800 lone surrogate", stance: "supports" }),
    ];
    for (const through of [overJson, overClone]) {
      const back = through(codings);
      expect(back).toEqual(codings);
      expect(back.map((c) => Object.keys(c).sort())).toEqual(codings.map((c) => Object.keys(c).sort()));
    }
    const columns = encodeCodings(codings);
    expect(codingsIn(columns)).toBe(5);
    // Each document, code and coder once; seven numbers per coding.
    expect(columns.documents).toEqual([d1, d2]);
    expect(columns.codes).toEqual([x, y]);
    expect(columns.coders).toHaveLength(4);
    expect(columns.fields).toHaveLength(5 * 7);
    expect(columns.odd).toBeUndefined();
  });

  it("carries codings that do not fit the columns whole, at their place", () => {
    const plain = coding(d1, x, 1, 2);
    const odd = [
      { ...coding(d1, x, 3, 4), memo: "a field from elsewhere" },
      { ...coding(d2, y, 1.5, 7) },
      { ...coding(d2, y, 1, 2), stance: "neutral" },
      { ...coding(d1, y, 1, 2), coder: 42 },
    ] as unknown as Coding[];
    const { end: _end, ...missing } = coding(d2, x, 8, 9);
    const codings = [odd[0]!, plain, odd[1]!, odd[2]!, missing as Coding, coding(d2, x, 5, 6), odd[3]!];
    for (const through of [overJson, overClone]) expect(through(codings)).toEqual(codings);
    const columns = encodeCodings(codings);
    expect(columns.ids).toEqual([plain.id, codings[5]!.id]);
    expect(columns.odd?.map(([at]) => at)).toEqual([0, 2, 3, 4, 6]);
  });

  it("encodes an empty chunk, and decodes it to no codings", () => {
    const columns = encodeCodings([]);
    expect(columns).toEqual({ ids: [], documents: [], codes: [], coders: [], createdAts: [], fields: [] });
    expect(decodeCodings(JSON.parse(JSON.stringify(columns)) as CodingColumns)).toEqual([]);
    // Only odd codings: no columns at all.
    const odd = { ...coding(d1, x, 1, 2), extra: true } as unknown as Coding;
    expect(overJson([odd])).toEqual([odd]);
  });

  it("shares each table's strings among the codings it decodes", () => {
    const codings = [coding(d1, x, 0, 1), coding(d1, x, 2, 3)];
    const [a, b] = decodeCodings(JSON.parse(JSON.stringify(encodeCodings(codings))) as CodingColumns);
    expect(a!.documentId).toBe(b!.documentId);
    expect(a!.createdAt).toBe(codings[0]!.createdAt);
  });

  it("refuses columns that do not hold together, naming what is wrong, rather than hand on codings with holes", () => {
    const columns = encodeCodings([coding(d1, x, 0, 1), coding(d2, y, 2, 3)]);
    expect(() => decodeCodings({ ...columns, fields: columns.fields.slice(1) })).toThrow(/fields holds 13 numbers for 2 ids/);
    const badCode = { ...columns, fields: [...columns.fields] };
    badCode.fields[7 + 1] = 9;
    expect(() => decodeCodings(badCode)).toThrow(new RegExp(`coding ${columns.ids[1]} refers to codes\\[9\\]`));
    const badStance = { ...columns, fields: [...columns.fields] };
    badStance.fields[5] = 2;
    expect(() => decodeCodings(badStance)).toThrow(/refers to stances\[2\]/);
    expect(() => decodeCodings({ ...columns, ids: [...columns.ids, "extra" as CodingId] })).toThrow(/fields holds 14 numbers for 3 ids/);
  });
});
