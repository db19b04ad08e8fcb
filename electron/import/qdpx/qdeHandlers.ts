import { normalizeGuid, type RefiProject, type RefiTextSource, type RefiVariableValue } from "../../../shared/refi/model.js";
import { refiError } from "./errors.js";

/**
 * The pieces the .qde reader's element handlers (qdeElements.ts, qdeSources.ts) are made of: what
 * a handler is, what the reader keeps while reading, and the handlers many elements share.
 */
export type Attributes = Readonly<Record<string, string>>;

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

export const MARK: Value = {};
export const VALUE_ELEMENTS = ["TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"];

/** The texts of repeated elements (Description, PlainTextContent) as one, the blank ones left out. */
export const joinTexts = (texts: readonly string[]) => texts.filter((s) => s.trim()).join("\n\n");

export function guidOf(state: QdeState, attributes: Attributes, element: string): string {
  const guid = attributes["guid"];
  if (!guid?.trim()) throw refiError("missingAttribute", state.file, { element, attribute: "guid" });
  return normalizeGuid(guid);
}

export const target = (attributes: Attributes) => (attributes["targetGUID"] ? normalizeGuid(attributes["targetGUID"]) : undefined);
/** A `…Ref targetGUID` child adding its GUID to a list of its parent. */
export const refInto = (pick: (parent: Value) => string[]): ElementHandler => ({
  open(_state, parent, attributes) {
    const guid = target(attributes);
    if (guid) pick(parent).push(guid);
    return MARK;
  },
});
/** A text child (Description, PlainTextContent, a value) adding its text to a list of its parent. */
export const textInto = (pick: (parent: Value) => string[]): ElementHandler => ({
  collectsText: true,
  open: () => MARK,
  close: (_state, _value, parent, text) => void pick(parent).push(text),
});
export const counter = (count: (state: QdeState) => void): ElementHandler => ({
  open(state) {
    count(state);
    return MARK;
  },
});

export interface ValueDraft {
  list: RefiVariableValue[];
  owner: "case" | "source";
  ownerGuid: () => string | undefined;
  variableGuid: string | undefined;
  values: Map<string, string[]>;
}

export const variableValue = (owner: "case" | "source", list: (state: QdeState, parent: Value) => RefiVariableValue[], ownerGuid: (parent: Value) => () => string | undefined): ElementHandler => ({
  open: (state, parent) => ({ list: list(state, parent), owner, ownerGuid: ownerGuid(parent), variableGuid: undefined, values: new Map() }) satisfies ValueDraft,
  close(_state, value) {
    const draft = value as ValueDraft;
    const key = VALUE_ELEMENTS.find((k) => draft.values.has(k));
    const guid = draft.ownerGuid();
    if (draft.variableGuid && key && guid) draft.list.push({ owner: draft.owner, ownerGuid: guid, variableGuid: draft.variableGuid, value: joinTexts(draft.values.get(key)!).trim() });
  },
});

