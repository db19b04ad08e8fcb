import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../shared/random.js";
import { isPlainSearchRequest, SearchRequest, searchRequestFrom, type SearchRequestInput } from "../../../shared/search/model.js";

/**
 * searchRequestFrom skips zod for a request it can see is plain; whatever it is given, it must
 * return what SearchRequest.parse returns, and refuse what the schema refuses.
 */
describe("a search request's quick check", () => {
  const random = seededRandom(13);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const ids = () => Array.from({ length: pick([0, 1, 3]) }, () => often(["doc0001", "AbC_d-9"], ["x", "../etc", 7, "a".repeat(65)]));
  const maybe = <T>(value: () => T): T | undefined => (random() < 0.95 ? value() : undefined);
  /** One of `fine` mostly, now and then one of `odd`. */
  const often = (fine: readonly unknown[], odd: readonly unknown[]) => (random() < 0.9 ? pick(fine) : pick(odd));

  /** Mostly what the CLI builds, with now and then a field missing, out of bounds or of the wrong type. */
  function request(): Record<string, unknown> {
    const scope: Record<string, unknown> = { documentIds: ids(), caseIds: ids(), groupIds: ids(), codeIds: ids(), uncoded: often([true, false], ["no"]) };
    if (random() < 0.4) scope.speaker = often(["Narasumber", "", "s".repeat(100)], [" Informan 1 ", "s".repeat(101), 3]);
    if (random() < 0.05) scope.extra = true;
    const out: Record<string, unknown> = {
      query: maybe(() => often(["ASEAN", "kerja sama", "", "q".repeat(2000)], ["q".repeat(2001), 42])),
      options: maybe(() => ({ stem: pick([true, false]), regex: often([true, false], [1]), matchCase: pick([true, false]) })),
      scope: maybe(() => scope),
      sort: maybe(() => often(["document", "after", "before"], ["random"])),
      limit: maybe(() => often([1, 200, 1_000_000], [1_000_001, 0, 2.5, "10"])),
    };
    if (random() < 0.3) out.offset = often([0, 5], [-1, 1.5]);
    for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
    return out;
  }

  it("gives what the schema gives, for 2,000 requests, and refuses what it refuses", () => {
    const met = { quick: 0, schema: 0, refused: 0 };
    for (let i = 0; i < 2000; i++) {
      const input = request();
      const parsed = SearchRequest.safeParse(input);
      if (parsed.success) {
        expect(searchRequestFrom(input as SearchRequestInput), JSON.stringify(input)).toEqual(parsed.data);
        met[isPlainSearchRequest(input as SearchRequestInput) ? "quick" : "schema"]++;
      } else {
        expect(isPlainSearchRequest(input as SearchRequestInput), JSON.stringify(input)).toBe(false);
        expect(() => searchRequestFrom(input as SearchRequestInput), JSON.stringify(input)).toThrow();
        met.refused++;
      }
    }
    // Each way was met many times.
    for (const [way, count] of Object.entries(met)) expect(count, way).toBeGreaterThan(100);
  });

  it("returns the CLI's own request as it is, with the offset's default, and refuses a query too long", () => {
    const cli: SearchRequestInput = { query: "ASEAN", options: { stem: true, regex: false, matchCase: false }, scope: { documentIds: [], caseIds: [], groupIds: [], codeIds: [], uncoded: false }, sort: "document", limit: 1_000_000 };
    expect(isPlainSearchRequest(cli)).toBe(true);
    expect(searchRequestFrom(cli)).toEqual({ ...cli, offset: 0 });
    expect(() => searchRequestFrom({ ...cli, query: "q".repeat(2001) })).toThrow(/2000/);
  });
});
