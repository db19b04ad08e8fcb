import { describe, expect, it } from "vitest";
import { compareAscii, compareText, rootCollationLocale } from "../../shared/text/collation.js";
import { compareDocuments, sortedDocuments } from "../../shared/documents/documents.js";
import { seededRandom } from "../../shared/random.js";
import type { DocumentMeta, ProjectState } from "../../shared/model/project.js";

/** The locales of both UI languages as a system reports them: each must order as ICU does. */
const LOCALES = ["en", "en-US", "en-GB", "id", "id-ID"];
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
const sign = (n: number) => Math.sign(n);

/** Random printable-ASCII strings, and a second one near each (case changed, a character changed, added or removed), where orders are decided. */
function pairs(count: number, seed: number): [string, string][] {
  const random = seededRandom(seed);
  const pick = (alphabet: string) => alphabet[Math.floor(random() * alphabet.length)]!;
  const word = () => Array.from({ length: Math.floor(random() * 7) }, () => pick(random() < 0.5 ? PRINTABLE : "aAbBzZ09 _-.,()")).join("");
  const near = (s: string): string => {
    const at = Math.floor(random() * (s.length + 1));
    const c = s[at] ?? "";
    switch (Math.floor(random() * 5)) {
      case 0:
        return s.slice(0, at) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + s.slice(at + 1);
      case 1:
        return s.slice(0, at) + pick(PRINTABLE) + s.slice(at + 1);
      case 2:
        return s.slice(0, at) + pick(PRINTABLE) + s.slice(at);
      case 3:
        return s.slice(0, at) + s.slice(at + 1);
      default:
        return s.toUpperCase();
    }
  };
  return Array.from({ length: count }, () => {
    const a = word();
    return [a, random() < 0.7 ? near(a) : word()];
  });
}

describe("the document list's comparison without ICU", () => {
  it("orders printable ASCII as localeCompare does in English and Indonesian", () => {
    const all = pairs(20_000, 13);
    for (const locale of LOCALES) {
      const wrong = all.filter(([a, b]) => sign(compareAscii(a, b)!) !== sign(a.localeCompare(b, locale)));
      expect(wrong.slice(0, 5), locale).toEqual([]);
    }
  });

  it("is not code-unit order: case, punctuation and digits sort as ICU puts them", () => {
    expect(compareAscii("B", "a")).toBe(1);
    expect(compareAscii("a", "A")).toBe(-1);
    expect(compareAscii("_x", "-x")).toBe(-1);
    expect(compareAscii("a b", "ab")).toBe(-1);
    expect(compareAscii("Z9", "z10")).toBe(1);
    expect(compareAscii("same", "same")).toBe(0);
  });

  it("leaves anything else to ICU", () => {
    expect(compareAscii("é", "f")).toBeUndefined();
    expect(compareAscii("Wawancara 1", "Wawancara\t1")).toBeUndefined();
    expect(compareAscii("a\u0301", "a")).toBeUndefined();
    for (const [a, b] of [["é", "f"], ["Åse", "Aase"], ["Ünal", "Unal"], ["Wawancara — 2", "Wawancara - 2"]] as const)
      expect(sign(compareText(a, b))).toBe(sign(a.localeCompare(b)));
  });

  it("trusts itself only for a default locale whose collation is the root one", () => {
    for (const yes of ["en", "en-US", "en-gb", "en-001", "id", "id-ID"]) expect(rootCollationLocale(yes), yes).toBe(true);
    for (const no of [undefined, "", "da", "da-DK", "lt", "tr-TR", "sv", "en-US-u-co-phonebk", "en-US-POSIX", "english"]) expect(rootCollationLocale(no), String(no)).toBe(false);
    // The cases it refuses do order ASCII differently.
    expect(["aa", "z"].sort((a, b) => a.localeCompare(b, "da"))).toEqual(["z", "aa"]);
    expect(["y", "j"].sort((a, b) => a.localeCompare(b, "lt"))).toEqual(["y", "j"]);
  });

  it("sorts a project's documents as before: realistic titles in both languages, mixed with non-ASCII ones", () => {
    const random = seededRandom(7);
    const stems = ["Wawancara", "wawancara", "Interview", "Catatan lapangan", "FGD_Desa", "Laporan (draf)", "Transkrip-03", "Notes 2024.docx", "Éva", "Ömer", "Rapat — RT 5"];
    const documents: Record<string, DocumentMeta> = {};
    for (let i = 0; i < 300; i++) {
      const id = `doc_${String(Math.floor(random() * 1e6)).padStart(6, "0")}`;
      const title = `${stems[Math.floor(random() * stems.length)]!} ${Math.floor(random() * 60)}`;
      documents[id] = { id: id as DocumentMeta["id"], title, kind: "txt", sourceName: `${id}.txt`, importedAt: "2026-01-01T00:00:00.000Z", length: 1, blockCount: 1, pageCount: null, ...(random() < 0.1 ? { order: Math.floor(random() * 5) } : {}) };
    }
    const state = { documents } as unknown as ProjectState;
    const byIcu = (a: DocumentMeta, b: DocumentMeta) => {
      const ordered = (a.order === undefined ? 1 : 0) - (b.order === undefined ? 1 : 0);
      if (ordered) return ordered;
      if (a.order !== undefined && b.order !== undefined && a.order !== b.order) return a.order - b.order;
      return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
    };
    expect(sortedDocuments(state).map((d) => d.id)).toEqual(Object.values(documents).sort(byIcu).map((d) => d.id));
    expect(compareDocuments(documents[Object.keys(documents)[0]!]!, documents[Object.keys(documents)[0]!]!)).toBe(0);
  });
});
