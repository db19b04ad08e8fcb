/**
 * A long pure computation written as a generator that yields between slices of its work, so that
 * a caller on a busy thread (the backend checking a 183 MB snapshot in the background) can give
 * the event loop back between slices, while every other caller runs it to the end at once with
 * `runSteps`. One implementation either way: the sliced check gives the same answer as the plain one.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs a stepped computation to the end without stopping. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How many records a stepped check goes over between two yields (≈1 ms of work for codings). */
export const STEP = 5_000;
