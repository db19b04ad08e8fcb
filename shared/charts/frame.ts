import type { Language } from "../i18n/catalogues.js";
import { translate } from "../i18n/translate.js";
import type { SvgNode } from "./svg.js";

/**
 * What every chart shares: the frame (title, notes, background), text measured without a DOM,
 * labels that shorten themselves, the palettes. Pure, so the app, the SVG/PNG files and the
 * reports draw exactly the same chart from the same data.
 */
export interface Chart {
  /** Translated; also drawn at the top of the SVG and given as its <title>. */
  title: string;
  svg: SvgNode;
  width: number;
  height: number;
}

type Attrs = Record<string, string | number>;

/**
 * The PNG is drawn by resvg from the system's fonts: name families that carry Vietnamese (Noto Sans,
 * DejaVu Sans, Arial) and Hangul (Noto Sans CJK KR, Malgun Gothic) so case names render on Linux and Windows.
 */
export const FONT_FAMILY = "Noto Sans, DejaVu Sans, Arial, Noto Sans CJK KR, Malgun Gothic, Apple SD Gothic Neo, sans-serif";
/** Bold type is about a tenth wider than the estimate, which is for regular. */
const BOLD = 1.12;
export const INK = "#1f2328";
export const MUTED = "#57606a";
export const RULE = "#d0d7de";
export const PAD = 16;
/**
 * The text width of the report's A4 page with 2.5 cm margins at 96 dpi (electron/export/docx.ts
 * scales a wider chart down to it): a chart drawn no wider is printed at its own size.
 */
export const REPORT_WIDTH = 604;

/** Okabe–Ito: told apart with the common colour-vision deficiencies; black last. */
export const OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"];

/** One decimal: coordinates stay short and identical across runs and platforms. */
export const r1 = (n: number): number => Math.round(n * 10) / 10;

export const t = (language: Language, key: string, params?: Record<string, string | number>): string => translate(language, `charts.${key}`, params);

// ——— Text measured without a DOM: an estimate per character, sized for DejaVu Sans (wider than Noto
// Sans or Arial), so labels never collide whichever of the fonts draws them.

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const MARK = /\p{M}/u;
const NARROW = /[\sijlt.,:;'’|!()[\]{}\-/]/;
const BROAD = /[A-ZMWmw@%#&]/;
/** Digits are tabular: 0.64 em in DejaVu Sans, less in Noto Sans and Arial. */
const DIGIT = /[0-9]/;

export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += MARK.test(ch) ? 0 : WIDE.test(ch) ? 1 : NARROW.test(ch) ? 0.34 : DIGIT.test(ch) ? 0.64 : BROAD.test(ch) ? 0.74 : 0.62;
  return em * size;
}

// One segmenter for all labels: creating one costs more than segmenting a label. Made on first
// use, not as the module loads: the renderer loads this module with the shared barrel, and the
// first Segmenter of a page (ICU's break data) cost ≈ 10 ms of its start before the first screen.
let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string): string[] => [...(segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" })).segment(text)].map((s) => s.segment);

/**
 * `text` shortened with an ellipsis to fit `maxWidth`, never splitting a letter from its accents.
 * `keepEnd` shortens in the middle, for code paths: "Hambatan/Anggaran daerah" and "Hambatan/Anggaran
 * pusat" differ at their end and "Motif ekonomi" under two frameworks at their start, so two thirds
 * of the room go to the end and the rest to the start ("Hamb…aran daerah", "Hamb…ran pusat").
 */
export function fit(text: string, maxWidth: number, size: number, keepEnd = false): string {
  if (textWidth(text, size) <= maxWidth) return text;
  const parts = graphemes(text);
  const budget = maxWidth - textWidth("…", size);
  if (keepEnd) {
    let tail = parts.length;
    let used = 0;
    while (tail > 1 && used + textWidth(parts[tail - 1]!, size) <= (budget * 2) / 3) used += textWidth(parts[--tail]!, size);
    let head = 0;
    while (head < tail && used + textWidth(parts[head]!, size) <= budget) used += textWidth(parts[head++]!, size);
    const start = parts.slice(0, head).join("").trimEnd();
    return `${start}…${parts.slice(tail).join("").trimStart()}`;
  }
  let end = 0;
  let used = 0;
  while (end < parts.length && used + textWidth(parts[end]!, size) <= budget) used += textWidth(parts[end++]!, size);
  return `${parts.slice(0, end).join("").trimEnd()}…`;
}

export function text(content: string, attrs: Attrs): SvgNode {
  return { tag: "text", attrs, children: [content] };
}

/** A label shortened to `maxWidth`; when shortened, the full text is its hover title. */
export function label(content: string, maxWidth: number, size: number, attrs: Attrs, keepEnd = false): SvgNode {
  const shown = fit(content, maxWidth, size, keepEnd);
  const node = text(shown, { ...attrs, "font-size": size });
  return shown === content ? node : { tag: "g", children: [{ tag: "title", children: [content] }, node] };
}

/** An element with a hover title, for cells and bars. */
export function titled(title: string, ...children: SvgNode[]): SvgNode {
  return { tag: "g", children: [{ tag: "title", children: [title] }, ...children] };
}

// ——— Colours

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** `a` blended toward `b` by `amount` (0..1). */
export function mix(a: string, b: string, amount: number): string {
  const [x, y] = [channels(a), channels(b)];
  return `#${x.map((v, i) => Math.round(v + (y[i]! - v) * amount).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * One hue from pale to dark blue: readable by lightness alone, so also in greyscale print and by
 * colour-blind readers. `amount` 0..1; the text on a cell turns white where the fill is dark.
 */
export function sequential(amount: number): { fill: string; ink: string } {
  return { fill: mix("#DEEBF7", "#08519C", amount), ink: amount > 0.7 ? "#ffffff" : INK };
}

/** A hatch fill, so a cell differs by pattern as well as by colour. */
export function hatch(id: string, background: string, line: string): SvgNode {
  return {
    tag: "pattern",
    attrs: { id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
    children: [
      { tag: "rect", attrs: { width: 6, height: 6, fill: background } },
      { tag: "line", attrs: { x1: 0, y1: 0, x2: 0, y2: 6, stroke: line, "stroke-width": 1.5 } },
    ],
  };
}

/** Round axis steps (1, 2, 5 × 10ⁿ), at most about five, from 0 to at least `max`. */
export function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!);
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(v);
  return out;
}

// ——— The frame

export interface FrameParts {
  title: string;
  /** The drawing, laid out from (0, 0). */
  body: SvgNode[];
  width: number;
  height: number;
  /** Definitions (patterns) the body refers to. */
  defs?: SvgNode[];
  /** Lines under the drawing: what a colour or mark means, what was left out. */
  notes?: string[];
}

const TITLE_SIZE = 16;
const NOTE_SIZE = 11;
const NOTE_LINE = 16;
const TOP = PAD + 30;
const MAX_TITLE = 640;

/** The chart: a white page (PNG viewers may show transparency dark), title, body, notes. */
export function frame(parts: FrameParts): Chart {
  const notes = parts.notes ?? [];
  // A long title (a framework may be named in 300 characters) is shortened rather than widen the chart.
  const heading = fit(parts.title, Math.max(parts.width, MAX_TITLE) / BOLD, TITLE_SIZE);
  const width = Math.ceil(
    Math.max(parts.width, textWidth(heading, TITLE_SIZE) * BOLD, ...notes.map((n) => textWidth(n, NOTE_SIZE))) + 2 * PAD,
  );
  const notesTop = TOP + parts.height + (notes.length ? 12 : 0);
  const height = Math.ceil(notesTop + notes.length * NOTE_LINE + PAD);
  const svg: SvgNode = {
    tag: "svg",
    attrs: { width, height, viewBox: `0 0 ${width} ${height}`, "font-family": FONT_FAMILY, role: "img" },
    children: [
      { tag: "title", children: [parts.title] },
      ...(parts.defs?.length ? [{ tag: "defs", children: parts.defs }] : []),
      { tag: "rect", attrs: { width, height, fill: "#ffffff" } },
      text(heading, { x: PAD, y: PAD + TITLE_SIZE, "font-size": TITLE_SIZE, "font-weight": "bold", fill: INK }),
      { tag: "g", attrs: { transform: `translate(${PAD},${TOP})` }, children: parts.body },
      ...notes.map((note, i) => text(note, { x: PAD, y: notesTop + (i + 1) * NOTE_LINE - 4, "font-size": NOTE_SIZE, fill: MUTED })),
    ],
  };
  return { title: parts.title, svg, width, height };
}

/** What a chart shows when there is nothing to chart: it says so, in a valid SVG. */
export function noData(title: string, reason: string, language: Language): Chart {
  const width = Math.ceil(Math.max(320, textWidth(reason, 12) + 24));
  return frame({
    title,
    width,
    height: 44,
    body: [
      { tag: "rect", attrs: { width, height: 44, fill: "#f6f8fa", stroke: RULE, rx: 4 } },
      text(t(language, "empty.noData"), { x: 12, y: 18, "font-size": 13, "font-weight": "bold", fill: INK }),
      text(reason, { x: 12, y: 35, "font-size": 12, fill: MUTED }),
    ],
  });
}

/** The first `max` items, and the note saying how many there were, when some are left out. */
export function cap<T>(items: T[], max: number, language: Language, what: "codes" | "cases"): { shown: T[]; note: string[] } {
  if (items.length <= max) return { shown: items, note: [] };
  return { shown: items.slice(0, max), note: [t(language, `capped.${what}`, { shown: max, total: items.length })] };
}
