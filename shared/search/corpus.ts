import type { DocumentId } from "../model/ids.js";
import type { Block, DocumentContent } from "../model/project.js";
import { offset } from "../model/ids.js";
import { detectLanguage } from "./language.js";
import { speakerTurns, type Turn } from "./speakers.js";
import type { SearchLanguage, Stemmers } from "./stemmers.js";
import { buildPostings, type Postings } from "./postings.js";
import { tokenize } from "./tokens.js";
import { Vocabulary } from "./vocabulary.js";

/** A document as search keeps it: its verbatim text, its words as vocabulary ids with their offsets. */
export interface IndexedDocument {
  id: DocumentId;
  text: string;
  /** The document's blocks; a text without blocks is one block. */
  blocks: Block[];
  starts: Int32Array;
  ends: Int32Array;
  terms: Int32Array;
  /** Where each distinct word occurs (see postings.ts): word queries visit only those places. */
  postings: Postings;
  /** By the share of stop words; the user's setting (a Language attribute) overrides it at query time. */
  detected: SearchLanguage;
  turns: Turn[];
}

/**
 * The search index of a project: documents are immutable after import, so each is indexed once
 * (at open, in the background, and as imports add documents) and never updated.
 */
export class CorpusIndex {
  readonly vocabulary: Vocabulary;
  private readonly documents = new Map<DocumentId, IndexedDocument>();

  constructor(stemmers: Stemmers) {
    this.vocabulary = new Vocabulary(stemmers);
  }

  add(id: DocumentId, content: DocumentContent): IndexedDocument {
    const existing = this.documents.get(id);
    if (existing) return existing;
    const { starts, ends, words } = tokenize(content.text);
    const terms = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) terms[i] = this.vocabulary.idOf(words[i]!);
    const blocks = content.blocks.length ? content.blocks : [{ start: offset(0), end: offset(content.text.length), kind: "paragraph" as const }];
    const postings = buildPostings(terms, this.vocabulary.size);
    const doc: IndexedDocument = { id, text: content.text, blocks, starts, ends, terms, postings, detected: detectLanguage(words), turns: speakerTurns(content.text, blocks) };
    this.documents.set(id, doc);
    return doc;
  }

  get(id: DocumentId): IndexedDocument | undefined {
    return this.documents.get(id);
  }

  has(id: DocumentId): boolean {
    return this.documents.has(id);
  }

  get size(): number {
    return this.documents.size;
  }
}

/** Index of the first word starting at or after `pos` (binary search). */
export function tokenAt(doc: IndexedDocument, pos: number): number {
  let lo = 0;
  let hi = doc.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.ends[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
