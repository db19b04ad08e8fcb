import { codePath, formatCodePath } from "../codebook/tree.js";
import { findIndicator, type Bilingual } from "../frameworks/model.js";
import type { Language } from "../i18n/catalogues.js";
import type { CodeId, DocumentId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
import type { LeafOperation, Operation, OperationOf } from "./operation.js";

/** A placeholder value: the researcher's own names stay as they are; framework names come in both languages. */
export type DescriptionParam = string | number | Bilingual;

/** Where a change shows, so undo can take the user there. */
export type Place =
  | { kind: "passage"; documentId: DocumentId; start: number; end: number }
  | { kind: "code"; codeId: CodeId }
  | { kind: "document"; documentId: DocumentId }
  | { kind: "framework"; frameworkId: string }
  /** The cases, which live on the Indicators tab. */
  | { kind: "cases" };

/** A change in words: a catalogue key under `history.op`, its placeholders, and where it shows. */
export interface OpDescription {
  key: string;
  params: Record<string, DescriptionParam>;
  place: Place | null;
}

const describeAs = (key: string, params: Record<string, DescriptionParam> = {}, place: Place | null = null): OpDescription => ({
  key: `history.op.${key}`,
  params,
  place,
});

/** Batches of one kind that read better as "add 12 documents" than as "12 changes". */
const COUNTED = ["addDocument", "addCoding", "removeCoding", "addCode", "deleteCode", "linkCode"] as const;
const CODEBOOK_OPS = new Set<string>(["addCode", "updateCode", "moveCode", "deleteCode", "linkCode", "setCodeKey", "mergeCodes"]);

/**
 * What `op` does, in words the researcher knows (the code's path, the document's title), read from
 * `state` as it is BEFORE `op` is applied (a deleted code's name is known only then). Pure, so the
 * backend's history, tests and any view describe a change the same way in either language.
 */
export function describeOperation(op: Operation, state: ProjectState): OpDescription {
  if (op.type === "batch") return describeBatch(op.ops, state);
  return describeLeaf(op, state);
}

function describeBatch(ops: readonly Operation[], state: ProjectState): OpDescription {
  if (ops.length === 0) return describeAs("none");
  if (ops.length === 1) return describeOperation(ops[0]!, state);
  // Adding a framework brings its codes and links along: it is one step, named after the framework.
  const framework = ops.find((o) => o.type === "addFramework");
  if (framework) return describeOperation(framework, state);
  let place: Place | null = null;
  for (const o of ops) if ((place = describeOperation(o, state).place)) break;
  const first = ops[0]!.type;
  if (ops.every((o) => o.type === first) && (COUNTED as readonly string[]).includes(first)) return describeAs(`many.${first}`, { count: ops.length }, place);
  if (ops.every((o) => CODEBOOK_OPS.has(o.type))) return describeAs("codebook", { count: ops.length }, place);
  return describeAs("batch", { count: ops.length }, place);
}

function describeLeaf(op: LeafOperation, state: ProjectState): OpDescription {
  const code = (id: CodeId) => formatCodePath(codePath(state, id)) || id;
  const title = (id: DocumentId) => state.documents[id]?.title ?? id;
  const caseName = (id: string) => state.cases[id as keyof ProjectState["cases"]]?.name ?? id;
  const frameworkName = (id: string): DescriptionParam => state.frameworks[id]?.name ?? id;
  const indicatorName = (id: string): DescriptionParam => findIndicator(state.frameworks, id)?.name ?? id;
  const groupName = (id: string) => state.documentGroups[id as keyof ProjectState["documentGroups"]]?.name ?? id;
  const attributeName = (id: string) => state.attributes[id as keyof ProjectState["attributes"]]?.name ?? id;
  const passageOf = (codingId: string): Place | null => {
    const coding = state.codings[codingId as keyof ProjectState["codings"]];
    return coding ? { kind: "passage", documentId: coding.documentId, start: coding.start, end: coding.end } : null;
  };
  const codingCode = (codingId: string) => {
    const coding = state.codings[codingId as keyof ProjectState["codings"]];
    return coding ? code(coding.codeId) : codingId;
  };
  switch (op.type) {
    case "renameProject":
      return describeAs("renameProject", { name: op.name });
    case "addDocument":
      return describeAs("addDocument", { title: op.document.title }, { kind: "document", documentId: op.document.id });
    case "removeDocument":
      return describeAs("removeDocument", { title: title(op.documentId) }, { kind: "document", documentId: op.documentId });
    case "renameDocument":
      return describeAs("renameDocument", { title: title(op.documentId), name: op.title }, { kind: "document", documentId: op.documentId });
    case "addCode": {
      const parent = op.code.parentId ? codePath(state, op.code.parentId) : [];
      return describeAs("addCode", { code: formatCodePath([...parent, op.code.name]) }, { kind: "code", codeId: op.code.id });
    }
    case "updateCode": {
      const place: Place = { kind: "code", codeId: op.codeId };
      if (op.name !== undefined) return describeAs("updateCode.name", { code: code(op.codeId), name: op.name }, place);
      if (op.color !== undefined) return describeAs("updateCode.color", { code: code(op.codeId) }, place);
      return describeAs("updateCode.description", { code: code(op.codeId) }, place);
    }
    case "moveCode":
      return describeAs("moveCode", { code: code(op.codeId) }, { kind: "code", codeId: op.codeId });
    case "deleteCode":
      return describeAs("deleteCode", { code: code(op.codeId) }, { kind: "code", codeId: op.codeId });
    case "mergeCodes":
      return describeAs("mergeCodes", { source: code(op.sourceId), target: code(op.targetId) }, { kind: "code", codeId: op.targetId });
    case "addCoding":
      return describeAs("addCoding", { code: code(op.coding.codeId), document: title(op.coding.documentId) }, { kind: "passage", documentId: op.coding.documentId, start: op.coding.start, end: op.coding.end });
    case "removeCoding":
      return describeAs("removeCoding", { code: codingCode(op.codingId) }, passageOf(op.codingId));
    case "setStance":
      return describeAs(`setStance.${op.stance}`, { code: codingCode(op.codingId) }, passageOf(op.codingId));
    case "recodeCoding":
      return describeAs("recodeCoding", { code: codingCode(op.codingId), target: code(op.codeId) }, passageOf(op.codingId));
    case "addCase":
      return describeAs("addCase", { name: op.case.name }, { kind: "cases" });
    case "renameCase":
      return describeAs("renameCase", { name: caseName(op.caseId), to: op.name }, { kind: "cases" });
    case "deleteCase":
      return describeAs("deleteCase", { name: caseName(op.caseId) }, { kind: "cases" });
    case "assignDocument":
      return describeAs("assignDocument", { document: title(op.documentId), name: caseName(op.caseId) }, { kind: "cases" });
    case "unassignDocument":
      return describeAs("unassignDocument", { document: title(op.documentId), name: caseName(op.caseId) }, { kind: "cases" });
    case "setMemo":
      return describeMemo(op, state, code, title, codingCode, passageOf);
    case "addFramework":
      return describeAs("addFramework", { framework: op.framework.name }, { kind: "framework", frameworkId: op.framework.id });
    case "removeFramework":
      return describeAs("removeFramework", { framework: frameworkName(op.frameworkId) }, { kind: "framework", frameworkId: op.frameworkId });
    case "setThresholds":
      return describeAs("setThresholds", { framework: frameworkName(op.frameworkId) }, { kind: "framework", frameworkId: op.frameworkId });
    case "setFrameworkSourceTypes":
      return describeAs("setFrameworkSourceTypes", { framework: frameworkName(op.frameworkId) }, { kind: "framework", frameworkId: op.frameworkId });
    case "linkCode":
      return op.indicatorId === null
        ? describeAs("unlinkCode", { code: code(op.codeId) }, { kind: "code", codeId: op.codeId })
        : describeAs("linkCode", { code: code(op.codeId), indicator: indicatorName(op.indicatorId) }, { kind: "code", codeId: op.codeId });
    case "setOverride": {
      const frameworkId = op.indicatorId.split(".")[0]!;
      const params = { indicator: indicatorName(op.indicatorId), name: caseName(op.caseId) };
      return describeAs(op.override === null ? "clearOverride" : "setOverride", params, { kind: "framework", frameworkId });
    }
    case "addAttribute":
      return describeAs("addAttribute", { name: op.attribute.name });
    case "updateAttribute":
      return describeAs("updateAttribute", { name: attributeName(op.attributeId) });
    case "removeAttribute":
      return describeAs("removeAttribute", { name: attributeName(op.attributeId) });
    case "setAttributeValue": {
      const params = { name: attributeName(op.attributeId) };
      if (op.target.kind === "document") return describeAs("setAttributeValue.document", { ...params, title: title(op.target.id) }, { kind: "document", documentId: op.target.id });
      return describeAs("setAttributeValue.case", { ...params, title: caseName(op.target.id) }, { kind: "cases" });
    }
    case "orderDocuments":
      return describeAs("orderDocuments", { count: Object.keys(op.orders).length });
    case "addDocumentGroup":
      return describeAs("addDocumentGroup", { name: op.group.name });
    case "renameDocumentGroup":
      return describeAs("renameDocumentGroup", { name: groupName(op.groupId), to: op.name });
    case "deleteDocumentGroup":
      return describeAs("deleteDocumentGroup", { name: groupName(op.groupId) });
    case "addToDocumentGroup":
      return describeAs("addToDocumentGroup", { document: title(op.documentId), name: groupName(op.groupId) }, { kind: "document", documentId: op.documentId });
    case "removeFromDocumentGroup":
      return describeAs("removeFromDocumentGroup", { document: title(op.documentId), name: groupName(op.groupId) }, { kind: "document", documentId: op.documentId });
    case "setCodeKey":
      return op.key === null
        ? describeAs("unpinCodeKey", { code: code(op.codeId) }, { kind: "code", codeId: op.codeId })
        : describeAs("setCodeKey", { code: code(op.codeId), key: op.key }, { kind: "code", codeId: op.codeId });
  }
}

function describeMemo(
  op: OperationOf<"setMemo">,
  state: ProjectState,
  code: (id: CodeId) => string,
  title: (id: DocumentId) => string,
  codingCode: (id: string) => string,
  passageOf: (id: string) => Place | null,
): OpDescription {
  const verb = op.content === null ? "deleteMemo" : "setMemo";
  const target = op.target;
  switch (target.kind) {
    case "project":
      return describeAs(`${verb}.project`, { name: state.name });
    case "document":
      return describeAs(`${verb}.document`, { title: title(target.id) }, { kind: "document", documentId: target.id });
    case "code":
      return describeAs(`${verb}.code`, { code: code(target.id) }, { kind: "code", codeId: target.id });
    case "coding":
      return describeAs(`${verb}.coding`, { code: codingCode(target.id) }, passageOf(target.id));
  }
}

/** The placeholders of a description in `language`: a bilingual name becomes the name in that language. */
export function descriptionParams(description: OpDescription, language: Language): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(description.params)) out[name] = typeof value === "object" ? value[language] : value;
  return out;
}
