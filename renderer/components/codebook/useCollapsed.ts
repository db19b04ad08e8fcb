import { useState } from "react";
import type { CodeId } from "../../../shared/index.js";

/** Which codes of the tree are collapsed, with the two changes the codebook makes to that. */
export function useCollapsed() {
  const [collapsed, setCollapsed] = useState<ReadonlySet<CodeId>>(() => new Set());

  /** Opens each of `ids` that is collapsed (keeping the same set when none is, so nothing redraws). */
  function expand(...ids: CodeId[]) {
    setCollapsed((previous) => {
      if (!ids.some((id) => previous.has(id))) return previous;
      const next = new Set(previous);
      for (const id of ids) next.delete(id);
      return next;
    });
  }

  function toggle(id: CodeId) {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  return { collapsed, expand, toggle };
}
