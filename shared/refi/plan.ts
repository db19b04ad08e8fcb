import { nextCodeColor } from "../model/colors.js";
import { offset, type CaseId, type CodeId, type CodingId, type DocumentGroupId, type DocumentId } from "../model/ids.js";
import { type Code, type DocumentContent, type DocumentMeta, type MemoTarget, type ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { linesToBlocks } from "../text/blocks.js";
import type { RefiCode, RefiProject } from "./model.js";
import { variableOps } from "./variables.js";
import { MemoCollector } from "./memos.js";
import type { Language } from "../i18n/catalogues.js";
import { chooseReading, TextPositionMap, type ReadingChoice, type SelectionProbe } from "./positions.js";

export { memoContent } from "./memos.js";

/** What an import of a REFI-QDA project will bring in, and what it cannot, shown before anything is written. */
export interface RefiPreview {
  name: string;
  origin: string;
  reading: ReadingChoice;
  add: { sources: number; codes: number; codings: number; memos: number; cases: number; groups: number; attributes: number; values: number };
  /** Already in the project (the same GUIDs, from an earlier import of this file): not added twice. */
  already: { sources: number; codes: number; codings: number };
  /** Not imported, with counts: media Tandai does not hold, codings that point nowhere or off the text. */
  notImported: { caseSelections: number; pdfSources: number; pdfSelections: number; pictures: number; audio: number; video: number; emptySelections: number; unknownCodes: number; badValues: number };
  /** Names of the file's sets of codes (MemberCode), which Tandai cannot hold: not imported, said so. */
  codeSets: string[];
}

export interface RefiPlan {
  preview: RefiPreview;
  /** The contents of the documents the ops add, to be written before the ops are applied. */
  contents: { id: DocumentId; content: DocumentContent }[];
  /** Apply as one batch: one undo step. */
  ops: Operation[];
}

/** Selections checked when choosing a reading: plenty to tell, few enough to stay quick on 100k. */
const PROBES = 2000;
const MAX_NAME = 200;

/**
 * The operations that bring a REFI-QDA project into `state` (an empty new project or an existing
 * one). Records keep their GUIDs as Tandai ids (or the Tandai ids a Tandai export recorded), so
 * importing the same file again finds them and adds nothing twice. Pure: the caller writes the
 * contents, then applies the ops as one batch.
 */
export function planRefiImport(state: ProjectState, project: RefiProject, fileName: string, now: string, language: Language = "en"): RefiPlan {
  const extras = project.extras;
  const idOf = (guid: string) => extras?.ids[guid] ?? guid;
  const contradicts = new Set(extras?.contradicts ?? []);
  const preview: RefiPreview = {
    name: project.name,
    origin: project.origin ?? "",
    reading: { reading: "codePoints", basis: "origin", fitting: 0, checked: 0 },
    add: { sources: 0, codes: 0, codings: 0, memos: 0, cases: 0, groups: 0, attributes: 0, values: 0 },
    already: { sources: 0, codes: 0, codings: 0 },
    notImported: { ...project.skipped, emptySelections: 0, unknownCodes: 0, badValues: 0 },
    codeSets: [],
  };
  const ops: Operation[] = [];
  const contents: RefiPlan["contents"] = [];

  // A code the file says is not codable stays a group, unless the file codes it anyway (its codings are kept).
  const coded = new Set(project.sources.flatMap((source) => source.selections.flatMap((sel) => sel.codings.map((c) => c.codeGuid))));
  // Codes, depth first so a parent is added before its children.
  const codeIds = new Map<string, CodeId>();
  let colorIndex = Object.keys(state.codes).length;
  const visit = (codes: readonly RefiCode[], parentId: CodeId | null) => {
    codes.forEach((node, order) => {
      const id = idOf(node.guid) as CodeId;
      codeIds.set(node.guid, id);
      if (state.codes[id]) preview.already.codes++;
      else {
        const indicatorId = extras?.indicators[node.guid];
        const more = extras?.codes[node.guid];
        const code: Code = {
          id,
          name: node.name.replace(/\s+/g, " ").trim().slice(0, MAX_NAME) || "—",
          color: node.color ?? nextCodeColor(colorIndex++),
          parentId,
          order,
          description: { definition: node.description ?? "", whenToUse: more?.whenToUse ?? "", whenNotToUse: more?.whenNotToUse ?? "" },
          createdAt: more?.createdAt ?? now,
          ...(indicatorId ? { indicatorId: indicatorId as Code["indicatorId"] & string } : {}),
          ...(more?.key ? { key: more.key } : {}),
          ...(!node.isCodable && !coded.has(node.guid) ? { codable: false as const } : {}),
        };
        ops.push({ type: "addCode", code });
        preview.add.codes++;
      }
      visit(node.children, id);
    });
  };
  visit(project.codes, null);

  // One reading for the whole file, checked on its selections.
  const maps = new Map<string, TextPositionMap>();
  const probes: SelectionProbe[] = [];
  for (const source of project.sources) {
    const positions = new TextPositionMap(source.text);
    maps.set(source.guid, positions);
    for (const s of source.selections) if (probes.length < PROBES) probes.push({ text: source.text, start: s.start, end: s.end, quote: s.name, positions });
  }
  const reading = chooseReading(project.origin, probes);
  preview.reading = reading;

  const memos = new MemoCollector(state, project);
  const addMemo = (target: MemoTarget, text: string | undefined) => memos.addText(target, text);
  const noteText = (target: MemoTarget, guid: string) => memos.addNote(target, guid);
  const linked = new Map<string, string[]>();
  for (const link of project.links) {
    if (!memos.hasNote(link.originGuid)) continue;
    linked.set(link.targetGuid, [...(linked.get(link.targetGuid) ?? []), link.originGuid]);
  }

  const documentIds = new Map<string, DocumentId>();
  for (const source of project.sources) {
    const id = idOf(source.guid) as DocumentId;
    documentIds.set(source.guid, id);
    const existing = state.documents[id];
    if (existing) preview.already.sources++;
    else {
      const was = extras?.documents[source.guid];
      const blocks = was?.blocks ?? linesToBlocks(source.text);
      const title = (was ? source.name : source.name.replace(/\.(txt|docx?|pdf|rtf|odt|md)$/i, "")).trim().slice(0, 300) || source.guid;
      const document: DocumentMeta = {
        id,
        title,
        kind: was?.kind ?? "txt",
        sourceName: was?.sourceName ?? `${fileName} › ${source.name || source.guid}`,
        importedAt: was?.importedAt ?? now,
        length: source.text.length,
        blockCount: blocks.length,
        pageCount: was?.pageCount ?? null,
        ...(was?.encoding ? { encoding: was.encoding } : {}),
        ...(was?.order !== undefined ? { order: was.order } : {}),
      };
      contents.push({ id, content: { text: source.text, blocks } });
      ops.push({ type: "addDocument", document });
      preview.add.sources++;
    }
    const docTarget: MemoTarget = { kind: "document", id };
    addMemo(docTarget, source.description);
    for (const guid of [...source.noteGuids, ...(linked.get(source.guid) ?? [])]) noteText(docTarget, guid);
    const positions = maps.get(source.guid)!;
    const length = existing ? existing.length : source.text.length;
    for (const selection of source.selections) {
      const start = positions.read(selection.start, reading.reading);
      const end = Math.min(positions.read(selection.end, reading.reading), length);
      if (end <= start) {
        preview.notImported.emptySelections++;
        continue;
      }
      let first: CodingId | null = null;
      for (const coding of selection.codings) {
        const codeId = codeIds.get(coding.codeGuid) ?? (state.codes[idOf(coding.codeGuid) as CodeId] ? (idOf(coding.codeGuid) as CodeId) : undefined);
        if (!codeId) {
          preview.notImported.unknownCodes++;
          continue;
        }
        const codingId = idOf(coding.guid) as CodingId;
        first ??= codingId;
        if (state.codings[codingId]) {
          preview.already.codings++;
          continue;
        }
        const coder = (coding.userGuid && project.users[coding.userGuid]) || "";
        ops.push({
          type: "addCoding",
          coding: { id: codingId, documentId: id, codeId, start: offset(start), end: offset(end), coder, stance: contradicts.has(coding.guid) ? "contradicts" : "supports", createdAt: coding.createdAt ?? now },
        });
        preview.add.codings++;
      }
      // A selection's note goes to the memo of its (first) coding: Tandai keeps memos on codings.
      if (first) {
        const target: MemoTarget = { kind: "coding", id: first };
        addMemo(target, selection.description);
        for (const guid of [...selection.noteGuids, ...(linked.get(selection.guid) ?? [])]) noteText(target, guid);
      }
    }
  }

  for (const [guid, id] of codeIds) {
    const target: MemoTarget = { kind: "code", id };
    for (const note of [...(project.codeNoteGuids[guid] ?? []), ...(linked.get(guid) ?? [])]) noteText(target, note);
  }
  for (const guid of project.projectNoteGuids) noteText({ kind: "project" }, guid);

  for (const kase of project.cases) {
    const id = idOf(kase.guid) as CaseId;
    if (state.cases[id]) continue;
    const documents = kase.sourceGuids.flatMap((g) => (documentIds.has(g) ? [documentIds.get(g)!] : []));
    ops.push({ type: "addCase", case: { id, name: (kase.name.trim() || kase.guid).slice(0, MAX_NAME), documentIds: [...new Set(documents)], createdAt: extras?.created[kase.guid] ?? now } });
    preview.add.cases++;
  }
  for (const set of project.sets) {
    // Tandai has no groups of codes (a code has one parent, so a set of codes cannot be a parent
    // code): a set's codes are named in the preview as not imported, never dropped unsaid.
    if (set.codeGuids.length) preview.codeSets.push(set.name.trim() || set.guid);
    const id = idOf(set.guid) as DocumentGroupId;
    const documents = set.sourceGuids.flatMap((g) => (documentIds.has(g) ? [documentIds.get(g)!] : []));
    if (!documents.length || (state.documentGroups ?? {})[id]) continue;
    ops.push({ type: "addDocumentGroup", group: { id, name: (set.name.trim() || set.guid).slice(0, MAX_NAME), documentIds: [...new Set(documents)], createdAt: extras?.created[set.guid] ?? now } });
    preview.add.groups++;
  }

  variableOps(state, project, idOf, documentIds, ops, preview, now, language);

  // Tandai's own extras: frameworks (with thresholds) the project lacks, then the overrides on them.
  for (const framework of extras?.frameworks ?? []) if (!state.frameworks[framework.id]) ops.push({ type: "addFramework", framework });
  for (const [key, stored] of Object.entries(extras?.overrides ?? {})) {
    const [caseGuid, indicatorId] = key.split("|");
    const caseId = idOf(caseGuid!) as CaseId;
    if (state.overrides[`${caseId}|${indicatorId}`]) continue;
    const known = state.cases[caseId] || ops.some((op) => op.type === "addCase" && op.case.id === caseId);
    if (known && indicatorId) ops.push({ type: "setOverride", caseId, indicatorId: indicatorId as never, override: { status: stored.status, justification: stored.justification }, at: stored.at });
  }

  const memoOps = memos.ops();
  ops.push(...memoOps);
  preview.add.memos += memoOps.length;
  return { preview, contents, ops };
}
