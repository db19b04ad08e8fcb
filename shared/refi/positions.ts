/**
 * How a REFI-QDA file counts positions in a text source, and the conversion to Tandai's offsets
 * (UTF-16 code units of the stored text: BOM dropped, line ends kept as they are).
 *
 * - "codePoints": the standard (§10.2; ATLAS.ti, MAXQDA, QualCoder): Unicode code points from 0,
 *   the BOM not counted, `endPosition` exclusive. An emoji is one position, two UTF-16 units.
 * - "utf16": NVivo (Windows 12.6, Mac 12.7): UTF-16 code units, BOM not counted, CRLF two. That is
 *   exactly how Tandai counts, so it converts to itself.
 *
 * Exports always write code points, as the standard says.
 */
export type PositionReading = "codePoints" | "utf16";

/**
 * Converts positions of one text both ways in O(log astral characters) each: the UTF-16 offsets of
 * the text's astral characters (surrogate pairs) are listed once, and a position moves by the
 * number of them before it. A text without emoji converts for free.
 */
export class TextPositionMap {
  /** UTF-16 offsets of the high surrogates of the text's astral characters, ascending. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astral.length;
  }

  /** The UTF-16 offset of code point `n` (past the end: the text's length). */
  fromCodePoints(n: number): number {
    if (n >= this.codePointLength) return this.utf16Length;
    // The smallest k such that the k-th astral character starts at or after code point n: before it
    // lie k astral characters, so code point n sits at UTF-16 offset n + k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! - mid < n) lo = mid + 1;
      else hi = mid;
    }
    return n + lo;
  }

  /** The code-point position of UTF-16 offset `u` (inside a surrogate pair: the pair's start). */
  toCodePoints(u: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    // lo astral characters start before u; if u is the low half of the last of them, count it as its start.
    const inside = lo > 0 && this.astral[lo - 1]! + 1 === u ? 1 : 0;
    return u - lo + inside;
  }

  /** Tandai's offset of a position the file wrote under `reading`, clamped to the text. */
  read(position: number, reading: PositionReading): number {
    const p = Math.max(0, Math.floor(position));
    return reading === "utf16" ? Math.min(p, this.utf16Length) : this.fromCodePoints(p);
  }
}

/** The tools known to count UTF-16 units, by the `origin` attribute of their Project element. */
export function readingForOrigin(origin: string | undefined): PositionReading {
  return /nvivo/i.test(origin ?? "") ? "utf16" : "codePoints";
}

/** A selection as the file wrote it, for checking a reading: its positions and the quote its `name` holds, if any. */
export interface SelectionProbe {
  text: string;
  start: number;
  end: number;
  quote: string;
  positions: TextPositionMap;
}

/** Whether a selection read under `reading` falls on its quote, or (without one) starts and ends at word edges. */
function fits(probe: SelectionProbe, reading: PositionReading): boolean {
  const start = probe.positions.read(probe.start, reading);
  const end = probe.positions.read(probe.end, reading);
  if (end <= start) return false;
  const quote = probe.quote.replace(/\s+/g, " ").trim();
  if (quote) return probe.text.slice(start, end).replace(/\s+/g, " ").trim() === quote;
  const edge = (i: number) => i <= 0 || i >= probe.text.length || !/[\p{L}\p{N}]/u.test(probe.text[i - 1]!) || !/[\p{L}\p{N}]/u.test(probe.text[i]!);
  return edge(start) && edge(end);
}

export interface ReadingChoice {
  reading: PositionReading;
  /** Where the reading came from: the file's origin alone, or the selections confirmed it or overruled it. */
  basis: "origin" | "confirmed" | "selections";
  /** Selections that fall on their text under the chosen reading, of those checked. */
  fitting: number;
  checked: number;
}

/**
 * Chooses how to read a file's positions: from its origin, then checked on its selections (only
 * those where the two readings differ tell anything). The other reading wins only if it fits
 * clearly more selections.
 */
export function chooseReading(origin: string | undefined, probes: readonly SelectionProbe[]): ReadingChoice {
  const byOrigin = readingForOrigin(origin);
  const other: PositionReading = byOrigin === "utf16" ? "codePoints" : "utf16";
  let checked = 0;
  let fitOrigin = 0;
  let fitOther = 0;
  for (const probe of probes) {
    if (probe.positions.read(probe.start, "utf16") === probe.positions.read(probe.start, "codePoints") && probe.positions.read(probe.end, "utf16") === probe.positions.read(probe.end, "codePoints")) continue;
    checked++;
    if (fits(probe, byOrigin)) fitOrigin++;
    if (fits(probe, other)) fitOther++;
  }
  if (checked === 0) return { reading: byOrigin, basis: "origin", fitting: 0, checked };
  if (fitOther > fitOrigin) return { reading: other, basis: "selections", fitting: fitOther, checked };
  return { reading: byOrigin, basis: "confirmed", fitting: fitOrigin, checked };
}
