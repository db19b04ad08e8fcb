import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { initI18n } from "../../renderer/i18n.js";
import { PLURAL_RULES } from "../../renderer/i18nPlurals.js";

const NUMBERS = [0, 1, -1, 2, -2, 3, 5, 11, 21, 100, 101, 1_000_000, 0.5, 1.5, -1.5, 0.1, 2.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 1 + Number.EPSILON];

describe("the plural forms the row labels key their templates by", () => {
  for (const language of ["en", "id"] as const) {
    it(`are ICU's (${language})`, () => {
      const icu = new Intl.PluralRules(language);
      for (const n of NUMBERS) expect(PLURAL_RULES[language]!.select(n), String(n)).toBe(icu.select(n));
      expect(PLURAL_RULES[language]!.resolvedOptions().pluralCategories.sort()).toEqual([...icu.resolvedOptions().pluralCategories].sort());
    });
  }

  it("are the forms i18next picks from the catalogues", async () => {
    await initI18n("en");
    for (const language of ["en", "id"] as const) {
      const t = i18next.getFixedT(language);
      for (const n of NUMBERS.filter(Number.isInteger)) {
        const form = PLURAL_RULES[language]!.select(n);
        expect(t("app.documents.codings", { count: n }), `${language} ${n}`).toBe(t(`app.documents.codings_${form}`, { count: String(n) }));
      }
    }
  });
});
