/**
 * The plural form of a count in the two UI languages, without asking ICU each time: the row labels
 * keep one template per form (components/labelTemplate.ts, countLabel), so they must know which
 * form i18next picks for a count — Intl.PluralRules' cardinal category. CLDR's rules for these two
 * are simple for whole numbers: English "one" for 1 and -1 (the rules read the absolute value),
 * Indonesian "other" always. A fraction in English goes to ICU (it rounds to three decimals first:
 * 1.0000001 is "one"). tests/renderer/i18nPlurals.test.ts checks them against Intl.PluralRules and
 * against the forms i18next picks.
 */

type Category = "one" | "other";

interface Rules {
  select(n: number): Category;
  resolvedOptions(): { locale: string; type: "cardinal"; pluralCategories: Category[] };
}

const rules = (locale: string, pluralCategories: Category[], select: (n: number) => Category): Rules => ({
  select,
  resolvedOptions: () => ({ locale, type: "cardinal", pluralCategories: [...pluralCategories] }),
});

let englishIcu: Intl.PluralRules | undefined;

/** The cardinal rules by i18next's language code. */
export const PLURAL_RULES: Readonly<Record<string, Rules>> = {
  en: rules("en", ["one", "other"], (n) => (Number.isInteger(n) ? (Math.abs(n) === 1 ? "one" : "other") : ((englishIcu ??= new Intl.PluralRules("en")).select(n) as Category))),
  id: rules("id", ["other"], () => "other"),
};
