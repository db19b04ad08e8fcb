import { normalizeGuid, type RefiCoding, type RefiSelection, type RefiTextSource, type RefiVariableValue } from "../../../shared/refi/model.js";
import { refiError } from "./errors.js";
import { counter, guidOf, joinTexts, MARK, refInto, target, textInto, variableValue, type Attributes, type ElementHandler } from "./qdeHandlers.js";

/** The handlers of Sources: text sources, PDFs with their text representation, their selections and codings; media counted. */
/** A source read so far: the text comes inline, or later from the archive by `path`. */
export interface SourceDraft {
  source: RefiTextSource;
  inline: string[] | null;
  path: string | undefined;
  descriptions: string[];
  values: RefiVariableValue[];
}

interface SelectionDraft {
  selection: RefiSelection;
  creatingUser: string | undefined;
  creationDateTime: string | undefined;
  descriptions: string[];
}

interface CodingDraft {
  attributes: Attributes;
  codeGuid: string | undefined;
}

/** A TextSource, or a PDF's text Representation (named after the PDF). */
const textSource = (element: string): ElementHandler => ({
  open(state, parent, attributes) {
    const guid = guidOf(state, attributes, element);
    const name = (parent as { name?: string }).name ?? attributes["name"] ?? "";
    const draft: SourceDraft = { source: { guid, name, text: "", selections: [], noteGuids: [] }, inline: null, path: attributes["plainTextPath"], descriptions: [], values: [] };
    if ("representation" in parent) (parent as { representation: SourceDraft | null }).representation = draft;
    else (parent as { texts: SourceDraft[] }).texts.push(draft);
    return draft;
  },
  close(state, value) {
    const draft = value as SourceDraft;
    const { source } = draft;
    const description = joinTexts(draft.descriptions);
    if (description.trim()) source.description = description;
    if (draft.inline !== null) source.text = joinTexts(draft.inline).replace(/^\uFEFF/, "");
    else {
      if (!draft.path || !state.pending) throw refiError("sourceMissing", state.file, { source: source.name || source.guid, path: draft.path ?? "plainTextPath" });
      state.pending.set(source, draft.path);
    }
  },
});

const selection: ElementHandler = {
  open(state, parent, attributes) {
    const start = Number(attributes["startPosition"] ?? NaN);
    const end = Number(attributes["endPosition"] ?? NaN);
    const node: RefiSelection = { guid: guidOf(state, attributes, "PlainTextSelection"), start, end, name: attributes["name"] ?? "", codings: [], noteGuids: [] };
    if (!Number.isFinite(start) || !Number.isFinite(end)) throw refiError("missingAttribute", state.file, { element: "PlainTextSelection", attribute: "startPosition/endPosition" });
    (parent as SourceDraft).source.selections.push(node);
    return { selection: node, creatingUser: attributes["creatingUser"], creationDateTime: attributes["creationDateTime"], descriptions: [] } satisfies SelectionDraft;
  },
  close(_state, value) {
    const draft = value as SelectionDraft;
    const description = joinTexts(draft.descriptions);
    if (description.trim()) draft.selection.description = description;
  },
};

const coding: ElementHandler = {
  open: (_state, _parent, attributes) => ({ attributes, codeGuid: undefined }) satisfies CodingDraft,
  close(state, value, parent) {
    const draft = value as CodingDraft;
    // A Coding without a code says nothing: passed over, as before (its GUID is not asked for).
    if (!draft.codeGuid) return;
    const sel = parent as SelectionDraft;
    const user = draft.attributes["creatingUser"] ?? sel.creatingUser;
    const date = draft.attributes["creationDateTime"] ?? sel.creationDateTime;
    const node: RefiCoding = { guid: guidOf(state, draft.attributes, "Coding"), codeGuid: draft.codeGuid, ...(user ? { userGuid: normalizeGuid(user) } : {}), ...(date ? { createdAt: date } : {}) };
    sel.selection.codings.push(node);
  },
};

interface PdfDraft {
  name: string | undefined;
  representation: SourceDraft | null;
  selections: number;
  values: RefiVariableValue[];
}

const sourceChildren = (parent: string): Record<string, ElementHandler> => ({
  [`${parent}>PlainTextContent`]: textInto((p) => ((p as SourceDraft).inline ??= [])),
  [`${parent}>Description`]: textInto((p) => (p as SourceDraft).descriptions),
  [`${parent}>NoteRef`]: refInto((p) => (p as SourceDraft).source.noteGuids),
  [`${parent}>PlainTextSelection`]: selection,
  [`${parent}>VariableValue`]: variableValue(
    "source",
    (_s, p) => (p as SourceDraft).values,
    (p) => () => (p as SourceDraft).source.guid,
  ),
});

export const SOURCE_ELEMENTS: Readonly<Record<string, ElementHandler>> = {
  "Project>Sources": {
    open: () => ({ texts: [] as SourceDraft[], pdfs: [] as PdfDraft[] }),
    // Text sources first, then PDFs with a text, each source's values after it: the order the planner was written for.
    close(state, value) {
      const { texts, pdfs } = value as { texts: SourceDraft[]; pdfs: PdfDraft[] };
      for (const draft of texts) {
        state.project.sources.push(draft.source);
        state.sourceValues.push(...draft.values);
      }
      for (const pdf of pdfs) {
        state.project.sources.push(pdf.representation!.source);
        state.sourceValues.push(...pdf.representation!.values, ...pdf.values);
      }
    },
  },
  "PlainTextSelection>Coding": coding,
  "PlainTextSelection>Description": textInto((p) => (p as SelectionDraft).descriptions),
  "PlainTextSelection>NoteRef": refInto((p) => (p as SelectionDraft).selection.noteGuids),
  "Coding>CodeRef": {
    open(_state, parent, attributes) {
      (parent as CodingDraft).codeGuid ??= target(attributes);
      return MARK;
    },
  },
  "Sources>TextSource": textSource("TextSource"),
  ...sourceChildren("TextSource"),
  "Sources>PDFSource": {
    open: (_state, _parent, attributes) => ({ name: attributes["name"], representation: null, selections: 0, values: [] }) satisfies PdfDraft,
    close(state, value, parent) {
      const pdf = value as PdfDraft;
      state.project.skipped.pdfSelections += pdf.selections;
      if (pdf.representation) (parent as { pdfs: PdfDraft[] }).pdfs.push(pdf);
      else state.project.skipped.pdfSources++;
    },
  },
  "PDFSource>PDFSelection": {
    open(_state, parent) {
      (parent as PdfDraft).selections++;
      return MARK;
    },
  },
  "PDFSource>Representation": textSource("TextSource"),
  ...sourceChildren("Representation"),
  // Values on the PDF source belong to the document its text becomes.
  "PDFSource>VariableValue": variableValue(
    "source",
    (_s, p) => (p as PdfDraft).values,
    (p) => () => (p as PdfDraft).representation?.source.guid,
  ),
  "Sources>PictureSource": counter((state) => state.project.skipped.pictures++),
  "Sources>AudioSource": counter((state) => state.project.skipped.audio++),
  "Sources>VideoSource": counter((state) => state.project.skipped.video++),
};
