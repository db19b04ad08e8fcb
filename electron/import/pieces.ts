import { offset, type Block, type DocumentContent } from "../../shared/index.js";

/** One block's worth of extracted text, before it is placed into the document's text. */
export interface Piece {
  text: string;
  kind: Block["kind"];
  level?: number;
  page?: number;
}

/**
 * For formats whose text we assemble ourselves (docx, pdf): the text is the pieces joined with
 * "\n", and each piece becomes one block covering exactly its own text.
 */
export function joinPieces(pieces: readonly Piece[]): DocumentContent {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (parts.length) {
      parts.push("\n");
      length += 1;
    }
    const start = length;
    parts.push(piece.text);
    length += piece.text.length;
    const block: Block = { start: offset(start), end: offset(length), kind: piece.kind };
    if (piece.level !== undefined) block.level = piece.level;
    if (piece.page !== undefined) block.page = piece.page;
    blocks.push(block);
  }
  return { text: parts.join(""), blocks };
}
