import { describe, expect, it } from "vitest";
import { DocumentContent, PROJECT_FORMAT, ProjectState } from "../../shared/model/project.js";
import { isPlainDocumentContent, isPlainProjectState } from "../../shared/model/quickCheck.js";

const NOW = "2026-01-01T00:00:00.000Z";

/** A state using every part of the model, each optional field set somewhere and unset elsewhere. */
function richState(): Record<string, unknown> {
  return {
    format: PROJECT_FORMAT,
    id: "proj_0001",
    name: "Padang – Ba Ria-Vung Tau",
    createdAt: NOW,
    documents: {
      doc_0001: { id: "doc_0001", title: "Wawancara 1", kind: "txt", sourceName: "w1.txt", importedAt: NOW, length: 120, blockCount: 2, pageCount: null, encoding: "utf-8", attributes: { attr_0001: "interview", attr_0002: 2019 }, order: 1.5 },
      doc_0002: { id: "doc_0002", title: "Laporan", kind: "pdf", sourceName: "l.pdf", importedAt: NOW, length: 0, blockCount: 0, pageCount: 3 },
    },
    codes: {
      code_0001: { id: "code_0001", name: "Ekonomi", color: "#E69F00", parentId: null, order: 0, description: { definition: "d", whenToUse: "", whenNotToUse: "" }, createdAt: NOW, indicatorId: "kuznetsov.legal", key: 3 },
      code_0002: { id: "code_0002", name: "Motif", color: "#56b4e9", parentId: "code_0001", order: -1, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW, codable: false },
    },
    codings: {
      cod_0001: { id: "cod_0001", documentId: "doc_0001", codeId: "code_0001", start: 0, end: 10, coder: "Rina", stance: "supports", createdAt: NOW },
      cod_0002: { id: "cod_0002", documentId: "doc_0001", codeId: "code_0002", start: 5, end: 7, coder: "", stance: "contradicts", createdAt: NOW },
    },
    memos: {
      project: { target: { kind: "project" }, content: { type: "doc" }, text: "t", updatedAt: NOW },
      "document:doc_0001": { target: { kind: "document", id: "doc_0001" }, content: null, text: "", updatedAt: NOW },
      "code:code_0001": { target: { kind: "code", id: "code_0001" }, content: [1, "x"], text: "", updatedAt: NOW },
      "coding:cod_0001": { target: { kind: "coding", id: "cod_0001" }, content: "plain", text: "", updatedAt: NOW },
    },
    cases: {
      case_0001: { id: "case_0001", name: "Padang", documentIds: ["doc_0001", "doc_0002"], createdAt: NOW, attributes: { attr_0003: "a" } },
      case_0002: { id: "case_0002", name: "BRVT", documentIds: [], createdAt: NOW },
    },
    frameworks: {
      kuznetsov: {
        id: "kuznetsov",
        name: { en: "Kuznetsov", id: "Kuznetsov" },
        kind: "assessment",
        indicators: [
          { id: "kuznetsov.legal", name: { en: "Legal basis", id: "Dasar hukum" }, description: { en: "e", id: "i" } },
          { id: "kuznetsov.capacity", name: { en: "Capacity", id: "Kapasitas" } },
        ],
        thresholds: { minCodings: 1, minDocuments: 2 },
        sourceTypes: ["interview"],
      },
    },
    overrides: { "case_0001|kuznetsov.legal": { status: "contested", justification: "Mixed", at: NOW } },
    attributes: {
      attr_0001: { id: "attr_0001", name: "Source type", appliesTo: "document", type: "choice", choices: ["interview", "official"], role: "sourceType", createdAt: NOW },
      attr_0002: { id: "attr_0002", name: "Year", appliesTo: "document", type: "number" },
    },
    documentGroups: { grp_0001: { id: "grp_0001", name: "Wawancara", documentIds: ["doc_0001"], createdAt: NOW } },
  };
}

const REPLACEMENTS: unknown[] = [null, "", " padded ", "x", "#12345g", "kuznetsov.other", "doc_0002", -1, 0, 1.5, 3, 10, 10_001, 2 ** 60, true, false, [], {}, "a".repeat(201), "b".repeat(5001)];

/** Every object and array in `value`, with the path to it. */
function containers(value: unknown, path: (string | number)[] = []): [(string | number)[], Record<string, unknown> | unknown[]][] {
  if (!value || typeof value !== "object") return [];
  const here: [(string | number)[], Record<string, unknown> | unknown[]][] = [[path, value as Record<string, unknown>]];
  for (const [key, child] of Object.entries(value)) here.push(...containers(child, [...path, Array.isArray(value) ? Number(key) : key]));
  return here;
}

function at(root: unknown, path: (string | number)[]): Record<string, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as Record<string, unknown>;
}

/** One changed copy per (place, change): each key deleted, replaced by each value, and keys added. */
function mutations(base: Record<string, unknown> = richState()): unknown[] {
  const out: unknown[] = [];
  for (const [path, node] of containers(base)) {
    const keys = Object.keys(node);
    const variant = (change: (target: Record<string, unknown>) => void) => {
      const copy = structuredClone(base);
      change(at(copy, path));
      out.push(copy);
    };
    for (const key of keys) {
      variant((target) => void delete target[key]);
      for (const value of REPLACEMENTS) variant((target) => void (target[key] = structuredClone(value)));
    }
    if (!Array.isArray(node)) variant((target) => void (target.extra = 1));
  }
  // Keys JSON can carry that an assignment cannot: `__proto__` as a record key and as a field.
  const json = JSON.stringify(base);
  if (json.includes('"codings":{')) out.push(JSON.parse(json.replace('"codings":{', '"codings":{"__proto__":{},')));
  if (json.includes('"codable":false')) out.push(JSON.parse(json.replace('"codable":false', '"codable":false,"__proto__":{}')));
  return out;
}

describe("the quick check of a project state", () => {
  it("passes a valid state of every part of the model, which the schema returns unchanged", () => {
    const state = richState();
    expect(isPlainProjectState(state, PROJECT_FORMAT)).toBe(true);
    expect(ProjectState.parse(state)).toEqual(state);
  });

  it("passes nothing the schema refuses or would change, over every field replaced, removed or added", () => {
    let passed = 0;
    let refusedBySchema = 0;
    for (const state of mutations()) {
      const json = JSON.parse(JSON.stringify(state)) as unknown;
      const checked = ProjectState.safeParse(json);
      if (!checked.success) refusedBySchema++;
      if (!isPlainProjectState(json, PROJECT_FORMAT)) continue;
      passed++;
      // The one property the open path relies on: what the quick check passes, zod passes unchanged.
      expect(checked.success, JSON.stringify(json).slice(0, 300)).toBe(true);
      expect(checked.data).toEqual(json);
    }
    // The mutations exercise both sides: many pass (harmless changes), many are refused.
    expect(passed).toBeGreaterThan(100);
    expect(refusedBySchema).toBeGreaterThan(500);
  });

  it("leaves to the schema a state it would complete: missing defaults, padded names", () => {
    const noGroups = richState();
    delete noGroups.documentGroups;
    expect(ProjectState.safeParse(noGroups).success).toBe(true);
    expect(isPlainProjectState(noGroups, PROJECT_FORMAT)).toBe(false);
    const padded = richState();
    (padded.cases as Record<string, { name: string }>).case_0002!.name = " BRVT ";
    expect(ProjectState.parse(padded).cases).toMatchObject({ case_0002: { name: "BRVT" } });
    expect(isPlainProjectState(padded, PROJECT_FORMAT)).toBe(false);
  });

  it("passes only document files the DocumentContent schema accepts unchanged, over every field changed", () => {
    const content = { text: "Judul\nIsi wawancara.", blocks: [{ start: 0, end: 5, kind: "heading", level: 1 }, { start: 6, end: 20, kind: "paragraph", page: 2 }] };
    expect(isPlainDocumentContent(content)).toBe(true);
    let passed = 0;
    for (const changed of mutations(content)) {
      const json = JSON.parse(JSON.stringify(changed)) as unknown;
      if (!isPlainDocumentContent(json)) continue;
      passed++;
      const checked = DocumentContent.safeParse(json);
      expect(checked.success, JSON.stringify(json)).toBe(true);
      expect(checked.data).toEqual(json);
    }
    expect(passed).toBeGreaterThan(5);
  });
});
