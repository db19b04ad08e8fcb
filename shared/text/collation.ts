/**
 * `a.localeCompare(b)` without ICU where that gives the same answer (issue 13, the first screen).
 *
 * The first `localeCompare` of a page loads ICU's collation data: 8–25 ms, paid by the document
 * list's first sort on the thesis project's first screen. For strings of printable ASCII alone,
 * the default collation of English and Indonesian (CLDR's root collation: neither tailors it) is
 * simple enough to compute here: every character is one collation element, compared first by its
 * primary weight over the whole string (case folded: space, then punctuation and symbols in
 * ICU's order, digits, letters — not code-unit order), then, if those are equal, by case at the
 * first position where the case differs (lower case first). Anything else — a character outside
 * printable ASCII, or a default locale that is neither English nor Indonesian (Danish sorts "aa"
 * after "z", Lithuanian "y" before "j") — goes to `localeCompare` as before, so a sort mixing both
 * paths still sorts as ICU does. tests/shared/collation.test.ts proves the fast path against ICU
 * over random strings in both languages.
 */

/** Printable ASCII, lower case, in the root collation's primary order (each entry one weight). */
const PRIMARY_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

/** Primary weight per code unit 32–126 (upper case shares its lower case's), -1 elsewhere. */
const PRIMARY = new Int8Array(128).fill(-1);
for (let i = 0; i < PRIMARY_ORDER.length; i++) {
  const code = PRIMARY_ORDER.charCodeAt(i);
  PRIMARY[code] = i;
  if (code >= 97 && code <= 122) PRIMARY[code - 32] = i;
}

const isUpper = (code: number) => code >= 65 && code <= 90;

/** The default locale's collation is the root one for ASCII: English or Indonesian, no extension (`-u-co-…`). */
export function rootCollationLocale(locale: string | undefined): boolean {
  return locale !== undefined && /^(en|id)(-[a-z]{2}|-\d{3})?$/i.test(locale);
}

let trusted: boolean | undefined;

/**
 * Whether the default collation may be computed here. `navigator.language` is the default locale
 * of `localeCompare` in Chromium and Node (both take V8's, from the same ICU default), and reading
 * it loads nothing.
 */
function fastPathTrusted(): boolean {
  return (trusted ??= rootCollationLocale((globalThis as { navigator?: { language?: string } }).navigator?.language));
}

/** The root collation's order of two strings of printable ASCII, or undefined if either is not one. */
export function compareAscii(a: string, b: string): number | undefined {
  for (let i = 0; i < a.length; i++) if (!(PRIMARY[a.charCodeAt(i)]! >= 0)) return undefined;
  for (let i = 0; i < b.length; i++) if (!(PRIMARY[b.charCodeAt(i)]! >= 0)) return undefined;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const primary = PRIMARY[a.charCodeAt(i)]! - PRIMARY[b.charCodeAt(i)]!;
    if (primary) return primary < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return isUpper(x) ? 1 : -1;
  }
  return 0;
}

/** `a.localeCompare(b)` (the default locale's collation), without ICU where that is provably the same. */
export function compareText(a: string, b: string): number {
  if (fastPathTrusted()) {
    const fast = compareAscii(a, b);
    if (fast !== undefined) return fast;
  }
  return a.localeCompare(b);
}
