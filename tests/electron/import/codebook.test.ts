import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../../electron/import/codebook.js";
import { applyOperation, emptyProject, importCodebookOps, newCodeId, newProjectId, TandaiError, translate } from "../../../shared/index.js";

const NOW = "2026-12-01T10:00:00.000Z";

const bytes = (s: string) => new TextEncoder().encode(s);

// A codebook as a QDA program exports it (own fixture, modelled on the REFI-QDA codebook schema).
const PREFIXED = `<?xml version="1.0" encoding="utf-8"?>
<qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti">
  <qdc:Codes>
    <qdc:Code guid="a1b2c3d4-0000-4000-8000-000000000001" name="Motif paradiplomasi" isCodable="false" color="#0072B2">
      <qdc:Description>Mengapa pemerintah daerah bekerja sama ke luar negeri.</qdc:Description>
      <qdc:Code guid="a1b2c3d4-0000-4000-8000-000000000002" name="Motif ekonomi" isCodable="true" color="#E69F00"/>
      <qdc:Code guid="a1b2c3d4-0000-4000-8000-000000000003" name="Motif budaya &amp; sejarah" isCodable="true" color="red">
        <qdc:Code guid="a1b2c3d4-0000-4000-8000-000000000004" name="  Kedekatan   bahasa " isCodable="true"/>
      </qdc:Code>
    </qdc:Code>
    <qdc:Code guid="a1b2c3d4-0000-4000-8000-000000000005" name="Hambatan" isCodable="true"/>
  </qdc:Codes>
  <qdc:Sets><qdc:Set guid="a1b2c3d4-0000-4000-8000-000000000009" name="Semua"/></qdc:Sets>
</qdc:CodeBook>`;

function failure(file: string, xml: string | Uint8Array): TandaiError {
  try {
    parseCodebook(file, typeof xml === "string" ? bytes(xml) : xml);
  } catch (error) {
    expect(error).toBeInstanceOf(TandaiError);
    return error as TandaiError;
  }
  throw new Error("expected a failure");
}

describe("REFI-QDA codebook parser", () => {
  it("reads nested codes with a namespace prefix, descriptions and colours; an invalid colour is dropped", () => {
    expect(parseCodebook("kodebuku.qdc", bytes(PREFIXED))).toEqual([
      {
        name: "Motif paradiplomasi",
        color: "#0072b2",
        description: "Mengapa pemerintah daerah bekerja sama ke luar negeri.",
        // isCodable="false" in the file: a group that cannot be applied (issue 11).
        codable: false,
        children: [
          { name: "Motif ekonomi", color: "#e69f00", children: [] },
          { name: "Motif budaya & sejarah", children: [{ name: "Kedekatan bahasa", children: [] }] },
        ],
      },
      { name: "Hambatan", children: [] },
    ]);
  });

  it("reads a default namespace, a single code (always an array) and a BOM", () => {
    const xml = `\uFEFF<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="g" name="Economic motive" isCodable="true"><Description>Trade, investment</Description></Code></Codes></CodeBook>`;
    expect(parseCodebook("c.qdc", bytes(xml))).toEqual([{ name: "Economic motive", description: "Trade, investment", children: [] }]);
  });

  it("refuses bad files with an error naming the file", () => {
    const notXml = failure("notes.qdc", "Motif ekonomi, Motif budaya");
    expect(notXml.code).toBe("import.errors.codebookNotXml");
    expect(notXml.params.file).toBe("notes.qdc");
    expect(failure("binary.qdc", new Uint8Array([0xff, 0xfe, 0x00, 0x80])).code).toBe("import.errors.codebookNotXml");
    expect(failure("unclosed.qdc", "<CodeBook><Codes>").code).toBe("import.errors.codebookNotXml");

    const project = failure("project.qde", `<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>`);
    expect(project.code).toBe("import.errors.codebookNotCodebook");
    expect(translate("en", project.code, project.params)).toContain("“project.qde”");

    const noName = failure("dir/k.qdc", `<CodeBook><Codes><Code guid="a" name="A"/><Code guid="b" name="B"><Code guid="c" name="C"/><Code guid="d"/></Code></Codes></CodeBook>`);
    expect(noName).toMatchObject({ code: "import.errors.codebookNoName", params: { file: "k.qdc", detail: "B › #2" } });
    expect(translate("en", noName.code, noName.params)).toBe(
      "A code in “k.qdc” has no name (B › #2 in the code tree). Give every code a name and export the codebook again.",
    );
    expect(failure("k.qdc", `<CodeBook><Codes><Code guid="a" name="   "/></Codes></CodeBook>`).code).toBe("import.errors.codebookNoName");

    for (const empty of [`<CodeBook/>`, `<CodeBook><Codes/></CodeBook>`, `<CodeBook><Codes></Codes><Sets/></CodeBook>`]) {
      const error = failure("kosong.qdc", empty);
      expect(error.code, empty).toBe("import.errors.codebookEmpty");
      expect(translate("id", error.code, error.params)).toContain("“kosong.qdc”");
    }
    expect(failure("zero.qdc", new Uint8Array()).code).toBe("import.errors.empty");
  });

  it("cuts names longer than a code name may be", () => {
    const long = "x".repeat(250);
    expect(parseCodebook("c.qdc", bytes(`<CodeBook><Codes><Code guid="a" name="${long}"/></Codes></CodeBook>`))[0]!.name).toHaveLength(200);
  });
});

describe("a big flat codebook", () => {
  it("imports 50,000 codes, merging repeats and existing codes, in one pass (quadratic took minutes)", () => {
    const count = 50_000;
    const xml = `<CodeBook><Codes>${Array.from({ length: count }, (_, i) => `<Code name="Kode ${i}"/>`).join("")}<Code name="KODE 7"/><Code name="Sudah ada"/></Codes></CodeBook>`;
    const tree = parseCodebook("datar.qdc", bytes(xml));
    expect(tree).toHaveLength(count + 2);
    const state = emptyProject(newProjectId(), "Datar", NOW);
    applyOperation(state, { type: "addCode", code: { id: newCodeId(), name: "sudah  ada", color: "#e69f00", parentId: null, order: 4, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW } }, NOW);
    const { ops, summary } = importCodebookOps(state, tree, NOW);
    expect(summary).toMatchObject({ created: count, merged: 2 });
    applyOperation(state, { type: "batch", ops }, NOW);
    const codes = Object.values(state.codes);
    expect(codes).toHaveLength(count + 1);
    // New codes follow the existing one, each with its own order, in file order.
    const orders = codes.map((c) => c.order).sort((a, b) => a - b);
    expect(new Set(orders).size).toBe(codes.length);
    expect(orders[0]).toBe(4);
    expect(codes.find((c) => c.name === "Kode 0")!.order).toBe(5);
    expect(codes.find((c) => c.name === `Kode ${count - 1}`)!.order).toBe(count + 4);
  });
});
