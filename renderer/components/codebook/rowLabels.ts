import { countLabel, labelTemplate, type Translate } from "../labelTemplate.js";

/** What a code row says, made once per codebook and language (Codebook) rather than per row. */
export interface CodeRowLabels {
  expand(name: string): string;
  collapse(name: string): string;
  color(name: string): string;
  pinnedKey(key: number): string;
  automaticKey(key: number): string;
  ownCount(count: number): string;
  withNested(own: number, total: number): string;
  /** While not every coding is loaded (a coder's counts): the count and its tooltip. */
  loadingCount: string;
  loadingCountHint: string;
  /** The "⋯" button's name. */
  actionsFor(name: string): string;
}

export function codeRowLabels(t: Translate, language: string): CodeRowLabels {
  return {
    expand: labelTemplate(t, "codebook.expand", "name"),
    collapse: labelTemplate(t, "codebook.collapse", "name"),
    color: labelTemplate(t, "codebook.color.title", "name"),
    pinnedKey: labelTemplate(t, "keys.pinned", "key"),
    automaticKey: labelTemplate(t, "keys.automatic", "key"),
    ownCount: countLabel(t, "codebook.counts.own", language),
    withNested: labelTemplate(t, "codebook.counts.withNested", "own", "total"),
    loadingCount: t("loadingCodings.counts"),
    loadingCountHint: t("loadingCodings.countsHint"),
    actionsFor: labelTemplate(t, "codebook.actionsFor", "name"),
  };
}
