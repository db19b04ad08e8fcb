import type { DocumentId } from "../model/ids.js";
import type { Coding, DocumentContent, ProjectState } from "../model/project.js";
import { locationOf, type Location } from "../text/blocks.js";
import { displayText } from "../text/display.js";
import { checkCancelled, type ExportControl } from "./model.js";

/** A coding with its words as the view shows them (`displayText`) and where they stand, as every export cites it. */
export interface QuotedCoding {
  coding: Coding;
  quote: string;
  location: Location;
}

/** The quotes of `codings`, in the order given, reading each document once. */
export async function collectQuotes(
  state: ProjectState,
  codings: readonly Coding[],
  read: (documentId: DocumentId) => Promise<DocumentContent>,
  control?: ExportControl,
): Promise<QuotedCoding[]> {
  const byDocument = new Map<DocumentId, number[]>();
  codings.forEach((coding, index) => {
    let list = byDocument.get(coding.documentId);
    if (!list) byDocument.set(coding.documentId, (list = []));
    list.push(index);
  });
  const out = new Array<QuotedCoding>(codings.length);
  let done = 0;
  for (const [documentId, indexes] of byDocument) {
    checkCancelled(control);
    control?.onProgress?.({ phase: "reading", done, total: byDocument.size });
    const content = state.documents[documentId] ? await read(documentId) : { text: "", blocks: [] };
    for (const index of indexes) {
      const coding = codings[index]!;
      out[index] = { coding, quote: displayText(content, coding.start, coding.end), location: locationOf(content, coding.start) };
    }
    done++;
  }
  control?.onProgress?.({ phase: "reading", done, total: byDocument.size });
  return out;
}
