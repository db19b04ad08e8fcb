import { frame, INK, label, MUTED, r1, text, textWidth, ticks, type Chart } from "../charts/frame.js";
import type { SvgNode } from "../charts/svg.js";
import type { Language } from "../i18n/catalogues.js";
import { translate } from "../i18n/translate.js";
import type { Table } from "../export/tables.js";
import type { WordFrequency } from "./model.js";

const BAR = 14;
const GAP = 4;
const PLOT = 300;
const MAX_WORDS = 30;
const BAR_COLOR = "#0072B2";

/** The most frequent words as horizontal bars, drawn like the other charts (one SvgNode tree for the app and files). */
export function wordFrequencyChart(words: WordFrequency[], language: Language): Chart {
  const shown = words.slice(0, MAX_WORDS);
  const title = translate(language, "search.frequencies.chartTitle");
  const steps = ticks(Math.max(0, ...shown.map((w) => w.count)));
  const top = steps.at(-1)!;
  const labelWidth = Math.min(160, Math.max(40, ...shown.map((w) => textWidth(w.word, 12)))) + 10;
  const body: SvgNode[] = [];
  shown.forEach((w, i) => {
    const y = i * (BAR + GAP);
    const width = (w.count / top) * PLOT;
    body.push(label(w.word, labelWidth - 10, 12, { x: labelWidth - 8, y: y + 11, "text-anchor": "end", fill: INK }));
    body.push({ tag: "rect", attrs: { x: labelWidth, y, width: r1(width), height: BAR, fill: BAR_COLOR }, children: [{ tag: "title", children: [`${w.word}: ${w.count}`] }] });
    body.push(text(String(w.count), { x: r1(labelWidth + width + 4), y: y + 11, "font-size": 10, fill: MUTED }));
  });
  return frame({ title, body, width: labelWidth + PLOT + 10 + textWidth(String(top), 10), height: Math.max(BAR, shown.length * (BAR + GAP) - GAP) });
}

/** The frequencies as a table for the CSV writer (shared/export/csv.ts). */
export function wordFrequencyTable(words: WordFrequency[], language: Language, stemmed: boolean): Pick<Table, "header" | "rows"> {
  const column = (key: string) => translate(language, `search.frequencies.${key}`);
  return {
    header: [column("word"), ...(stemmed ? [column("stem")] : []), column("count"), column("documents")],
    rows: words.map((w) => [w.word, ...(stemmed ? [w.stem] : []), w.count, w.documents]),
  };
}
