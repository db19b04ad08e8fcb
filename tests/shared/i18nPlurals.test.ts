import { describe, expect, it } from "vitest";
import { catalogues } from "../../shared/index.js";

/**
 * English counts agree with their number: a number placeholder followed by a plural noun ("{{count}}
 * codings", "{{documents}} documents") must be the `_other` form of a plural key chosen by that very
 * number, with a `_one` beside it. A sentence with several counts composes small plural keys, one per
 * count (app.document.meta), so its own string has no number followed by a noun.
 */

/** Placeholder names that hold a number: `count`, the usual counters, and the counted things' names. */
const NUMBER_LIKE = /^(count|n|total|ok|applied|failed|loaded|shown|matched|created|merged|linked|pushed|pulled|skipped|length|max|min[A-Z]\w*|seconds|ratio|size|units|texts[A-Z]\w*|[a-z]\w*s)$/;

/** Words that end in "s" and are not plural nouns, among them the verbs a singular count takes ("1 matches", "stays"). */
const NOT_PLURAL = new Set(["is", "was", "has", "does", "its", "this", "his", "as", "us", "yes", "always", "across", "thus", "plus", "status", "perhaps", "whereas", "matches", "stays", "falls", "holds"]);

/** Words a count's noun may come after ("{{count}} more rows", "{{pushed}} local changes"); any other word ends the look. */
const STOPS = new Set(["of", "the", "a", "an", "in", "on", "to", "at", "by", "for", "from", "with", "and", "or", "your", "their", "its", "this", "that", "is", "are", "was", "were", "be", "been", "not", "no", "than", "but", "so", "as"]);

const isPlural = (word: string) => word.endsWith("(s)") || (/^[A-Za-z]+s$/.test(word) && !NOT_PLURAL.has(word.toLowerCase()) && !/(ss|us|is)$/.test(word));

/**
 * Counts that are never 1, so a plural noun after them is right. Each says why.
 */
const NEVER_ONE: Record<string, string> = {
  // Thrown only when more than one document or code matches (shared/documents/findDocument.ts, shared/codebook/resolvePath.ts).
  "cli.errors.ambiguousDocument": "count",
  "cli.errors.ambiguousCode": "count",
  // Shown only when there are more items than the chart draws (shared/charts/frame.ts), so the total is at least 2.
  "charts.capped.codes": "total",
  "charts.capped.cases": "total",
  // A CSV header names at least doc, code and quote (shared/codeFrom/parse.ts), and the row has more cells than that.
  "codeFrom.errors.tooManyCells": "count columns",
  // The fixed longest code name (MAX_NAME_LENGTH, MAX_CODE_NAME), far above 1.
  "codebook.errors.tooLong": "max",
  "documents.errors.levelTooLong": "max",
  // Thrown only when a part grows more than the bomb limit's ratio (MAX_RATIO, 200 times).
  "import.errors.bombRatio": "ratio",
  // The fixed time limits: an import's 120 s (DEFAULT_IMPORT_LIMITS), a regular expression's 3 s (REGEX_TIME_LIMIT_MS).
  "import.errors.tooSlow": "seconds",
  "search.errors.regexTimeout": "seconds",
  // Refused only when the request has not exactly one Host header (electron/web/requests.ts): 0 or 2 and up.
  "web.errors.badHost": "count",
};

function* strings(node: unknown, prefix = ""): Generator<[string, string]> {
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") yield [path, value];
    else yield* strings(value, path);
  }
}

/** The number placeholders of `text` that a plural noun follows. */
function countedPlaceholders(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\{\{\s*(\w+)\s*\}\}((?: [A-Za-z][\w-]*(?:\(s\))?){1,3})?/g)) {
    const [, name, after] = match;
    if (!NUMBER_LIKE.test(name!) || !after) continue;
    for (const word of after.trim().split(" ")) {
      if (isPlural(word)) {
        found.push(name!);
        break;
      }
      if (STOPS.has(word.toLowerCase())) break;
    }
  }
  return found;
}

describe("English counts", () => {
  const en = new Map(strings(catalogues.en));

  it("are recognised by the heuristic", () => {
    expect(countedPlaceholders("{{name}}: {{documents}} documents, {{codes}} codes.")).toEqual(["documents", "codes"]);
    expect(countedPlaceholders("… and {{count}} more rows with errors")).toEqual(["count"]);
    expect(countedPlaceholders("{{count}} byte(s) in it")).toEqual(["count"]);
    expect(countedPlaceholders("Links {{linked}} of your codes")).toEqual([]);
    expect(countedPlaceholders("{{codings}} in {{documents}}")).toEqual([]);
    expect(countedPlaceholders("{{file}} files")).toEqual([]);
    expect(countedPlaceholders("{{count}} already coded with this code (skipped):")).toEqual([]);
  });

  it("agree with their number: a counted noun is in the `_other` form of a key chosen by that count", () => {
    const wrong: string[] = [];
    for (const [key, text] of en) {
      const allowed = NEVER_ONE[key]?.split(" ") ?? [];
      for (const name of countedPlaceholders(text)) {
        if (allowed.includes(name)) continue;
        const base = key.replace(/_other$/, "");
        if (name === "count" && key.endsWith("_other") && en.has(`${base}_one`)) continue;
        wrong.push(`${key} ({{${name}}}): ${text}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("allow only exceptions that are still in the catalogue and still counted", () => {
    for (const [key, names] of Object.entries(NEVER_ONE)) {
      expect(en.has(key), key).toBe(true);
      expect(countedPlaceholders(en.get(key)!), key).toEqual(names.split(" "));
    }
  });

  it("have a singular beside every plural, and the singular has no plural noun", () => {
    for (const [key, text] of en) {
      if (key.endsWith("_one")) {
        expect(en.has(key.replace(/_one$/, "_other")), key).toBe(true);
        expect(countedPlaceholders(text).filter((n) => n === "count"), `${key}: ${text}`).toEqual([]);
      }
    }
  });
});
