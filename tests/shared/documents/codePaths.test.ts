import { describe, expect, it } from "vitest";
import { applyOperation, codeDocumentMatrix, codePathLabel, resolveScope, findCodes, formatCodePath, importCodebookOps, parseCodePath, planCodePath, TandaiError, type Operation } from "../../../shared/index.js";
import { code, NOW, project } from "../fixtures.js";

describe('the one "/" rule for typed code names', () => {
  it("reads a slash as a level, an escaped slash as part of the name", () => {
    expect(parseCodePath("Hambatan/Anggaran")).toEqual(["Hambatan", "Anggaran"]);
    expect(parseCodePath(" Hambatan /  Anggaran  kurang ")).toEqual(["Hambatan", "Anggaran kurang"]);
    expect(parseCodePath("Pro\\/Kontra")).toEqual(["Pro/Kontra"]);
    expect(parseCodePath("Isu/Pro\\/Kontra")).toEqual(["Isu", "Pro/Kontra"]);
    expect(parseCodePath("Hambatan//Anggaran/")).toEqual(["Hambatan", "Anggaran"]);
    expect(parseCodePath("C:\\data")).toEqual(["C:\\data"]);
    expect(parseCodePath(" / ")).toEqual([]);
  });

  it("shows a path and a name with a slash differently, and the shown form reads back as the same code", () => {
    const state = project();
    const hambatan = code("Hambatan");
    const anggaran = code("Anggaran", hambatan.id);
    const literal = code("Hambatan/Anggaran"); // from an older project or a .qdc file
    for (const c of [hambatan, anggaran, literal]) applyOperation(state, { type: "addCode", code: c }, NOW);
    expect(codePathLabel(state, anggaran.id)).toBe("Hambatan / Anggaran");
    expect(codePathLabel(state, literal.id)).toBe("Hambatan\\/Anggaran");
    expect(codePathLabel(state, anggaran.id)).not.toBe(codePathLabel(state, literal.id));
    expect(findCodes(state, "Hambatan/Anggaran").map((c) => c.id)).toEqual([anggaran.id]);
    expect(findCodes(state, "Hambatan\\/Anggaran").map((c) => c.id)).toEqual([literal.id]);
    expect(formatCodePath(["Isu", "Pro/Kontra"], "/")).toBe("Isu/Pro\\/Kontra");
    // Exports say it the same way: the code × document matrix's row labels differ too.
    const labels = codeDocumentMatrix(state, resolveScope(state, { caseIds: [], codeIds: [], frameworkIds: [] })).rows.map((r) => r.label);
    expect(labels).toEqual(expect.arrayContaining(["Hambatan/Anggaran", "Hambatan\\/Anggaran"]));
  });

  it("plans the parent and the child, reusing levels that exist (accent- and case-insensitively)", () => {
    const state = project();
    const first = planCodePath(state, parseCodePath("Hambatan/Anggaran"), null, NOW);
    expect(first.create.map((op) => (op as Extract<Operation, { type: "addCode" }>).code.name)).toEqual(["Hambatan", "Anggaran"]);
    expect(first.created).toEqual(["Hambatan", "Hambatan/Anggaran"]);
    applyOperation(state, { type: "batch", ops: first.create }, NOW);
    expect(codePathLabel(state, first.codeId)).toBe("Hambatan / Anggaran");
    const second = planCodePath(state, parseCodePath("hambatan/Birokrasi"), null, NOW);
    expect(second.create).toHaveLength(1);
    applyOperation(state, { type: "batch", ops: second.create }, NOW);
    expect(codePathLabel(state, second.codeId)).toBe("Hambatan / Birokrasi");
    // Below a chosen parent (the app's "new child code" field).
    const parent = findCodes(state, "Hambatan")[0]!.id;
    const nested = planCodePath(state, ["Anggaran", "Dana pusat"], parent, NOW);
    expect(nested.create).toHaveLength(1);
    expect(() => planCodePath(state, [], null, NOW)).toThrow(TandaiError);
    expect(() => planCodePath(state, ["x".repeat(201)], null, NOW)).toThrow(/levelTooLong/);
  });

  it("keeps a .qdc code's slash literal: the file nests codes itself, so its names are names", () => {
    const state = project();
    const { ops } = importCodebookOps(state, [{ name: "Pro/Kontra", children: [{ name: "Anggaran", children: [] }] }], NOW);
    applyOperation(state, { type: "batch", ops }, NOW);
    const child = findCodes(state, "Pro\\/Kontra/Anggaran");
    expect(child).toHaveLength(1);
    expect(codePathLabel(state, child[0]!.id)).toBe("Pro\\/Kontra / Anggaran");
  });
});
