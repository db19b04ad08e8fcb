import { describe, expect, it } from "vitest";
import { findHits, searchResult, TandaiError, type ProjectState } from "../../../shared/index.js";
import { code, coding } from "../fixtures.js";
import { request, world } from "./world.js";

const TRANSCRIPT = [
  "Pewawancara: Bagaimana penganggaran kerja sama ini? 🤝",
  "Narasumber: Anggaran kerja sama kami kecil.\r\nDana dari APBD saja.",
  "Pewawancara: Dan pihak swasta?",
  "Narasumber: Café di pelabuhan ikut membantu, tapi anggarannya tetap terbatas.",
].join("\r\n");

function run(state: ProjectState, index: Parameters<typeof findHits>[0], query: string, extra: Parameters<typeof request>[1] = {}) {
  const req = request(query, extra);
  const { hits, documents, speakers } = findHits(index, state, req);
  return searchResult(index, state, req, hits, documents, speakers);
}

describe("corpus search", () => {
  it("finds Indonesian word forms by stem, at exact offsets of the verbatim text (CRLF, emoji, combining accents)", () => {
    const text = TRANSCRIPT.replace("Café", "Cafe\u0301");
    const { state, index } = world({ "Wawancara Padang": text });
    const result = run(state, index, "anggaran");
    expect(result.hits.map((h) => h.text)).toEqual(["penganggaran", "Anggaran", "anggarannya"]);
    for (const hit of result.hits) expect(text.slice(hit.start, hit.end)).toBe(hit.text);
    // The combining accent is part of the word, and case and diacritics are ignored.
    const cafe = run(state, index, "cafe").hits[0]!;
    expect(cafe.text).toBe("Cafe\u0301");
    expect(text.slice(cafe.start, cafe.end)).toBe("Cafe\u0301");
    // Stemming off: only the form typed.
    expect(run(state, index, "anggaran", { options: { stem: false } }).hits.map((h) => h.text)).toEqual(["Anggaran"]);
    expect(run(state, index, "angg*", { options: { stem: false } }).hits.map((h) => h.text)).toEqual(["Anggaran", "anggarannya"]);
  });

  it("matches exact phrases, OR and NOT within a paragraph", () => {
    const { state, index } = world({ W: TRANSCRIPT });
    expect(run(state, index, '"kerja sama"').hits.map((h) => h.text)).toEqual(["kerja sama", "kerja sama"]);
    // Both words in the same paragraph: only the second paragraph has "kecil" with "anggaran".
    expect(run(state, index, "anggaran kecil").hits.map((h) => h.text)).toEqual(["Anggaran", "kecil"]);
    expect(run(state, index, "swasta OR APBD").hits.map((h) => h.text)).toEqual(["APBD", "swasta"]);
    expect(run(state, index, "anggaran -terbatas").hits.map((h) => h.text)).toEqual(["penganggaran", "Anggaran"]);
    expect(run(state, index, "anggaran NOT kecil").hits.map((h) => h.text)).toEqual(["penganggaran", "anggarannya"]);
  });

  it("limits a search to one speaker's turns, with the lines that continue a turn", () => {
    const { state, index } = world({ W: TRANSCRIPT });
    const result = run(state, index, "anggaran OR dana", { scope: { speaker: "narasumber" } });
    expect(result.speakers).toEqual(["Pewawancara", "Narasumber"]);
    const hits = result.hits;
    expect(hits.map((h) => [h.text, h.speaker])).toEqual([
      ["Anggaran", "Narasumber"],
      ["Dana", "Narasumber"],
      ["anggarannya", "Narasumber"],
    ]);
  });

  it("gives each hit a line of context, its paragraph and the codes on it, and sorts by the word after", () => {
    const { state, index, ids } = world({ W: TRANSCRIPT, X: "Anggaran daerah naik. Anggaran besar." });
    const budget = code("Anggaran");
    state.codes[budget.id] = budget;
    const c = coding(ids.W!, budget.id, TRANSCRIPT.indexOf("Anggaran kerja"), TRANSCRIPT.indexOf(" kami"));
    state.codings[c.id] = c;
    const result = run(state, index, "anggaran", { options: { stem: false } });
    const [w, x1, x2] = [result.hits.find((h) => h.document === "W")!, ...result.hits.filter((h) => h.document === "X")];
    expect(w).toMatchObject({ before: "Narasumber: ", after: " kerja sama kami kecil.", location: { paragraph: 2, page: null }, codeIds: [budget.id] });
    expect(x1!.codeIds).toEqual([]);
    expect(x2!.after).toBe(" besar.");
    expect(result.perDocument.map((d) => [d.document, d.count])).toEqual([["W", 1], ["X", 2]]);
    const sorted = run(state, index, "anggaran", { options: { stem: false }, sort: "after" }).hits.map((h) => h.after.trim().split(" ")[0]);
    expect(sorted).toEqual(["besar.", "daerah", "kerja"]);
    // Pages of the sorted order add up to the whole order, whatever the page size.
    const all = run(state, index, "anggaran", { options: { stem: false }, sort: "after" }).hits.map((h) => h.start);
    const paged = [0, 1, 2].flatMap((offset) => run(state, index, "anggaran", { options: { stem: false }, sort: "after", offset, limit: 1 }).hits.map((h) => h.start));
    expect(paged).toEqual(all);
  });

  it("searches only within passages coded X, or only outside any coding", () => {
    const { state, index, ids } = world({ W: TRANSCRIPT });
    const budget = code("Anggaran");
    state.codes[budget.id] = budget;
    const start = TRANSCRIPT.indexOf("Narasumber: Anggaran");
    const c = coding(ids.W!, budget.id, start, start + 60);
    state.codings[c.id] = c;
    expect(run(state, index, "anggaran", { scope: { codeIds: [budget.id] } }).hits.map((h) => h.text)).toEqual(["Anggaran"]);
    expect(run(state, index, "anggaran", { scope: { uncoded: true } }).hits.map((h) => h.text)).toEqual(["penganggaran", "anggarannya"]);
  });

  it("searches only the documents of a document group, and names a group the project does not have", () => {
    const { state, index, ids } = world({ W: TRANSCRIPT, X: "Anggaran daerah naik." });
    state.documentGroups["grp1" as never] = { id: "grp1", name: "Dokumen resmi", documentIds: [ids.X!], createdAt: "" } as never;
    const hits = run(state, index, "anggaran", { scope: { groupIds: ["grp1"] } }).hits;
    expect(hits.map((h) => [h.document, h.text])).toEqual([["X", "Anggaran"]]);
    expect(() => run(state, index, "anggaran", { scope: { groupIds: ["nogroup"] } })).toThrow(expect.objectContaining({ code: "documents.errors.unknownGroupInScope" }));
  });

  it("says so when the scope has no documents, or the project none at all", () => {
    const { state, index } = world({ W: TRANSCRIPT });
    const none = world({});
    const fail = (s: ProjectState, i: typeof index, extra = {}) => {
      try {
        run(s, i, "anggaran", extra);
        return "no error";
      } catch (error) {
        return (error as TandaiError).code;
      }
    };
    state.cases["case1" as never] = { id: "case1", name: "Empty", documentIds: [], createdAt: "" } as never;
    expect(fail(state, index, { scope: { caseIds: ["case1"] } })).toBe("search.errors.emptyScope");
    expect(fail(none.state, none.index)).toBe("search.errors.noDocuments");
    expect(fail(state, index, { scope: { caseIds: ["nocase"] } })).toBe("errors.op.unknownCase");
  });

  it("stems English documents with the English stemmer (language by stop words)", () => {
    const { state, index } = world({ E: "The cooperation of the cities is cooperating on the port and the fisheries." });
    expect(index.get(Object.keys(state.documents)[0] as never)!.detected).toBe("en");
    expect(run(state, index, "cooperate").hits.map((h) => h.text)).toEqual(["cooperation", "cooperating"]);
  });
});

describe("keyword-in-context order", () => {
  it("equals a plain sort by the next three words, page by page, with many ties", async () => {
    const { seededRandom } = await import("../../../shared/random.js");
    const { sortHits } = await import("../../../shared/index.js");
    const random = seededRandom(3);
    const vocabulary = ["dana", "kota", "pusat", "daerah", "anggaran", "laut"];
    const texts: Record<string, string> = {};
    for (let d = 0; d < 4; d++) {
      texts[`D${d}`] = Array.from({ length: 30 }, () => Array.from({ length: 12 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ") + ".").join("\n");
    }
    const { state, index } = world(texts);
    for (const sort of ["after", "before"] as const) {
      const { hits } = findHits(index, state, request("dana", { options: { stem: false } }));
      const words = (h: (typeof hits)[number]) =>
        [1, 2, 3].map((k) => {
          const t = sort === "after" ? h.lastToken + k : h.firstToken - k;
          return t < 0 || t >= h.doc.terms.length ? "" : index.vocabulary.words[h.doc.terms[t]!]!;
        });
      const expected = hits
        .map((h, i) => ({ h, i, w: words(h) }))
        .sort((a, b) => {
          for (let k = 0; k < 3; k++) if (a.w[k] !== b.w[k]) return a.w[k]! < b.w[k]! ? -1 : 1;
          return a.i - b.i;
        })
        .map((x) => x.h);
      expect(sortHits(index, hits, sort)).toEqual(expected);
      const pages = [];
      for (let offset = 0; offset < hits.length; offset += 7) pages.push(...sortHits(index, hits, sort, offset, 7));
      expect(pages).toEqual(expected);
    }
  });
});
