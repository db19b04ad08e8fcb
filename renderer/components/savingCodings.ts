import { useCallback, useMemo, useState } from "react";
import type { Coding, CodingId, DocumentId, ProjectState } from "../../shared/index.js";

/** A coding as its unanswered change will leave it: `as`, or gone (null). One object per change, so a later change of the same coding is told apart. */
interface Hold {
  as: Coding | null;
}

/**
 * The codings the user applied, removed or changed here that the backend has not answered yet, drawn as
 * done at once. A change is answered when its journal line is on disk (≈ 20 ms), but the first one
 * after opening a very large project waits for the snapshot's check (up to seconds at a million
 * codings: docs/PERFORMANCE.md), and a highlight that shows, or goes, only then reads as a key or a
 * click that missed (and a second click on × then fails: the coding is gone by the time it runs).
 * The pane says "Saving…" while any is unanswered, so nothing shown passes for saved before it is;
 * a change the backend refuses is undone on screen again, with the error saying what was not saved.
 */
export interface SavingCodings {
  /** Each coding with an unanswered change, by id. */
  held: ReadonlyMap<CodingId, Hold>;
  /**
   * Draws coding `id` as `as` — a coding applied or changed, or null for one removed — until `send`
   * (which makes the change) settles, then leaves it to the project.
   */
  hold(id: CodingId, as: Coding | null, send: () => Promise<void>): Promise<void>;
}

export function useSavingCodings(): SavingCodings {
  const [held, setHeld] = useState<ReadonlyMap<CodingId, Hold>>(new Map());
  const hold = useCallback((id: CodingId, as: Coding | null, send: () => Promise<void>) => {
    const mine: Hold = { as };
    setHeld((s) => new Map(s).set(id, mine));
    return send().finally(() =>
      setHeld((s) => {
        // A later change of the same coding, still unanswered, stays drawn.
        if (s.get(id) !== mine) return s;
        const next = new Map(s);
        next.delete(id);
        return next;
      }),
    );
  }, []);
  return useMemo(() => ({ held, hold }), [held, hold]);
}

/** Coding `id` as the pane draws it: as its unanswered change will leave it, else the project's; undefined when it is gone. */
export function drawnCoding(saving: SavingCodings, id: CodingId, state: ProjectState): Coding | undefined {
  const hold = saving.held.get(id);
  return hold ? (hold.as ?? undefined) : state.codings[id];
}

/**
 * `codings` (the project's, of one document) as this pane has changed them: those it is removing
 * left out, those it is changing as they will be, and those of `documentId` it applied that the
 * project does not hold yet added (between the answer reaching the project and the change
 * settling, a coding is in both). The same array when none of that touches it.
 */
export function withSaving(codings: readonly Coding[], saving: SavingCodings, documentId: DocumentId, state: ProjectState): readonly Coding[] {
  if (!saving.held.size) return codings;
  const added = [...saving.held.values()].flatMap(({ as }) => (as && as.documentId === documentId && !state.codings[as.id] ? [as] : []));
  if (!added.length && !codings.some((c) => saving.held.has(c.id))) return codings;
  return [
    ...codings.flatMap((c) => {
      const hold = saving.held.get(c.id);
      return hold ? (hold.as ?? []) : [c];
    }),
    ...added,
  ];
}
