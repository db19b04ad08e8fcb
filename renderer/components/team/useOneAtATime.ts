import { useCallback, useRef, useState } from "react";

/**
 * One request at a time for a dialog's buttons, which stay enabled while it runs: a focused button
 * that turns disabled drops the focus out of the dialog, and Escape and Tab with it. A second press
 * while one runs is ignored instead; `busy` is for what may show it (aria-busy, other controls).
 */
export function useOneAtATime(): { busy: boolean; run(work: () => Promise<void>, failed: (error: unknown) => void): Promise<void> } {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<void>, failed: (error: unknown) => void) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } catch (error) {
      failed(error);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
