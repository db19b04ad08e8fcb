import { normalizeGuid, type RefiCode, type RefiProject } from "../../../shared/refi/model.js";
import { readColor } from "./colors.js";
import { counter, guidOf, joinTexts, MARK, refInto, target, textInto, VALUE_ELEMENTS, variableValue, type ElementHandler, type ValueDraft } from "./qdeHandlers.js";
import { SOURCE_ELEMENTS } from "./qdeSources.js";

/**
 * What each REFI-QDA element contributes to a RefiProject, read as a stream of SAX events (see
 * qde.ts). One small handler per element, registered under "Parent>Element": an element is read
 * only where Project.xsd puts it (its parent was itself read), so a `Code` inside something else,
 * or anything a tool adds, is passed over. Elements whose text matters collect it; the rest do not.
 */
interface CodeDraft {
  code: RefiCode;
  attribute: string | undefined;
  descriptions: string[];
}

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
  ...SOURCE_ELEMENTS,

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
