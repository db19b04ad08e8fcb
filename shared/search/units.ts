import { blockIndexAt } from "../text/blocks.js";
import type { IndexedDocument } from "./corpus.js";
import type { AutocodeUnit } from "./model.js";

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** A sentence ends at . ! ? or … (with closing quotes or brackets), before a space or the paragraph's end. */
export const SENTENCE_END = /[.!?…]+["”’')\]]*(?=\s|$)/gu;

/** A hit widened to whole words (a regular expression may match inside one). */
function word(text: string, start: number, end: number): [number, number] {
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  return [start, end];
}

function sentence(doc: IndexedDocument, start: number, end: number): [number, number] {
  const block = doc.blocks[Math.min(blockIndexAt(doc.blocks, start), doc.blocks.length - 1)]!;
  const from = Math.min(block.start, start);
  const to = Math.max(block.end, end);
  const text = doc.text.slice(from, to);
  let s = 0;
  let e = text.length;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const after = m.index + m[0].length;
    if (after <= start - from) s = after;
    else if (after >= end - from) {
      e = after;
      break;
    }
  }
  while (s < e && /\s/u.test(text[s]!)) s++;
  return [from + s, from + e];
}

function paragraph(doc: IndexedDocument, start: number, end: number): [number, number] {
  const first = doc.blocks[Math.min(blockIndexAt(doc.blocks, start), doc.blocks.length - 1)]!;
  const last = doc.blocks[Math.min(blockIndexAt(doc.blocks, Math.max(start, end - 1)), doc.blocks.length - 1)]!;
  return [Math.min(first.start, start), Math.max(last.end, end)];
}

function turn(doc: IndexedDocument, start: number, end: number): [number, number] {
  const found = doc.turns.find((t) => t.start <= start && start < t.end);
  return found ? [found.start, Math.max(found.end, end)] : paragraph(doc, start, end);
}

function widen(doc: IndexedDocument, start: number, end: number, unit: AutocodeUnit): [number, number] {
  switch (unit) {
    case "word":
      return word(doc.text, start, end);
    case "sentence":
      return sentence(doc, start, end);
    case "paragraph":
      return paragraph(doc, start, end);
    case "turn":
      return turn(doc, start, end);
  }
}

/**
 * The range a hit codes when widened to the unit the user picked (a turn falls back to the
 * paragraph outside turns). A unit that would begin with a speaker's "Name:" label begins after
 * it: the coding holds what was said, unless the hit is in the label itself.
 */
export function extendToUnit(doc: IndexedDocument, start: number, end: number, unit: AutocodeUnit): [number, number] {
  const widened = widen(doc, start, end, unit);
  let s = widened[0];
  const e = widened[1];
  const label = doc.turns.find((t) => t.start <= s && s < t.labelEnd);
  if (label && start >= label.labelEnd) {
    s = label.labelEnd;
    while (s < e && /\s/u.test(doc.text[s]!)) s++;
  }
  return [s, e];
}
