import { join } from "node:path";
import {
  addTemplateOps,
  findQuote,
  linesToBlocks,
  newCodeId,
  newCaseId,
  newCodingId,
  newDocumentId,
  offset,
  type CodeId,
  type Language,
  type Operation,
} from "../../shared/index.js";
import { createProject, type DiskProjectStore } from "../store/index.js";
import { sampleCaseName, sampleCodes, sampleDocuments, sampleFramework, sampleName } from "./sampleContent.js";

export function sampleProjectDir(projectsDir: string): string {
  return join(projectsDir, "Sample");
}

/**
 * Creates the sample project in `language`: Keating's framework with its linked codes, a small
 * nested codebook of its own, both documents coded, and the case holding them, as one operation.
 */
export async function createSampleProject(dir: string, coder: string, language: Language = "id"): Promise<DiskProjectStore> {
  const store = await createProject(dir, sampleName[language]);
  const now = new Date().toISOString();
  const codeIds = new Map<string, CodeId>();
  // The framework's group and indicator codes, named as adding it from the Indicators tab names them.
  const ops: Operation[] = addTemplateOps(store.state, sampleFramework.id, language, now).map((op) => {
    if (op.type !== "addCode") return op;
    const key = op.code.indicatorId ? Object.keys(sampleFramework.indicators).find((k) => sampleFramework.indicators[k] === op.code.indicatorId)! : sampleFramework.group;
    codeIds.set(key, op.code.id);
    const definition = sampleFramework.definitions[key]?.[language] ?? op.code.description.definition;
    return { ...op, code: { ...op.code, description: { ...op.code.description, definition } } };
  });
  for (const c of sampleCodes) codeIds.set(c.key, newCodeId());
  sampleCodes.forEach((c, i) =>
    ops.push({
      type: "addCode",
      code: {
        id: codeIds.get(c.key)!,
        name: c.name[language],
        color: c.color,
        parentId: c.parent ? codeIds.get(c.parent)! : null,
        order: i + 1,
        description: { definition: c.definition[language], whenToUse: "", whenNotToUse: "" },
        createdAt: now,
      },
    }),
  );
  for (const doc of sampleDocuments) {
    const id = newDocumentId();
    const content = { text: doc.text, blocks: linesToBlocks(doc.text) };
    await store.writeDocumentContent(id, content);
    ops.push({
      type: "addDocument",
      document: { id, title: doc.title, kind: "txt", sourceName: `${doc.title}.txt`, importedAt: now, length: doc.text.length, blockCount: content.blocks.length, pageCount: null, encoding: "utf-8" },
    });
    for (const c of doc.codings) {
      const { start, end } = findQuote(doc.text, c.quote, 1, doc.title);
      ops.push({
        type: "addCoding",
        coding: { id: newCodingId(), documentId: id, codeId: codeIds.get(c.code)!, start: offset(start), end: offset(end), coder, stance: c.stance ?? "supports", createdAt: now },
      });
    }
  }
  const documentIds = ops.flatMap((op) => (op.type === "addDocument" ? [op.document.id] : []));
  ops.push({ type: "addCase", case: { id: newCaseId(), name: sampleCaseName, documentIds, createdAt: now } });
  await store.apply({ type: "batch", ops });
  return store;
}
