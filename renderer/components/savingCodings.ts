import { useCallback, useMemo, useState } from "react";
import type { Coding, CodingId, DocumentId, ProjectState } from "../../shared/index.js";

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
  added: readonly Coding[];
  removed: ReadonlySet<CodingId>;
  /** Codings as they will be once a change to them (their stance) is saved, by id. */
  changed: ReadonlyMap<CodingId, Coding>;
  /** True while any change above is unanswered. */
  pending: boolean;
  /** Draws `coding` until `send` (which applies it) settles, then leaves it to the project. */
  add(coding: Coding, send: () => Promise<void>): Promise<void>;
  /** Hides coding `id` until `send` (which removes it) settles. */
  remove(id: CodingId, send: () => Promise<void>): Promise<void>;
  /** Draws `coding` in place of the project's of the same id until `send` (which changes it) settles. */
  change(coding: Coding, send: () => Promise<void>): Promise<void>;
}

export function useSavingCodings(): SavingCodings {
  const [added, setAdded] = useState<readonly Coding[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<CodingId>>(new Set());
  const add = useCallback((coding: Coding, send: () => Promise<void>) => {
    setAdded((s) => [...s, coding]);
    return send().finally(() => setAdded((s) => s.filter((c) => c !== coding)));
  }, []);
  const remove = useCallback((id: CodingId, send: () => Promise<void>) => {
    setRemoved((s) => new Set(s).add(id));
    return send().finally(() =>
      setRemoved((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      }),
    );
  }, []);
  const [changed, setChanged] = useState<ReadonlyMap<CodingId, Coding>>(new Map());
  const change = useCallback((coding: Coding, send: () => Promise<void>) => {
    setChanged((s) => new Map(s).set(coding.id, coding));
    return send().finally(() =>
      setChanged((s) => {
        // A later change of the same coding, still unanswered, stays drawn.
        if (s.get(coding.id) !== coding) return s;
        const next = new Map(s);
        next.delete(coding.id);
        return next;
      }),
    );
  }, []);
  const pending = added.length > 0 || removed.size > 0 || changed.size > 0;
  return useMemo(() => ({ added, removed, changed, pending, add, remove, change }), [added, removed, changed, pending, add, remove, change]);
}

/**
 * `codings` (the project's, of one document) as this pane has changed them: without those it is
 * removing, those it is changing as they will be, with those of `documentId` it added that the
 * project does not hold yet (between the answer reaching the project and the change settling, a
 * coding is in both).
 */
export function withSaving(codings: readonly Coding[], saving: SavingCodings, documentId: DocumentId, state: ProjectState): readonly Coding[] {
  const added = saving.added.filter((c) => c.documentId === documentId && !state.codings[c.id]);
  if (!added.length && !saving.removed.size && !saving.changed.size) return codings;
  const all = [...(saving.removed.size ? codings.filter((c) => !saving.removed.has(c.id)) : codings), ...added];
  return saving.changed.size ? all.map((c) => saving.changed.get(c.id) ?? c) : all;
}
