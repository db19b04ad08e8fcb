import { countLabel, keyedLabel, labelTemplate, type Translate } from "../labelTemplate.js";

/** What a document row says, made once per list and language (DocumentList) rather than per row. */
export interface DocumentRowLabels {
  /** The row's tooltip after the title: its source file and the keys. */
  rowHint(source: string): string;
  kind(kind: string): string;
  codings(count: number): string;
  groupsOf(groups: string): string;
  /** The "⋯" button's name. */
  actions(title: string): string;
}

export function documentRowLabels(t: Translate, language: string): DocumentRowLabels {
  return {
    rowHint: labelTemplate(t, "documents.rowHint", "source"),
    kind: keyedLabel(t, "app.documents.kind."),
    codings: countLabel(t, "app.documents.codings", language),
    groupsOf: labelTemplate(t, "documents.groupsOf", "groups"),
    actions: labelTemplate(t, "documents.actions", "title"),
  };
}
