import { useCallback, useState } from "react";
import type { Coding, DocumentId, ProjectState } from "../../shared/index.js";

/**
 * Codings the user applied that the backend has not answered yet, drawn at once. An apply is
 * answered when its journal line is on disk (≈ 20 ms), but the first one after opening a very large
 * project waits for the snapshot's check (up to seconds at a million codings: docs/PERFORMANCE.md),
 * and a highlight that shows only then reads as a key that missed. The pane says "Saving…" while
 * any is unanswered, so nothing shown passes for saved before it is; one the backend refuses goes
 * away again, with the error saying what was not saved.
 */
export function useSavingCodings(): {
  saving: readonly Coding[];
  /** Draws `coding` until `send` (which applies it) settles, then leaves it to the project. */
  save(coding: Coding, send: () => Promise<void>): Promise<void>;
} {
  const [saving, setSaving] = useState<readonly Coding[]>([]);
  const save = useCallback((coding: Coding, send: () => Promise<void>) => {
    setSaving((s) => [...s, coding]);
    return send().finally(() => setSaving((s) => s.filter((c) => c !== coding)));
  }, []);
  return { saving, save };
}

/**
 * `saving`'s codings of `documentId` the project does not hold yet (between the answer reaching the
 * project and `save` settling, a coding is in both).
 */
export function unanswered(saving: readonly Coding[], documentId: DocumentId, state: ProjectState): Coding[] {
  return saving.filter((c) => c.documentId === documentId && !state.codings[c.id]);
}
