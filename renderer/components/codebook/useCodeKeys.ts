import { useMemo } from "react";
import { codeKeys, keyOfCode, type CodeId, type CodeKeyBinding } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";

export interface CodeKeys {
  /** Keys 1–9 in order, each with its code and whether it is pinned. */
  bindings: CodeKeyBinding[];
  /** The key of each code that has one. */
  keyOf: Map<CodeId, number>;
  /** The binding of a digit pressed, if any. */
  byKey: Map<number, CodeKeyBinding>;
}

/**
 * Which code each of the keys 1–9 applies (`codeKeys`: pinned keys, then leaf codes in creation
 * order), for every place that lists codes or applies them by key: the codebook, the palette, the
 * selection bar. Recomputed only when the project changes.
 */
export function useCodeKeys(): CodeKeys {
  // The codes alone decide the keys: not recomputed after each coding (ProjectSnapshot.shape).
  const { state, shape } = useProject();
  return useMemo(() => {
    const bindings = codeKeys(state);
    return { bindings, keyOf: keyOfCode(bindings), byKey: new Map(bindings.map((b) => [b.key, b])) };
  }, [state, shape]);
}
