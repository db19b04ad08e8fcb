import { useCallback } from "react";
import type { Operation } from "../../../shared/index.js";
import { useApp } from "../../state/app.js";
import { useMirror } from "../../state/context.js";

/**
 * Sends an operation to the backend; a rejection (a TandaiError with a catalogue key) is shown to
 * the user. Resolves to whether the operation was applied.
 */
export function useApplyOp(): (op: Operation) => Promise<boolean> {
  const mirror = useMirror();
  const { showError } = useApp();
  return useCallback(
    (op: Operation) =>
      mirror.apply(op).then(
        () => true,
        (error: unknown) => {
          showError(error);
          return false;
        },
      ),
    [mirror, showError],
  );
}
