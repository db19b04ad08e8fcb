import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeQdpx } from "../../../electron/export/qdpx/write.js";
import { importRefiFile } from "../../../electron/import/qdpx/index.js";
import { createProject } from "../../../electron/store/index.js";
import type { AttributeId, CaseId } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";
import { entryText, xmllint, zipOf } from "./helpers.js";

const temp = useTempDirs();

/** A Boolean variable on cases, as MAXQDA writes it, with a value no Boolean holds. */
const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="mx" origin="MAXQDA 24">
  <Variables><Variable guid="f0000000-0000-4000-8000-000000000001" name="Punya MoU" typeOfVariable="Boolean"/></Variables>
  <Cases>
    <Case guid="f0000000-0000-4000-8000-000000000011" name="Padang"><VariableValue><VariableRef targetGUID="f0000000-0000-4000-8000-000000000001"/><BooleanValue>true</BooleanValue></VariableValue></Case>
    <Case guid="f0000000-0000-4000-8000-000000000012" name="Medan"><VariableValue><VariableRef targetGUID="f0000000-0000-4000-8000-000000000001"/><BooleanValue>false</BooleanValue></VariableValue></Case>
    <Case guid="f0000000-0000-4000-8000-000000000013" name="Bukittinggi"><VariableValue><VariableRef targetGUID="f0000000-0000-4000-8000-000000000001"/><BooleanValue>mungkin</BooleanValue></VariableValue></Case>
  </Cases>
</Project>`;

describe("REFI-QDA Boolean variables", () => {
  it("come in as a choice of yes and no in the UI language, a value that is not a Boolean counted as not imported", async () => {
    const root = await temp();
    for (const [language, yes, no] of [["id", "Ya", "Tidak"], ["en", "Yes", "No"]] as const) {
      const store = await createProject(join(root, language), "P");
      const { plan } = await importRefiFile(store, "mx.qde", new TextEncoder().encode(qde), undefined, undefined, language);
      const attribute = Object.values(store.state.attributes)[0]!;
      expect(attribute).toMatchObject({ name: "Punya MoU", appliesTo: "case", type: "choice", choices: [yes, no] });
      expect(Object.values(store.state.cases).map((c) => [c.name, c.attributes?.[attribute.id]])).toEqual([
        ["Padang", yes],
        ["Medan", no],
        ["Bukittinggi", undefined],
      ]);
      expect(plan.preview.notImported.badValues).toBe(1);
      await store.close();
    }
  });

  it("a choice of exactly yes and no goes out as a Boolean (schema-valid) and comes back as the same choice", async () => {
    const root = await temp();
    const store = await createProject(join(root, "a"), "A");
    const attributeId = "attr1xxx" as AttributeId;
    await store.apply({
      type: "batch",
      ops: [
        { type: "addAttribute", attribute: { id: attributeId, name: "Punya MoU", appliesTo: "case", type: "choice", choices: ["Ya", "Tidak"] } },
        { type: "addAttribute", attribute: { id: "attr2xxx" as AttributeId, name: "Status", appliesTo: "case", type: "choice", choices: ["Ya", "Tidak", "Belum tahu"] } },
        { type: "addCase", case: { id: "case1xxx" as CaseId, name: "Padang", documentIds: [], createdAt: "2026-12-01T10:00:00.000Z" } },
        { type: "addCase", case: { id: "case2xxx" as CaseId, name: "Medan", documentIds: [], createdAt: "2026-12-01T10:00:00.000Z" } },
        { type: "setAttributeValue", target: { kind: "case", id: "case1xxx" as CaseId }, attributeId, value: "Ya" },
        { type: "setAttributeValue", target: { kind: "case", id: "case2xxx" as CaseId }, attributeId, value: "Tidak" },
      ],
    });
    const file = join(root, "a.qdpx");
    await writeQdpx(store, file, "Tandai");
    const before = structuredClone(store.state);
    await store.close();

    const xml = await entryText(file, "project.qde");
    expect(xml).toMatch(/<Variable [^>]*name="Punya MoU" typeOfVariable="Boolean"\/>/);
    // Three choices are not a Boolean: they stay text for other tools.
    expect(xml).toMatch(/<Variable [^>]*name="Status" typeOfVariable="Text"\/>/);
    expect(xml).toContain("<BooleanValue>true</BooleanValue>");
    expect(xml).toContain("<BooleanValue>false</BooleanValue>");
    await writeFile(join(root, "a.qde"), xml);
    expect(await xmllint(join(root, "a.qde"), "Project.xsd")).toBe("");

    // Tandai → Tandai: the same attribute, its words and values, whatever the UI language.
    const back = await createProject(join(root, "b"), "B");
    await importRefiFile(back, "a.qdpx", await readFile(file), undefined, undefined, "en");
    expect(back.state.attributes).toEqual(before.attributes);
    expect(Object.values(back.state.cases).map((c) => c.attributes)).toEqual(Object.values(before.cases).map((c) => c.attributes));
    await back.close();

    // Another tool's copy (no tandai.json): a Boolean, in the importer's language.
    const other = await createProject(join(root, "c"), "C");
    await importRefiFile(other, "a.qdpx", await zipOf({ "project.qde": xml }), undefined, undefined, "en");
    const mou = Object.values(other.state.attributes).find((a) => a.name === "Punya MoU")!;
    expect(mou).toMatchObject({ type: "choice", choices: ["Yes", "No"] });
    expect(Object.values(other.state.cases).map((c) => c.attributes?.[mou.id])).toEqual(["Yes", "No"]);
    await other.close();
  });
});
