import { offset, type Block } from "../../shared/index.js";

/** Numbers per block in a packed array: start, end, kind (0 paragraph, 1 heading), level (0: none), page (0: none). */
const FIELDS = 5;

/**
 * Blocks as one Int32Array, for the trip from the import thread back to the main thread: handed
 * over (transferred), 20 bytes a block, where a cloned array of block objects cost some 110 bytes a
 * block twice over — the serialised message and the objects it is read back into — while the
 * thread still held its own. A text of a million short lines is a million blocks.
 */
export function packBlocks(blocks: readonly Block[]): Int32Array<ArrayBuffer> {
  const packed = new Int32Array(blocks.length * FIELDS);
  for (let i = 0, j = 0; i < blocks.length; i++, j += FIELDS) {
    const b = blocks[i]!;
    packed[j] = b.start;
    packed[j + 1] = b.end;
    packed[j + 2] = b.kind === "heading" ? 1 : 0;
    packed[j + 3] = b.level ?? 0;
    packed[j + 4] = b.page ?? 0;
  }
  return packed;
}

/** The blocks packBlocks packed, as the same objects (no `level` or `page` key where there was none). */
export function unpackBlocks(packed: Int32Array): Block[] {
  const blocks: Block[] = new Array<Block>(packed.length / FIELDS);
  for (let i = 0, j = 0; j < packed.length; i++, j += FIELDS) {
    const block: Block = { start: offset(packed[j]!), end: offset(packed[j + 1]!), kind: packed[j + 2] === 1 ? "heading" : "paragraph" };
    if (packed[j + 3]) block.level = packed[j + 3]!;
    if (packed[j + 4]) block.page = packed[j + 4]!;
    blocks[i] = block;
  }
  return blocks;
}
