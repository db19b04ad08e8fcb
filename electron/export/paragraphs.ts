import { blockIndexAt, type Block, type Coding, type DocumentId } from "../../shared/index.js";

interface Source {
  readDocumentContent(id: DocumentId): Promise<{ blocks: Block[] }>;
}

/**
 * The paragraph (block) each coding starts and ends in, for co-occurrence by paragraph. A
 * document's blocks never change after import, so they are read once and kept; only their bounds
 * are kept, not the text.
 */
export class ParagraphIndex {
  private readonly blocks = new Map<DocumentId, Block[]>();

  /** Reads the blocks of the documents not seen yet. */
  async prepare(source: Source, documentIds: Iterable<DocumentId>): Promise<void> {
    for (const id of documentIds) {
      if (this.blocks.has(id)) continue;
      const { blocks } = await source.readDocumentContent(id);
      this.blocks.set(id, blocks.map(({ start, end, kind }) => ({ start, end, kind })));
    }
  }

  readonly paragraphsOf = (coding: Coding): readonly [number, number] => {
    const blocks = this.blocks.get(coding.documentId);
    if (!blocks) throw new Error(`ParagraphIndex: blocks of ${coding.documentId} were not prepared`);
    return [blockIndexAt(blocks, coding.start), blockIndexAt(blocks, Math.max(coding.start, coding.end - 1))];
  };
}
