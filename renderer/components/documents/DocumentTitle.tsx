import { useMemo } from "react";
import type { DocumentId, ProjectState } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { titleTails } from "./titleTails.js";
import "./documents.css";

/**
 * A document's title in a narrow list: whole words, at most two lines (documents.css). One that
 * another title's end alone tells apart (`tailFrom`, from useTitleTails) shows its start on one line
 * and, on the other, the title from the word where they part. Its text is always the whole title,
 * for a screen reader and for what reads it back.
 */
export function DocumentTitle({ title, tailFrom, className = "" }: { title: string; tailFrom: number | undefined; className?: string }) {
  return tailFrom ? (
    <span className={`${className} doc-title split`}>
      <span>{title.slice(0, tailFrom)}</span>
      <span>{title.slice(tailFrom)}</span>
    </span>
  ) : (
    <span className={`${className} doc-title`}>{title}</span>
  );
}

/** Where each of the project's titles parts from one that begins the same way (titleTails). */
export const documentTitleTails = (documents: ProjectState["documents"]): Map<DocumentId, number> => titleTails(Object.values(documents).map((d) => ({ key: d.id, title: d.title })));

/** documentTitleTails of the open project, kept until it changes. */
export function useTitleTails(): Map<DocumentId, number> {
  // Titles change with the documents alone, not after each coding (ProjectSnapshot.shape).
  const { state, shape } = useProject();
  return useMemo(() => documentTitleTails(state.documents), [state, shape]);
}
