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

  /** Reads the blocks of the coded documents not seen yet. */
  async prepare(source: Source, codings: Iterable<Coding>): Promise<void> {
    for (const { documentId } of codings) {
      if (!this.blocks.has(documentId)) this.remember(documentId, (await source.readDocumentContent(documentId)).blocks);
    }
  }

  /** Keeps a document's block bounds, read by someone else (an export reading it for quotes). */
  remember(documentId: DocumentId, blocks: readonly Block[]): void {
    this.blocks.set(documentId, blocks.map(({ start, end, kind }) => ({ start, end, kind })));
  }

  readonly paragraphsOf = (coding: Coding): readonly [number, number] => {
    const blocks = this.blocks.get(coding.documentId);
    if (!blocks) throw new Error(`ParagraphIndex: blocks of ${coding.documentId} were not prepared`);
    return [blockIndexAt(blocks, coding.start), blockIndexAt(blocks, Math.max(coding.start, coding.end - 1))];
  };
}
