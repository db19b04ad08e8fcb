import type { SvgNode } from "./svg.js";
import { INK, label, MUTED, r1, text, textWidth, titled } from "./frame.js";

/**
 * A labelled grid of cells with a number or word in each: the body of the heatmap, the
 * co-occurrence matrix and the indicator grid. Every cell carries text, so no reading depends
 * on colour alone, and a hover title naming its row and column.
 */
export interface GridCell {
  fill: string;
  /** Drawn over the fill: a pattern, so a cell also differs by texture. */
  overlay?: string;
  text: string;
  ink: string;
  bold?: boolean;
  /** Hover text: row, column and value in words. */
  title: string;
  /** A black corner, e.g. for a status the researcher decided. */
  marked?: boolean;
}

export interface GridSpec {
  rows: string[];
  columns: string[];
  /** Shorten long row/column labels (code paths) in the middle, keeping both their group and their end. */
  rowsAreCodes?: boolean;
  columnsAreCodes?: boolean;
  cellWidth: number;
  /** Column labels upright (rotated 90°) rather than slanted, so columns can be as narrow as their numbers. */
  verticalColumns?: boolean;
  /** The widest a row label may be drawn (default 280 px); longer ones are shortened. */
  maxRowLabel?: number;
  /** The size of the numbers in the cells (default 11 px). */
  cellText?: number;
  cell(row: number, column: number): GridCell;
}

export interface Drawn {
  nodes: SvgNode[];
  width: number;
  height: number;
}

const LABEL = 12;
const CELL_TEXT = 11;
const CELL_HEIGHT = 24;
const MAX_ROW_LABEL = 280;
const MAX_COLUMN_LABEL = 190;
const SLANT = Math.SQRT1_2;

export function grid(spec: GridSpec): Drawn {
  const { rows, columns, cellWidth: cw } = spec;
  const maxRowLabel = spec.maxRowLabel ?? MAX_ROW_LABEL;
  const cellText = spec.cellText ?? CELL_TEXT;
  const rowLabelWidth = Math.min(maxRowLabel, Math.max(0, ...rows.map((r) => textWidth(r, LABEL)))) + 10;
  // Column labels stand level when they all fit their column, else slant at 45° (or stand upright) to stay readable.
  const level = columns.every((c) => textWidth(c, LABEL) <= cw - 6);
  const vertical = !level && spec.verticalColumns === true;
  const columnLabelWidth = Math.min(MAX_COLUMN_LABEL, Math.max(0, ...columns.map((c) => textWidth(c, LABEL))));
  const header = level ? 22 : Math.ceil(columnLabelWidth * (vertical ? 1 : SLANT)) + 14;
  const nodes: SvgNode[] = [];
  let right = rowLabelWidth + columns.length * cw;

  columns.forEach((name, j) => {
    const cx = rowLabelWidth + j * cw + cw / 2;
    if (level) nodes.push(label(name, cw - 6, LABEL, { x: r1(cx), y: header - 8, "text-anchor": "middle", fill: INK }, spec.columnsAreCodes));
    // Upright, reading bottom to top, the baseline a third of the letters' height right of the middle.
    else if (vertical) nodes.push(label(name, MAX_COLUMN_LABEL, LABEL, { transform: `translate(${r1(cx + LABEL * 0.35)},${header - 6}) rotate(-90)`, fill: INK }, spec.columnsAreCodes));
    else {
      nodes.push(label(name, MAX_COLUMN_LABEL, LABEL, { transform: `translate(${r1(cx - 3)},${header - 6}) rotate(-45)`, fill: INK }, spec.columnsAreCodes));
      right = Math.max(right, cx + Math.min(MAX_COLUMN_LABEL, textWidth(name, LABEL)) * SLANT + 4);
    }
  });

  rows.forEach((name, i) => {
    const y = header + i * CELL_HEIGHT;
    nodes.push(label(name, maxRowLabel, LABEL, { x: rowLabelWidth - 8, y: y + CELL_HEIGHT / 2 + 4, "text-anchor": "end", fill: INK }, spec.rowsAreCodes));
    columns.forEach((_, j) => {
      const x = rowLabelWidth + j * cw;
      const cell = spec.cell(i, j);
      const box = { x: r1(x), y, width: cw, height: CELL_HEIGHT };
      const parts: SvgNode[] = [{ tag: "rect", attrs: { ...box, fill: cell.fill, stroke: "#ffffff", "stroke-width": 2 } }];
      if (cell.overlay) parts.push({ tag: "rect", attrs: { ...box, fill: cell.overlay, stroke: "#ffffff", "stroke-width": 2 } });
      if (cell.marked) parts.push({ tag: "polygon", attrs: { points: `${r1(x + cw - 10)},${y + 1} ${r1(x + cw - 1)},${y + 1} ${r1(x + cw - 1)},${y + 10}`, fill: INK } });
      parts.push(
        text(cell.text, {
          x: r1(x + cw / 2),
          y: y + CELL_HEIGHT / 2 + 4,
          "text-anchor": "middle",
          "font-size": cellText,
          fill: cell.ink,
          ...(cell.bold ? { "font-weight": "bold" } : {}),
        }),
      );
      nodes.push(titled(cell.title, ...parts));
    });
  });
  return { nodes, width: Math.ceil(right), height: header + rows.length * CELL_HEIGHT };
}

export interface LegendEntry {
  fill: string;
  overlay?: string;
  /** A word in the swatch (a count, a status mark). */
  mark?: string;
  ink?: string;
  label: string;
}

/** Swatches with their meaning, in one row from (x, y). */
export function legendRow(entries: LegendEntry[], x: number, y: number): Drawn {
  const nodes: SvgNode[] = [];
  let at = x;
  for (const entry of entries) {
    const box = { x: r1(at), y, width: 22, height: 16 };
    nodes.push({ tag: "rect", attrs: { ...box, fill: entry.fill, stroke: "#8c959f", "stroke-width": 0.5 } });
    if (entry.overlay) nodes.push({ tag: "rect", attrs: { ...box, fill: entry.overlay } });
    if (entry.mark) nodes.push(text(entry.mark, { x: r1(at + 11), y: y + 12, "text-anchor": "middle", "font-size": 11, fill: entry.ink ?? INK }));
    if (entry.label) nodes.push(text(entry.label, { x: r1(at + 27), y: y + 12, "font-size": 11, fill: MUTED }));
    at += 27 + (entry.label ? textWidth(entry.label, 11) + 14 : 2);
  }
  return { nodes, width: Math.ceil(at - x), height: 16 };
}
