import type { IndexedDocument } from "./corpus.js";
import { sameSpeaker } from "./speakers.js";

/**
 * Visits the words of a document that lie inside `spans` (null: everywhere) and, given a speaker,
 * inside that speaker's turns, with the index of the block each stands in. Both the spans and the
 * words are in text order, so this is one merge-like pass.
 */
export function walkWords(doc: IndexedDocument, spans: [number, number][] | null, speaker: string | undefined, visit: (token: number, block: number) => void): void {
  let allowed = spans;
  if (speaker) {
    const turns = doc.turns.filter((t) => sameSpeaker(t.speaker, speaker)).map((t): [number, number] => [t.start, t.end]);
    allowed = allowed ? allowed.filter(([s, e]) => turns.some(([ts, te]) => s < te && ts < e)).flatMap(([s, e]) => turns.filter(([ts, te]) => s < te && ts < e).map(([ts, te]): [number, number] => [Math.max(s, ts), Math.min(e, te)])) : turns;
  }
  const { starts, ends, blocks } = doc;
  let span = 0;
  let block = 0;
  for (let t = 0; t < starts.length; t++) {
    if (allowed) {
      while (span < allowed.length && allowed[span]![1] <= starts[t]!) span++;
      if (span >= allowed.length) return;
      if (starts[t]! < allowed[span]![0] || ends[t]! > allowed[span]![1]) continue;
    }
    while (block < blocks.length - 1 && blocks[block]!.end <= starts[t]!) block++;
    visit(t, block);
  }
}
