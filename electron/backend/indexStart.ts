/**
 * When the open project's search index starts building in the background (issue 13). Building it
 * reads and tokenises every document (20M words at 1M codings: seconds of the backend's one thread
 * and much garbage), so it waits until the renderer's background load of the codings is over: the
 * profile of that load at 1M showed the build taking a fifth of the backend's time while the
 * chunks waited behind it. The start is put off while `codingsOf` requests keep coming, and
 * happens soon after the last document's codings were served, or `quietMs` after the last request
 * (or the open) when none come — an open that is not a first-screen one (the CLI, `tandai serve`'s
 * scripts) asks for none, so it indexes `quietMs` after the open as before. After a first-screen
 * answer the renderer draws its first screen before it asks (seconds at 1M codings on a loaded
 * machine), so the wait for its first request is longer. A search before the start builds the
 * index itself (SearchService awaits ready()).
 */
export class IndexStart {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: ReturnType<typeof setTimeout> | null = null;
  private started = false;

  constructor(
    private readonly start: () => void,
    private readonly quietMs: number,
    /** After every document was served: long enough for the renderer to take the last chunk. */
    private readonly afterLoadMs = 250,
    /** Whatever the requests do, the index starts this long after the open at the latest. */
    latestMs = 120_000,
    /** After a first-screen answer, until the renderer's first request for codings. */
    private readonly firstScreenMs = 10_000,
  ) {
    this.schedule(quietMs);
    this.latest = setTimeout(() => this.fire(), latestMs);
    this.latest.unref?.();
  }

  /** A first-screen answer went out: its renderer will ask for the rest of the codings once drawn. */
  firstScreenAnswered(): void {
    if (!this.started) this.schedule(Math.max(this.quietMs, this.firstScreenMs));
  }

  /** A `codingsOf` request was answered; `complete`: every document's codings have been served. */
  served(complete: boolean): void {
    if (!this.started) this.schedule(complete ? this.afterLoadMs : this.quietMs);
  }

  /** The project closed: no start. */
  cancel(): void {
    this.started = true;
    this.clear();
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), ms);
    this.timer.unref?.();
  }

  private fire(): void {
    if (this.started) return;
    this.started = true;
    this.clear();
    this.start();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.latest) clearTimeout(this.latest);
    this.timer = this.latest = null;
  }
}
