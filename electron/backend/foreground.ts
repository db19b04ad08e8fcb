/**
 * Changes come before background work in the backend's one thread (issue 13: coding at a million
 * codings). Building the search index after the background load tokenises a document per turn of
 * the event loop (10–50 ms each at 10k words), and an apply is several turns (the request, the
 * lock's check, the journal's write and fsync, the answer): each of its turns waited behind one
 * document, which put 30–50 ms on every coding applied at 1M. Background loops await `quiet()`
 * between their steps: it resolves on the next turn when no change is in flight, else on the turn
 * after the last one has answered.
 */
export class Foreground {
  private running = 0;
  private waiting: (() => void)[] = [];

  /** Runs a change; background steps wait until it (and every other change in flight) has answered. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await task();
    } finally {
      if (--this.running === 0) this.release();
    }
  }

  /** Whether a change is in flight. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Resolves on a later turn of the event loop at which no change is in flight. */
  quiet(): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        if (this.running) this.waiting.push(resolve);
        else resolve();
      }),
    );
  }

  /**
   * On the next turn, not now: the change's answer is written in the microtasks after its promise
   * settles, and a background step released now would run before it went out.
   */
  private release(): void {
    setImmediate(() => {
      if (this.running) return;
      const waiting = this.waiting;
      this.waiting = [];
      for (const resolve of waiting) resolve();
    });
  }
}
