/**
 * The plural rules of the two UI languages without ICU (issue 13, the first screen). i18next picks
 * a plural form with `new Intl.PluralRules(language)`, and a page's first one loads ICU's locale
 * and plural data: 20–60 ms of the first render, whose rows say "n codings". CLDR's cardinal rules
 * for these two are simple for whole numbers: English "one" for 1 and -1 (the rules read the
 * absolute value), Indonesian "other" always. A fraction in English goes to ICU (it rounds to three
 * decimals first: 1.0000001 is "one"). tests/renderer/i18nPlurals.test.ts checks them against
 * Intl.PluralRules, and that i18next asks ICU for neither language.
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
  en: rules("en", ["one", "other"], (n) => (Number.isInteger(n) ? (Math.abs(n) === 1 ? "one" : "other") : (englishIcu ??= new Intl.PluralRules("en")).select(n) as Category)),
  id: rules("id", ["other"], () => "other"),
};

interface PluralResolver {
  getRule(code: string, options?: { ordinal?: boolean }): unknown;
}

/**
 * Has i18next's plural resolver take the rules above for "en" and "id" (cardinal), and ICU's for
 * anything else. Its `getRule` is the one place i18next makes Intl.PluralRules; if a version of
 * i18next has none, nothing changes (and the test says so).
 */
export function installPluralRules(services: { pluralResolver?: unknown }): void {
  const resolver = services.pluralResolver as PluralResolver | undefined;
  if (!resolver || typeof resolver.getRule !== "function") return;
  const original = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options = {}) => (!options.ordinal && PLURAL_RULES[code]) || original(code, options);
}
