import { LANGUAGES, type Language } from "../i18n/catalogues.js";
import { translate } from "../i18n/translate.js";

/**
 * REFI-QDA Boolean variables. Tandai's attribute types are text, number, date and choice, so a
 * Boolean comes in as a choice of the two words for yes and no in the UI language ("Yes"/"No",
 * "Ya"/"Tidak"), and a choice attribute whose choices are exactly such a pair (in either language,
 * in either order) goes out as a Boolean again.
 */
export const booleanChoices = (language: Language): [string, string] => [translate(language, "refi.boolean.yes"), translate(language, "refi.boolean.no")];

const fold = (s: string) => s.trim().toLocaleLowerCase();

/** The attribute's [yes, no] choices, when its choices are exactly a yes/no pair of some language; else null. */
export function booleanPair(choices: readonly string[] | undefined): [string, string] | null {
  if (!choices || choices.length !== 2) return null;
  for (const language of LANGUAGES) {
    const [yes, no] = booleanChoices(language).map(fold) as [string, string];
    const i = choices.findIndex((c) => fold(c) === yes);
    const j = choices.findIndex((c) => fold(c) === no);
    if (i >= 0 && j >= 0 && i !== j) return [choices[i]!, choices[j]!];
  }
  return null;
}

/** A BooleanValue as written ("true"/"false", also "1"/"0" as xsd:boolean allows) as true/false; anything else: null. */
export function readBoolean(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  return v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : null;
}
