import { describe, expect, it } from "vitest";
import { detectLanguage, FrequencyRequest, similarPassages, SimilarRequest, speakerTurns, tokenize, linesToBlocks, wordFrequencies, TandaiError } from "../../../shared/index.js";
import { code, coding } from "../fixtures.js";
import { world } from "./world.js";

describe("speaker turns", () => {
  it("takes a short name before a colon as a speaker once some name opens two blocks, not a header line before the interview", () => {
    const text = "Tanggal: 3 Mei 2024\nInforman 1: Kami mulai tahun lalu.\nlanjutan jawaban\nPewawancara: Lalu?\nInforman 1: Ya.";
    const turns = speakerTurns(text, linesToBlocks(text));
    expect(turns.map((t) => [t.speaker, text.slice(t.start, t.end)])).toEqual([
      ["Informan 1", "Informan 1: Kami mulai tahun lalu.\nlanjutan jawaban"],
      ["Pewawancara", "Pewawancara: Lalu?"],
      ["Informan 1", "Informan 1: Ya."],
    ]);
  });
});

describe("language detection", () => {
  it("tells Indonesian from English by their stop words", () => {
    expect(detectLanguage(tokenize("Kerja sama yang dilakukan oleh pemerintah daerah dan mitra di luar negeri").words)).toBe("id");
    expect(detectLanguage(tokenize("The cooperation that the city government has with its partners abroad").words)).toBe("en");
  });
});

describe("a language set by the user", () => {
  it("overrides detection through a document attribute named Language or Bahasa", async () => {
    const { findHits, SearchRequest } = await import("../../../shared/index.js");
    const { state, index, ids } = world({ E: "Cooperation cooperating cooperates, ports, fisheries." });
    // Too few stop words to tell: detection says Indonesian, so English forms do not meet.
    expect(index.get(ids.E!)!.detected).toBe("id");
    const find = () => findHits(index, state, SearchRequest.parse({ query: "cooperation" })).hits.length;
    expect(find()).toBe(1);
    state.attributes["attrlang" as never] = { id: "attrlang", name: "Bahasa", appliesTo: "document", type: "choice", choices: ["Inggris", "Indonesia"] } as never;
    state.documents[ids.E!]!.attributes = { attrlang: "Inggris" };
    expect(find()).toBe(3);
  });
});

describe("word frequencies", () => {
  it("counts words without stop words, stems together, and counts documents", () => {
    const { state, index } = world({
      A: "Anggaran yang kecil. Penganggaran dan anggaran.",
      B: "Anggaran daerah 2024 dan pelabuhan.",
    });
    const stemmed = wordFrequencies(index, state, FrequencyRequest.parse({}));
    expect(stemmed[0]).toEqual({ word: "anggaran", stem: "anggar", count: 4, documents: 2 });
    expect(stemmed.map((f) => f.word)).not.toContain("yang");
    expect(stemmed.map((f) => f.word)).not.toContain("2024");
    const plain = wordFrequencies(index, state, FrequencyRequest.parse({ stem: false }));
    expect(plain.slice(0, 2)).toEqual([
      { word: "anggaran", stem: null, count: 3, documents: 2 },
      { word: "daerah", stem: null, count: 1, documents: 1 },
    ]);
  });
});

describe("more passages like this", () => {
  it("ranks uncoded paragraphs by BM25 over stems and names the shared words", () => {
    const text = [
      "Anggaran perikanan Padang kecil sekali.",
      "Cuaca di pelabuhan cerah.",
      "Penganggaran untuk perikanan masih kecil.",
      "Nelayan Padang berlatih di Vietnam.",
    ].join("\n");
    const { state, index, ids } = world({ T: text });
    const budget = code("Anggaran");
    state.codes[budget.id] = budget;
    const c = coding(ids.T!, budget.id, 0, text.indexOf("\n"));
    state.codings[c.id] = c;
    const similar = similarPassages(index, state, SimilarRequest.parse({ codeId: budget.id }));
    expect(similar[0]!.text).toBe("Penganggaran untuk perikanan masih kecil.");
    // "kecil" is a stop word of the Indonesian list, so only the telling words are shared.
    expect(similar[0]!.terms).toEqual(["Penganggaran", "perikanan"]);
    expect(similar.map((s) => s.text)).not.toContain("Anggaran perikanan Padang kecil sekali.");
    expect(similar.map((s) => s.text)).not.toContain("Cuaca di pelabuhan cerah.");
    const unused = code("Kosong");
    state.codes[unused.id] = unused;
    expect(() => similarPassages(index, state, SimilarRequest.parse({ codeId: unused.id }))).toThrow(TandaiError);
  });
});
