import type { Steps } from "../../shared/model/steps.js";

/**
 * How long a stepped check runs before it gives the event loop back. An operation arriving while a
 * 1M-coding snapshot is checked in the background waits about this long, not the seconds the whole
 * check takes.
 */
const SLICE_MS = 8;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a stepped computation (shared/model/steps.ts) on this thread, yielding to the event loop
 * about every SLICE_MS, and first of all: the caller that started it goes on before any of it runs.
 */
export async function runStepped<T>(steps: Steps<T>): Promise<T> {
  await yieldToEventLoop();
  let until = performance.now() + SLICE_MS;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() >= until) {
      await yieldToEventLoop();
      until = performance.now() + SLICE_MS;
    }
  }
}
