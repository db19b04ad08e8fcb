import { describe, expect, it } from "vitest";
import { parseQuery, TandaiError } from "../../../shared/index.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof TandaiError ? error.code : String(error);
  }
  return "no error";
};

describe("parseQuery", () => {
  it("reads words, phrases, OR, NOT and -word, and wildcards", () => {
    const q = parseQuery('anggaran "kerja sama" dana OR biaya NOT swasta -asing angg*');
    expect(q.clauses.map((c) => [c.negated, c.alternatives.map((a) => a.words.map((w) => w.text).join(" "))])).toEqual([
      [false, ["anggaran"]],
      [false, ["kerja sama"]],
      [false, ["dana", "biaya"]],
      [true, ["swasta"]],
      [true, ["asing"]],
      [false, ["angg*"]],
    ]);
    expect(q.clauses[1]!.alternatives[0]!.phrase).toBe(true);
    expect(q.clauses[5]!.alternatives[0]!.words[0]!.wildcard!.test("anggaran")).toBe(true);
    expect(q.clauses[5]!.alternatives[0]!.words[0]!.wildcard!.test("penganggaran")).toBe(false);
  });

  it("folds case and diacritics, and reads a hyphenated word as a phrase", () => {
    const q = parseQuery("KERJA-sama Café");
    expect(q.clauses[0]!.alternatives[0]).toMatchObject({ phrase: true, words: [{ text: "kerja" }, { text: "sama" }] });
    expect(q.clauses[1]!.alternatives[0]!.words[0]!.text).toBe("cafe");
  });

  it("refuses bad queries with a message, never a crash", () => {
    expect(code(() => parseQuery("   "))).toBe("search.errors.emptyQuery");
    expect(code(() => parseQuery("!!! ???"))).toBe("search.errors.emptyQuery");
    expect(code(() => parseQuery('"kerja sama'))).toBe("search.errors.unclosedQuote");
    expect(code(() => parseQuery("-swasta NOT asing"))).toBe("search.errors.onlyNegative");
    expect(code(() => parseQuery("yang dan di the"))).toBe("search.errors.onlyStopWords");
    expect(code(() => parseQuery("OR dana"))).toBe("search.errors.danglingOperator");
    expect(code(() => parseQuery("dana OR"))).toBe("search.errors.danglingOperator");
    expect(code(() => parseQuery("dana NOT"))).toBe("search.errors.danglingOperator");
    // Quoted, common words are a phrase the user means.
    expect(parseQuery('"yang dan"').clauses).toHaveLength(1);
  });
});
