import { describe, expect, it } from "vitest";
import {
  addTemplateOps,
  batch,
  describeOperation,
  descriptionParams,
  newAttributeId,
  newDocumentGroupId,
  Operation,
  translate,
  type CaseId,
  type OperationOf,
  type OperationType,
  templateFramework,
} from "../../shared/index.js";
import { code, coding, documentMeta, NOW } from "./fixtures.js";
import { world } from "./frameworks/world.js";

/** The state every sample is described against: a thesis project with Keating's framework, a case, a coding, a memo. */
function sampleWorld() {
  const w = world(["keating"]);
  const economic = w.codeFor("keating.economic");
  const codingId = w.code(w.docs.a, "keating.economic");
  const caseId = Object.keys(w.state.cases)[0] as CaseId;
  const attributeId = newAttributeId();
  w.state.attributes[attributeId] = { id: attributeId, name: "Jenis sumber", appliesTo: "document", type: "text" };
  const groupId = newDocumentGroupId();
  w.state.documentGroups[groupId] = { id: groupId, name: "Wawancara", documentIds: [w.docs.a.id], createdAt: NOW };
  return { ...w, economic, codingId, caseId, attributeId, groupId };
}

/**
 * One operation of every kind. The mapped type makes TypeScript refuse this table when a kind is
 * added to the Operation union and not here; the test below checks the same at run time.
 */
function samples(w: ReturnType<typeof sampleWorld>): { [K in OperationType]: OperationOf<K> } {
  const doc = w.docs.a;
  const fresh = code("Motif lain");
  return {
    renameProject: { type: "renameProject", name: "Tesis" },
    addDocument: { type: "addDocument", document: documentMeta("Wawancara baru") },
    removeDocument: { type: "removeDocument", documentId: doc.id },
    renameDocument: { type: "renameDocument", documentId: doc.id, title: "Bappeda 2021" },
    addCode: { type: "addCode", code: fresh },
    updateCode: { type: "updateCode", codeId: w.economic, name: "Ekonomi" },
    moveCode: { type: "moveCode", codeId: w.economic, parentId: null, order: 5 },
    deleteCode: { type: "deleteCode", codeId: w.economic },
    mergeCodes: { type: "mergeCodes", sourceId: w.economic, targetId: w.codeFor("keating.cultural") },
    addCoding: { type: "addCoding", coding: coding(doc.id, w.economic, 0, 5) },
    removeCoding: { type: "removeCoding", codingId: w.codingId },
    setStance: { type: "setStance", codingId: w.codingId, stance: "contradicts" },
    recodeCoding: { type: "recodeCoding", codingId: w.codingId, codeId: w.codeFor("keating.cultural") },
    addCase: { type: "addCase", case: { id: "caseNEW00001" as CaseId, name: "Kasus baru", documentIds: [], createdAt: NOW } },
    renameCase: { type: "renameCase", caseId: w.caseId, name: "Kasus" },
    deleteCase: { type: "deleteCase", caseId: w.caseId },
    assignDocument: { type: "assignDocument", caseId: w.caseId, documentId: w.docs.c.id },
    unassignDocument: { type: "unassignDocument", caseId: w.caseId, documentId: doc.id },
    setMemo: { type: "setMemo", target: { kind: "coding", id: w.codingId }, content: { type: "doc" }, text: "catatan" },
    addFramework: { type: "addFramework", framework: templateFramework("stages")! },
    removeFramework: { type: "removeFramework", frameworkId: "keating" },
    setThresholds: { type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: 2, minDocuments: 1 } },
    linkCode: { type: "linkCode", codeId: w.economic, indicatorId: "keating.political" },
    setOverride: { type: "setOverride", caseId: w.caseId, indicatorId: "keating.economic", override: { status: "met", justification: "wawancara" } },
    addAttribute: { type: "addAttribute", attribute: { id: newAttributeId(), name: "Tahun", appliesTo: "case", type: "number" } },
    updateAttribute: { type: "updateAttribute", attributeId: w.attributeId, name: "Sumber" },
    removeAttribute: { type: "removeAttribute", attributeId: w.attributeId },
    setAttributeValue: { type: "setAttributeValue", target: { kind: "document", id: doc.id }, attributeId: w.attributeId, value: "wawancara" },
    setFrameworkSourceTypes: { type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: ["wawancara"] },
    setCodeKey: { type: "setCodeKey", codeId: w.economic, key: 3 },
    orderDocuments: { type: "orderDocuments", orders: { [doc.id]: 0 } },
    addDocumentGroup: { type: "addDocumentGroup", group: { id: w.groupId, name: "Wawancara", documentIds: [], createdAt: NOW } },
    renameDocumentGroup: { type: "renameDocumentGroup", groupId: w.groupId, name: "Dokumen resmi" },
    deleteDocumentGroup: { type: "deleteDocumentGroup", groupId: w.groupId },
    addToDocumentGroup: { type: "addToDocumentGroup", groupId: w.groupId, documentId: doc.id },
    removeFromDocumentGroup: { type: "removeFromDocumentGroup", groupId: w.groupId, documentId: doc.id },
    batch: { type: "batch", ops: [{ type: "renameProject", name: "A" }, { type: "renameDocument", documentId: doc.id, title: "B" }] },
  };
}

/** Every kind the Operation schema accepts, read from the schema itself. */
function schemaKinds(): string[] {
  const union = (Operation as unknown as { def: { getter(): { options: { shape: { type: { value: string } } }[] } } }).def.getter();
  return union.options.map((o) => o.shape.type.value).sort();
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);

describe("describeOperation", () => {
  it("covers every kind of operation with a message in both languages, every placeholder filled", () => {
    const w = sampleWorld();
    const table = samples(w);
    expect(Object.keys(table).sort()).toEqual(schemaKinds());
    for (const op of Object.values(table)) {
      expect(Operation.safeParse(op).success, op.type).toBe(true);
      const description = describeOperation(op, w.state);
      for (const language of ["en", "id"] as const) {
        const text = translate(language, description.key, descriptionParams(description, language));
        expect(text, `${op.type} → ${description.key}`).not.toBe(description.key);
        expect(placeholders(text), `${op.type} in ${language}: ${text}`).toEqual([]);
        expect(text).not.toMatch(/undefined|\[object/);
      }
    }
  });

  it("names the code by its path and the framework in the reader's language", () => {
    const w = sampleWorld();
    const link = describeOperation({ type: "linkCode", codeId: w.economic, indicatorId: "keating.economic" }, w.state);
    expect(translate("en", link.key, descriptionParams(link, "en"))).toBe("link of code “Motif paradiplomasi (Keating) / Motif ekonomi” to “Economic motive”");
    expect(translate("id", link.key, descriptionParams(link, "id"))).toBe("tautan kode “Motif paradiplomasi (Keating) / Motif ekonomi” ke “Motif ekonomi”");
    expect(link.place).toEqual({ kind: "code", codeId: w.economic });

    const add = describeOperation(batch(addTemplateOps({ ...w.state, frameworks: {} }, "stages", "id", NOW)), w.state);
    expect(translate("en", add.key, descriptionParams(add, "en"))).toBe("add framework “Implementation stages”");
    expect(add.place).toEqual({ kind: "framework", frameworkId: "stages" });
  });

  it("describes a removal from the state before it, and places a coding at its passage", () => {
    const w = sampleWorld();
    const coded = w.state.codings[w.codingId]!;
    const removal = describeOperation({ type: "removeCoding", codingId: w.codingId }, w.state);
    expect(translate("en", removal.key, descriptionParams(removal, "en"))).toBe("remove coding “Motif paradiplomasi (Keating) / Motif ekonomi”");
    expect(removal.place).toEqual({ kind: "passage", documentId: coded.documentId, start: coded.start, end: coded.end });
  });

  it("counts a batch of one kind, and calls anything else what it is", () => {
    const w = sampleWorld();
    const docs = batch([documentMeta("A"), documentMeta("B"), documentMeta("C")].map((document) => ({ type: "addDocument" as const, document })));
    const d = describeOperation(docs, w.state);
    expect(translate("id", d.key, descriptionParams(d, "id"))).toBe("impor 3 dokumen");
    const empty = describeOperation(batch([]), w.state);
    expect(translate("en", empty.key, {})).toBe("no change");
  });
});
