/**
 * Work of the first render that needs nothing of the app, done by the boot script while the
 * renderer's main thread waits for the app's bundle (downloaded, and compiled off that thread).
 *
 * A page's first `localeCompare` loads ICU's collation data: 8–25 ms of main-thread CPU in
 * profiles of the thesis project's cold start, paid inside the first render's sort of the
 * document list (titles compared with `localeCompare`). V8 keeps that default collator for every
 * later `localeCompare` called without locales or options, so one comparison here makes the
 * render's cheap; what it sorts, and how, is unchanged.
 */
export function warmCollation(): void {
  "a".localeCompare("b");
}
