import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { initI18n } from "../../renderer/i18n.js";

const NUMBERS = [0, 1, -1, 2, -2, 3, 5, 11, 21, 100, 101, 1_000_000, -0];

/** The row labels keep one template per plural form (components/labelTemplate.ts, countLabel), keyed by Intl.PluralRules' category. */
describe("the plural forms the row labels key their templates by", () => {
  it("are the forms i18next picks from the catalogues", async () => {
    await initI18n("en");
    for (const language of ["en", "id"] as const) {
      const t = i18next.getFixedT(language);
      const rules = new Intl.PluralRules(language);
      for (const n of NUMBERS) {
        const form = rules.select(n);
        expect(t("app.documents.codings", { count: n }), `${language} ${n}`).toBe(t(`app.documents.codings_${form}`, { count: String(n) }));
      }
    }
  });
});
