import { inflateSync } from "node:zlib";

/**
 * A structural check of a PDF's cross-reference data that pdf.js does not report: it follows
 * `startxref` (and each /Prev) to the xref table or xref stream and checks that every object it
 * lists as "in use at byte N" really starts there with "num gen obj". A flipped bit in an object's
 * header (`6 0 obj` → `v 0 obj`) makes pdf.js drop that object without a warning — a page's whole
 * content goes missing, or pages shift — and an offset that points elsewhere does the same.
 *
 * Returns a short language-neutral description of the first contradiction found, or null when
 * the cross-references agree with the file, or when they cannot be read at all (pdf.js then
 * rebuilds them itself and says so in its own warnings). Only plain or Flate-compressed xref
 * streams (with or without PNG predictors) are read; another filter means no verdict.
 */
export function checkPdfXref(data: Uint8Array): string | null {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1");
  const tail = text.lastIndexOf("startxref");
  if (tail < 0) return null;
  const at = /^startxref\s+(\d+)/.exec(text.slice(tail, tail + 40));
  if (!at) return null;
  const seen = new Set<number>();
  let next: number | null = Number(at[1]);
  const entries = new Map<number, { offset: number; gen: number }>();
  // Newest section first: an object listed in a newer section hides older entries for it.
  while (next !== null && !seen.has(next) && seen.size < 64) {
    seen.add(next);
    const section = readSection(text, data, next);
    if (section === "unreadable") return seen.size === 1 ? `startxref points to byte ${next}, where no cross-reference table starts` : null;
    if (section === "unsupported") return null;
    for (const [num, entry] of section.entries) if (!entries.has(num)) entries.set(num, entry);
    next = section.prev;
  }
  for (const [num, { offset, gen }] of entries) {
    if (num === 0) continue;
    const header = /^[\0\t\n\f\r ]*(?:%[^\r\n]*[\r\n]+[\0\t\n\f\r ]*)*(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj/.exec(text.slice(offset, offset + 64));
    if (!header || Number(header[1]) !== num || Number(header[2]) !== gen) return `object ${num} is not at byte ${offset}, where the cross-reference table puts it`;
    // A stream object whose "stream" keyword was damaged (`s4ream`) is read as its dictionary alone.
    const end = text.indexOf("endobj", offset);
    const body = end < 0 ? "" : text.slice(offset, end);
    if (body.includes("endstream") && !STREAM_KEYWORD.test(body)) return `object ${num} at byte ${offset} has a stream without its “stream” keyword`;
  }
  return null;
}

const STREAM_KEYWORD = />>[\0\t\n\f\r ]*stream(?:\r\n|\n|\r)/;

type Section = { entries: [number, { offset: number; gen: number }][]; prev: number | null } | "unreadable" | "unsupported";

function readSection(text: string, data: Uint8Array, offset: number): Section {
  const head = text.slice(offset, offset + 32);
  if (/^\s*xref/.test(head)) return readTable(text, offset);
  if (/^\s*\d+\s+\d+\s+obj/.test(head)) return readStream(text, data, offset);
  return "unreadable";
}

/** A classic table: `xref`, then subsections `first count` of 20-byte lines `oooooooooo ggggg n`. */
function readTable(text: string, offset: number): Section {
  const entries: [number, { offset: number; gen: number }][] = [];
  const pattern = /\s*(\d+)\s+(\d+)\s*[\r\n]/y;
  pattern.lastIndex = text.indexOf("xref", offset) + 4;
  for (let sub = pattern.exec(text); sub; sub = pattern.exec(text)) {
    const first = Number(sub[1]);
    const count = Number(sub[2]);
    const line = /\s*(\d{10}) (\d{5}) ([nf])/y;
    line.lastIndex = pattern.lastIndex;
    for (let i = 0; i < count; i++) {
      const m = line.exec(text);
      if (!m) return "unreadable";
      if (m[3] === "n") entries.push([first + i, { offset: Number(m[1]), gen: Number(m[2]) }]);
    }
    pattern.lastIndex = line.lastIndex;
  }
  const trailer = text.indexOf("trailer", pattern.lastIndex);
  if (trailer < 0) return "unreadable";
  const prev = /\/Prev\s+(\d+)/.exec(text.slice(trailer, text.indexOf(">>", trailer) + 2));
  return { entries, prev: prev ? Number(prev[1]) : null };
}

/** An xref stream (PDF 1.5+): its dictionary's /W, /Index, /Size and /Prev, and its rows. */
function readStream(text: string, data: Uint8Array, offset: number): Section {
  const open = text.indexOf("<<", offset);
  const streamAt = text.indexOf("stream", open);
  if (open < 0 || streamAt < 0) return "unreadable";
  const dict = text.slice(open, streamAt);
  if (!/\/Type\s*\/XRef/.test(dict)) return "unreadable";
  const widths = /\/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(dict)?.slice(1).map(Number);
  const size = Number(/\/Size\s+(\d+)/.exec(dict)?.[1] ?? NaN);
  const length = Number(/\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? NaN);
  if (!widths || !Number.isFinite(length) || !Number.isFinite(size)) return "unsupported";
  const filter = /\/Filter\s*\/(\w+)/.exec(dict)?.[1];
  if (filter && filter !== "FlateDecode") return "unsupported";
  const index = /\/Index\s*\[([\d\s]*)\]/.exec(dict)?.[1]?.trim().split(/\s+/).map(Number) ?? [0, size];
  const start = streamAt + 6 + (text[streamAt + 6] === "\r" ? 2 : 1);
  let rows: Uint8Array;
  try {
    const raw = data.subarray(start, start + length);
    rows = filter ? inflateSync(raw, { maxOutputLength: 64 * 1024 * 1024 }) : raw;
  } catch {
    return "unreadable";
  }
  const rowLength = widths[0]! + widths[1]! + widths[2]!;
  const predictor = Number(/\/Predictor\s+(\d+)/.exec(dict)?.[1] ?? 1);
  if (predictor >= 10) rows = unpredict(rows, rowLength);
  else if (predictor !== 1) return "unsupported";
  const field = (row: number, from: number, width: number, fallback: number) => {
    if (width === 0) return fallback;
    let value = 0;
    for (let k = 0; k < width; k++) value = value * 256 + rows[row * rowLength + from + k]!;
    return value;
  };
  const entries: [number, { offset: number; gen: number }][] = [];
  let row = 0;
  for (let i = 0; i + 1 < index.length; i += 2) {
    for (let k = 0; k < index[i + 1]!; k++, row++) {
      if ((row + 1) * rowLength > rows.length) return "unreadable";
      const type = field(row, 0, widths[0]!, 1);
      if (type === 1) entries.push([index[i]! + k, { offset: field(row, widths[0]!, widths[1]!, 0), gen: field(row, widths[0]! + widths[1]!, widths[2]!, 0) }]);
    }
  }
  const prev = /\/Prev\s+(\d+)/.exec(dict);
  return { entries, prev: prev ? Number(prev[1]) : null };
}

/** Undoes PNG row predictors (each row led by its filter byte; one byte per pixel here). */
function unpredict(input: Uint8Array, columns: number): Uint8Array {
  const rows = Math.floor(input.length / (columns + 1));
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = input[r * (columns + 1)]!;
    for (let c = 0; c < columns; c++) {
      const x = input[r * (columns + 1) + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const add = type === 1 ? left : type === 2 ? up : type === 3 ? (left + up) >> 1 : type === 4 ? paeth() : 0;
      out[r * columns + c] = (x + add) & 0xff;
    }
  }
  return out;
}
