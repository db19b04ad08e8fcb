/**
 * A list's row labels made once per list and language, not asked of i18next per row (issue 13, the
 * thesis project's first screen: 50 document rows and 50 code rows asked `t` five or six times
 * each, ≈ 25 ms profiled, and each row's `useTranslation` hook its share).
 */

/** The `t` of useTranslation, as far as labels need it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Where value `i` goes, put in by i18next itself; private-use characters no catalogue string holds. */
const marker = (i: number) => `\ue000${i}\ue001`;
const MARKERS = /\ue000(\d)\ue001/;

/**
 * `(…values) => t(key, {[names[i]]: values[i]})`, from one call of `t` with markers for the
 * values: the same string, as the catalogues use plain interpolation (escapeValue off, no formats),
 * and i18next does not read nesting or markers in a value it puts in. Not for `count`, which picks
 * the plural form (countLabel).
 */
export function labelTemplate(t: Translate, key: string, ...names: string[]): (...values: (string | number)[]) => string {
  const parts = t(key, Object.fromEntries(names.map((name, i) => [name, marker(i)]))).split(MARKERS);
  return (...values) => {
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) text += String(values[Number(parts[i])]) + parts[i + 1]!;
    return text;
  };
}

/**
 * `(count) => t(key, {count})`: a template per plural form, i18next being given the count (it
 * picks the form) and a marker to put in for it (`replace`). The form is Intl.PluralRules'
 * category for `language`, which is how i18next picks it (tests/renderer/i18nPlurals.test.ts); a
 * language Intl does not know, or a fraction, is asked of `t` each time.
 */
export function countLabel(t: Translate, key: string, language: string): (count: number) => string {
  const rules = pluralRules(language);
  const forms = new Map<string, (count: number) => string>();
  return (count) => {
    if (!rules || !Number.isInteger(count)) return t(key, { count });
    const form = rules.select(count);
    let fill = forms.get(form);
    if (!fill) {
      const parts = t(key, { count, replace: { count: marker(0) } }).split(MARKERS);
      forms.set(form, (fill = (n) => parts.map((part, i) => (i % 2 ? String(n) : part)).join("")));
    }
    return fill(count);
  };
}

function pluralRules(language: string): Intl.PluralRules | null {
  try {
    return new Intl.PluralRules(language);
  } catch {
    return null; // not a language tag Intl knows
  }
}

/** `t(key)` for keys that differ by one part (a document's kind), each asked once. */
export function keyedLabel(t: Translate, prefix: string): (part: string) => string {
  const made = new Map<string, string>();
  return (part) => {
    let text = made.get(part);
    if (text === undefined) made.set(part, (text = t(`${prefix}${part}`)));
    return text;
  };
}
