/** A translate function as the CLI, the main process and i18next each have one. */
type CountTranslate = (key: string, params: { count: number }) => string;

/**
 * Each count in words by its own plural key in the `count` area (`count.<name>_one` / `_other`,
 * chosen by the count as i18next and `translate` do), for a sentence with several counts that puts
 * the pieces in place: "{{documents}}, {{codes}}" reads "1 document, 2 codes".
 */
export function countWords<K extends string>(t: CountTranslate, counts: Record<K, number>): Record<K, string> {
  const words = {} as Record<K, string>;
  for (const name of Object.keys(counts) as K[]) words[name] = t(`count.${name}`, { count: counts[name] });
  return words;
}
