import { normalizeGuid, type RefiCode, type RefiCoding, type RefiProject, type RefiSelection, type RefiTextSource, type RefiVariableValue } from "../../../shared/refi/model.js";
import { refiError } from "./errors.js";
import { readColor } from "./colors.js";

/**
 * What each REFI-QDA element contributes to a RefiProject, read as a stream of SAX events (see
 * qde.ts). One small handler per element, registered under "Parent>Element": an element is read
 * only where Project.xsd puts it (its parent was itself read), so a `Code` inside something else,
 * or anything a tool adds, is passed over. Elements whose text matters collect it; the rest do not.
 */
export type Attributes = Readonly<Record<string, string>>;

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

interface CodeDraft {
  code: RefiCode;
  attribute: string | undefined;
  descriptions: string[];
}

interface ValueDraft {
  list: RefiVariableValue[];
  owner: "case" | "source";
  ownerGuid: () => string | undefined;
  variableGuid: string | undefined;
  values: Map<string, string[]>;
}

/** What the reader keeps while reading: the project, and the parts put in order when their element closes. */
export interface QdeState {
  file: string;
  project: RefiProject;
  /** Sources whose text is a file in the archive, with the path the project gives; null for a bare .qde (no archive to read from). */
  pending: Map<RefiTextSource, string> | null;
  /** Values by sources first, then by cases, as the planner expects them. */
  sourceValues: RefiVariableValue[];
  caseValues: RefiVariableValue[];
}

/** A frame's value: what its children add to. Elements without a handler have none, and nor do their children. */
export type Value = object;

export interface ElementHandler {
  open(state: QdeState, parent: Value, attributes: Attributes): Value;
  /** Called with the element's text, for elements that collect it. */
  close?(state: QdeState, value: Value, parent: Value, text: string): void;
  collectsText?: boolean;
}

const MARK: Value = {};
const VALUE_ELEMENTS = ["TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"];

/** The texts of repeated elements (Description, PlainTextContent) as one, the blank ones left out. */
export const joinTexts = (texts: readonly string[]) => texts.filter((s) => s.trim()).join("\n\n");

export function guidOf(state: QdeState, attributes: Attributes, element: string): string {
  const guid = attributes["guid"];
  if (!guid?.trim()) throw refiError("missingAttribute", state.file, { element, attribute: "guid" });
  return normalizeGuid(guid);
}

const target = (attributes: Attributes) => (attributes["targetGUID"] ? normalizeGuid(attributes["targetGUID"]) : undefined);
/** A `…Ref targetGUID` child adding its GUID to a list of its parent. */
const refInto = (pick: (parent: Value) => string[]): ElementHandler => ({
  open(_state, parent, attributes) {
    const guid = target(attributes);
    if (guid) pick(parent).push(guid);
    return MARK;
  },
});
/** A text child (Description, PlainTextContent, a value) adding its text to a list of its parent. */
const textInto = (pick: (parent: Value) => string[]): ElementHandler => ({
  collectsText: true,
  open: () => MARK,
  close: (_state, _value, parent, text) => void pick(parent).push(text),
});
const counter = (count: (state: QdeState) => void): ElementHandler => ({
  open(state) {
    count(state);
    return MARK;
  },
});

const code: ElementHandler = {
  open(state, parent, attributes) {
    const guid = guidOf(state, attributes, "Code");
    const color = readColor(attributes["color"]);
    const node: RefiCode = { guid, name: attributes["name"] ?? "", isCodable: attributes["isCodable"] !== "false", ...(color ? { color } : {}), children: [] };
    ("code" in parent ? (parent as CodeDraft).code.children : (parent as { list: RefiCode[] }).list).push(node);
    return { code: node, attribute: attributes["description"], descriptions: [] } satisfies CodeDraft;
  },
  close(state, value) {
    const { code: node, attribute, descriptions } = value as CodeDraft;
    // The description is the element's; some writers put it in a `description` attribute instead.
    const description = joinTexts(descriptions).trim() || attribute?.trim();
    if (description) node.description = description;
  },
};

const variableValue = (owner: "case" | "source", list: (state: QdeState, parent: Value) => RefiVariableValue[], ownerGuid: (parent: Value) => () => string | undefined): ElementHandler => ({
  open: (state, parent) => ({ list: list(state, parent), owner, ownerGuid: ownerGuid(parent), variableGuid: undefined, values: new Map() }) satisfies ValueDraft,
  close(_state, value) {
    const draft = value as ValueDraft;
    const key = VALUE_ELEMENTS.find((k) => draft.values.has(k));
    const guid = draft.ownerGuid();
    if (draft.variableGuid && key && guid) draft.list.push({ owner: draft.owner, ownerGuid: guid, variableGuid: draft.variableGuid, value: joinTexts(draft.values.get(key)!).trim() });
  },
});

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

/** The handlers, by "Parent>Element" (the root Project is opened by the reader). */
export const ELEMENTS: Readonly<Record<string, ElementHandler>> = {
  "Project>Users": { open: () => MARK },
  "Users>User": {
    open(state, _parent, attributes) {
      state.project.users[guidOf(state, attributes, "User")] = attributes["name"] ?? attributes["id"] ?? "";
      return MARK;
    },
  },
  "Project>CodeBook": { open: () => MARK },
  "CodeBook>Codes": { open: (state) => ({ list: state.project.codes }) },
  "Codes>Code": code,
  "Code>Code": code,
  "Code>Description": textInto((p) => (p as CodeDraft).descriptions),
  "Code>NoteRef": {
    open(state, parent, attributes) {
      const guid = target(attributes);
      if (guid) (state.project.codeNoteGuids[(parent as CodeDraft).code.guid] ??= []).push(guid);
      return MARK;
    },
  },

  "Project>Variables": { open: () => MARK },
  "Variables>Variable": {
    open(state, _parent, attributes) {
      state.project.variables.push({ guid: guidOf(state, attributes, "Variable"), name: attributes["name"] ?? "", type: attributes["typeOfVariable"] ?? "Text" });
      return MARK;
    },
  },
  "VariableValue>VariableRef": {
    open(_state, parent, attributes) {
      (parent as ValueDraft).variableGuid ??= target(attributes);
      return MARK;
    },
  },
  ...Object.fromEntries(VALUE_ELEMENTS.map((name) => [`VariableValue>${name}`, textInto((p) => {
    const values = (p as ValueDraft).values;
    if (!values.has(name)) values.set(name, []);
    return values.get(name)!;
  })])),

  "Project>Cases": { open: () => MARK },
  "Cases>Case": {
    open(state, _parent, attributes) {
      const kase = { guid: guidOf(state, attributes, "Case"), name: attributes["name"] ?? "", sourceGuids: [] as string[] };
      state.project.cases.push(kase);
      return kase;
    },
  },
  "Case>SourceRef": refInto((p) => (p as { sourceGuids: string[] }).sourceGuids),
  "Case>SelectionRef": counter((state) => state.project.skipped.caseSelections++),
  "Case>VariableValue": variableValue(
    "case",
    (state) => state.caseValues,
    (p) => () => (p as { guid: string }).guid,
  ),

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

  "Project>Notes": { open: () => MARK },
  "Notes>Note": {
    open(state, _parent, attributes) {
      const note = { guid: guidOf(state, attributes, "Note"), name: attributes["name"] ?? "", text: "" };
      state.project.notes.push(note);
      return { note, plain: [] as string[], descriptions: [] as string[] };
    },
    close(_state, value) {
      const draft = value as { note: { text: string }; plain: string[]; descriptions: string[] };
      draft.note.text = joinTexts(draft.plain) || joinTexts(draft.descriptions);
    },
  },
  "Note>PlainTextContent": textInto((p) => (p as { plain: string[] }).plain),
  "Note>Description": textInto((p) => (p as { descriptions: string[] }).descriptions),

  "Project>Links": { open: () => MARK },
  "Links>Link": {
    open(state, _parent, attributes) {
      const origin = attributes["originGUID"];
      const to = attributes["targetGUID"];
      // A Link ties a note either way round, depending on the tool: kept both ways.
      if (origin && to) state.project.links.push({ originGuid: normalizeGuid(origin), targetGuid: normalizeGuid(to) }, { originGuid: normalizeGuid(to), targetGuid: normalizeGuid(origin) });
      return MARK;
    },
  },

  "Project>Sets": { open: () => MARK },
  "Sets>Set": {
    open(state, _parent, attributes) {
      const set = { guid: guidOf(state, attributes, "Set"), name: attributes["name"] ?? "", sourceGuids: [] as string[], codeGuids: [] as string[] };
      state.project.sets.push(set);
      return set;
    },
  },
  "Set>MemberSource": refInto((p) => (p as { sourceGuids: string[] }).sourceGuids),
  "Set>MemberCode": refInto((p) => (p as { codeGuids: string[] }).codeGuids),

  "Project>NoteRef": refInto((p) => (p as RefiProject).projectNoteGuids),
};
