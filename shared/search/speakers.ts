import type { Block } from "../model/project.js";
import { foldWord } from "./tokens.js";

/** A speaker's turn: the block that opens with "Name:" and the blocks that follow it up to the next such block. */
export interface Turn {
  speaker: string;
  start: number;
  end: number;
  /** Where the "Name:" label ends: its words are not the speaker's words (frequencies, similarity). */
  labelEnd: number;
  /** Indices of its first and last block. */
  firstBlock: number;
  lastBlock: number;
}

/** "Narasumber:", "Informan 1:", "P:", "Bapak Andi:" — a short name, then a colon, at a block's start. */
const PREFIX = /^\s*(\p{L}[\p{L}\p{N}\p{M} .'’()-]{0,38}?)\s*:(?=\s|$)/u;
const MAX_NAME_WORDS = 4;

function prefixOf(text: string, block: Block): { name: string; length: number } | null {
  const m = PREFIX.exec(text.slice(block.start, Math.min(block.end, block.start + 60)));
  if (!m) return null;
  const name = m[1]!.trim();
  if (name.split(/\s+/).length > MAX_NAME_WORDS || /[.]\s/.test(name)) return null;
  return { name, length: m[0].length };
}

/**
 * The speaker turns of a transcript. A name counts as a speaker when it opens at least two blocks,
 * or opens one after the first such turn (a guest who speaks once), so a heading line like
 * "Tanggal: …" before the interview is not taken for a speaker. Blocks before the first turn
 * belong to no turn.
 */
export function speakerTurns(text: string, blocks: readonly Block[]): Turn[] {
  const labels = blocks.map((b) => prefixOf(text, b));
  const counts = new Map<string, number>();
  for (const l of labels) if (l) counts.set(foldWord(l.name), (counts.get(foldWord(l.name)) ?? 0) + 1);
  const turns: Turn[] = [];
  labels.forEach((label, i) => {
    const block = blocks[i]!;
    if (label && (counts.get(foldWord(label.name))! >= 2 || turns.length > 0)) {
      turns.push({ speaker: label.name, start: block.start, end: block.end, labelEnd: block.start + label.length, firstBlock: i, lastBlock: i });
    } else if (turns.length) {
      const turn = turns[turns.length - 1]!;
      turn.end = block.end;
      turn.lastBlock = i;
    }
  });
  return turns;
}

/** The distinct speakers of some turns, in order of first appearance. */
export function speakersOf(turns: readonly Turn[]): string[] {
  const seen = new Map<string, string>();
  for (const t of turns) if (!seen.has(foldWord(t.speaker))) seen.set(foldWord(t.speaker), t.speaker);
  return [...seen.values()];
}

export const sameSpeaker = (a: string, b: string) => foldWord(a.trim()) === foldWord(b.trim());
