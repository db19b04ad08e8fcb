import type { IndexedDocument } from "./corpus.js";
import { sameSpeaker } from "./speakers.js";

/**
 * Visits the words of a document that lie inside `spans` (null: everywhere) and, given a speaker,
 * inside that speaker's turns, with the index of the block each stands in. The "Name:" labels of
 * turns are skipped: "Narasumber" is not a word anyone said. Spans, turns and words are all in
 * text order, so this is one merge-like pass.
 */
export function walkWords(doc: IndexedDocument, spans: [number, number][] | null, speaker: string | undefined, visit: (token: number, block: number) => void): void {
  let allowed = spans;
  if (speaker) {
    const turns = doc.turns.filter((t) => sameSpeaker(t.speaker, speaker)).map((t): [number, number] => [t.start, t.end]);
    allowed = allowed ? allowed.filter(([s, e]) => turns.some(([ts, te]) => s < te && ts < e)).flatMap(([s, e]) => turns.filter(([ts, te]) => s < te && ts < e).map(([ts, te]): [number, number] => [Math.max(s, ts), Math.min(e, te)])) : turns;
  }
  const { starts, ends, blocks } = doc;
  const { turns } = doc;
  let span = 0;
  let block = 0;
  let turn = 0;
  for (let t = 0; t < starts.length; t++) {
    while (turn < turns.length && turns[turn]!.labelEnd <= starts[t]!) turn++;
    if (turn < turns.length && turns[turn]!.start <= starts[t]!) continue;
    if (allowed) {
      while (span < allowed.length && allowed[span]![1] <= starts[t]!) span++;
      if (span >= allowed.length) return;
      if (starts[t]! < allowed[span]![0] || ends[t]! > allowed[span]![1]) continue;
    }
    while (block < blocks.length - 1 && blocks[block]!.end <= starts[t]!) block++;
    visit(t, block);
  }
}
