import i18next from "i18next";
import { afterEach, describe, expect, it } from "vitest";
import { initI18n } from "../../renderer/i18n.js";
import { PLURAL_RULES } from "../../renderer/i18nPlurals.js";

const NUMBERS = [0, 1, -1, 2, -2, 3, 5, 11, 21, 100, 101, 1_000_000, 0.5, 1.5, -1.5, 0.1, 2.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 1 + Number.EPSILON];

const RealPluralRules = Intl.PluralRules;
const intl = Intl as { PluralRules: typeof Intl.PluralRules };
afterEach(() => {
  intl.PluralRules = RealPluralRules;
});

describe("plural rules without ICU", () => {
  for (const language of ["en", "id"] as const) {
    it(`pick the form ICU picks (${language})`, () => {
      const icu = new RealPluralRules(language);
      for (const n of NUMBERS) expect(PLURAL_RULES[language]!.select(n), String(n)).toBe(icu.select(n));
      expect(PLURAL_RULES[language]!.resolvedOptions().pluralCategories.sort()).toEqual([...icu.resolvedOptions().pluralCategories].sort());
    });
  }

  it("are what i18next uses for both languages, so a count in a label makes no Intl.PluralRules", async () => {
    await initI18n("en");
    const resolver = (i18next.services as unknown as { pluralResolver: { getRule(code: string, options?: object): unknown } }).pluralResolver;
    expect(resolver.getRule("en")).toBe(PLURAL_RULES.en);
    expect(resolver.getRule("id")).toBe(PLURAL_RULES.id);
    let made = 0;
    intl.PluralRules = class extends RealPluralRules {
      constructor(...args: ConstructorParameters<typeof RealPluralRules>) {
        super(...args);
        made++;
      }
    } as typeof Intl.PluralRules;
    const en = i18next.getFixedT("en");
    const id = i18next.getFixedT("id");
    expect([en("app.documents.codings", { count: 1 }), en("app.documents.codings", { count: 2 }), en("app.documents.codings", { count: 0 })]).toEqual(["1 coding", "2 codings", "0 codings"]);
    expect(id("app.documents.codings", { count: 1 })).toBe(id("app.documents.codings", { count: 2 }).replace("2", "1"));
    expect(made).toBe(0);
    // Ordinals, which no catalogue uses, still go to ICU.
    expect(resolver.getRule("en", { ordinal: true })).not.toBe(PLURAL_RULES.en);
  });
});
