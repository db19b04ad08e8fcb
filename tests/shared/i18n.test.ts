import { describe, expect, it } from "vitest";
import { catalogues, languageFromLocale, translate } from "../../shared/index.js";

/** Leaf keys, with i18next plural suffixes folded (Indonesian has one plural form, English two). */
function keys(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path.replace(/_(zero|one|two|few|many|other)$/, ""), value);
    else for (const [k, v] of keys(value, path)) out.set(k, v);
  }
  return out;
}

/** Every leaf key as it is written, plural suffix and all. */
function rawKeys(node: unknown, prefix = ""): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [path] : rawKeys(value, path);
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("i18n catalogues", () => {
  const en = keys(catalogues.en);
  const id = keys(catalogues.id);

  it("have the same keys in Indonesian and English", () => {
    expect([...id.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !id.has(k))).toEqual([]);
    expect(en.size).toBeGreaterThan(100);
  });

  it("have no empty string and the same placeholders in both languages", () => {
    for (const [key, text] of en) {
      expect(text.trim(), key).not.toBe("");
      expect(id.get(key)!.trim(), key).not.toBe("");
      expect(placeholders(id.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it("have the plural forms each language picks: `_one` and `_other` in English, `_other` alone enough in Indonesian", () => {
    const en = new Set(rawKeys(catalogues.en));
    const id = new Set(rawKeys(catalogues.id));
    for (const key of en) if (key.endsWith("_one")) expect(en.has(key.replace(/_one$/, "_other")), key).toBe(true);
    // Indonesian has no plural inflection: Intl.PluralRules("id") picks "other" for every number.
    for (const key of id) if (/_(zero|one|two|few|many)$/.test(key)) expect(id.has(key.replace(/_(zero|one|two|few|many)$/, "_other")), key).toBe(true);
    for (const key of en) if (key.endsWith("_other")) expect(id.has(key) || id.has(key.replace(/_other$/, "")), key).toBe(true);
    expect(translate("id", "count.hits", { count: 1 })).toBe("1 temuan");
    expect(translate("en", "count.hits", { count: 1 })).toBe("1 hit");
    expect(translate("en", "count.hits", { count: 2 })).toBe("2 hits");
  });

  it("call a coding by one name in Indonesian, “pengodean”, never the loanword “koding” (the undo toasts said both)", () => {
    expect([...id].filter(([, text]) => /koding/i.test(text)).map(([key]) => key)).toEqual([]);
    expect(translate("id", "history.op.removeCoding", { code: "Motif ekonomi" })).toBe("penghapusan pengodean “Motif ekonomi”");
  });

  it("translates with placeholders and picks the language from the locale", () => {
    expect(translate("en", "errors.op.unknownCode", { id: "abc" })).toBe("There is no code with id abc.");
    expect(translate("id", "errors.op.unknownCode", { id: "abc" })).toBe("Tidak ada kode dengan id abc.");
    expect(languageFromLocale("id-ID")).toBe("id");
    expect(languageFromLocale("en-US")).toBe("en");
    expect(languageFromLocale(undefined)).toBe("en");
  });
});
