import type { Code, CodeId, DocumentContent, DocumentId, MemoTarget, ProjectState } from "../../../shared/index.js";
import { memoKey } from "../../../shared/index.js";
import type { TandaiExtras } from "../../../shared/refi/model.js";
import { TextPositionMap } from "../../../shared/refi/positions.js";
import { booleanPair } from "../../../shared/refi/booleans.js";
import { guidFor } from "./guids.js";
import { attrs, esc } from "./xml.js";

export const PROJECT_NS = "urn:QDA-XML:project:1.0";

export interface ProjectXml {
  /** The .qde, as a list of pieces (joined or streamed by the caller; 100k codings make tens of MB). */
  parts: string[];
  /** The plain-text files of the sources, by their path in the archive. */
  sources: { path: string; text: string }[];
  extras: TandaiExtras;
  counts: { sources: number; codes: number; codings: number };
}

/**
 * A project as a REFI-QDA 1.0 project (valid against Project.xsd): coders as Users, the code tree,
 * cases with their sources, every text source with its plain text in `sources/<guid>.txt`, one
 * PlainTextSelection per coding (positions in code points, the quote in `name`), memos as Notes
 * tied by NoteRef, document groups as Sets. What the standard has no place for travels in
 * `tandai.json` (TandaiExtras), which other tools ignore.
 */
export function projectXml(state: ProjectState, contents: ReadonlyMap<DocumentId, DocumentContent>, origin: string, now: string): ProjectXml {
  // Codes and documents are referred to once per coding: their GUIDs (a SHA-1 each) are computed once.
  const shared = new Map<string, string>();
  const g = (kind: string, id: string) => {
    if (kind !== "code" && kind !== "document") return guidFor(state.id, kind, id);
    const key = `${kind}\u0000${id}`;
    let guid = shared.get(key);
    if (guid === undefined) shared.set(key, (guid = guidFor(state.id, kind, id)));
    return guid;
  };
  const extras: TandaiExtras = { format: 1, ids: {}, contradicts: [], indicators: {}, documents: {}, codes: {}, frameworks: Object.values(state.frameworks), overrides: {}, created: {}, attributes: {}, memos: {} };
  const keep = (guid: string, id: string) => {
    if (guid !== id) extras.ids[guid] = id;
    return guid;
  };
  const created = (guid: string, at: string) => {
    extras.created[guid] = at;
    return guid;
  };
  const parts: string[] = [`<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="${PROJECT_NS}"${attrs({ name: state.name, origin, creationDateTime: state.createdAt, modifiedDateTime: now })}>\n`];

  const coders = [...new Set(Object.values(state.codings).map((c) => c.coder).filter(Boolean))].sort();
  const userGuid = new Map(coders.map((name) => [name, guidFor(state.id, "user", name)]));
  if (coders.length) parts.push(`<Users>${coders.map((name) => `<User${attrs({ guid: userGuid.get(name), name })}/>`).join("")}</Users>\n`);

  // Notes: one per memo, referenced from what it is about.
  const noteRef = (target: MemoTarget) => {
    const memo = state.memos[memoKey(target)];
    return memo && memo.text.trim() ? `<NoteRef targetGUID="${g("memo", memoKey(target))}"/>` : "";
  };

  const codes = Object.values(state.codes);
  const children = new Map<CodeId | null, Code[]>();
  for (const code of codes) children.set(code.parentId, [...(children.get(code.parentId) ?? []), code]);
  const codeXml = (code: Code): string => {
    const guid = keep(g("code", code.id), code.id);
    if (code.indicatorId) extras.indicators[guid] = code.indicatorId;
    extras.codes[guid] = { createdAt: code.createdAt, whenToUse: code.description.whenToUse, whenNotToUse: code.description.whenNotToUse, ...(code.key ? { key: code.key } : {}) };
    const kids = (children.get(code.id) ?? []).sort((a, b) => a.order - b.order);
    const description = code.description.definition ? `<Description>${esc(code.description.definition)}</Description>` : "";
    return `<Code${attrs({ guid, name: code.name, isCodable: code.codable === false ? "false" : "true", color: code.color.toUpperCase() })}>${description}${noteRef({ kind: "code", id: code.id })}${kids.map(codeXml).join("")}</Code>`;
  };
  const roots = (children.get(null) ?? []).sort((a, b) => a.order - b.order);
  if (roots.length) parts.push(`<CodeBook><Codes>${roots.map(codeXml).join("\n")}</Codes></CodeBook>\n`);

  // Attributes as variables; their values on cases and sources.
  const attributes = Object.values(state.attributes);
  const variableType = { text: "Text", number: "Float", date: "Date", choice: "Text" } as const;
  const valueElement = { text: "TextValue", number: "FloatValue", date: "DateValue", choice: "TextValue" } as const;
  // A choice of exactly yes and no (in either language) is a Boolean to other tools.
  const booleans = new Map(attributes.flatMap((a) => (a.type === "choice" && booleanPair(a.choices) ? [[a.id, booleanPair(a.choices)!] as const] : [])));
  if (attributes.length) {
    parts.push("<Variables>");
    for (const a of attributes) {
      const guid = keep(g("attribute", a.id), a.id);
      extras.attributes[guid] = { type: a.type, appliesTo: a.appliesTo, ...(a.choices ? { choices: a.choices } : {}), ...(a.role ? { role: a.role } : {}), ...(a.createdAt ? { createdAt: a.createdAt } : {}) };
      parts.push(`<Variable${attrs({ guid, name: a.name, typeOfVariable: booleans.has(a.id) ? "Boolean" : variableType[a.type] })}/>`);
    }
    parts.push("</Variables>\n");
  }
  const values = (holder: { attributes?: Record<string, unknown> }) =>
    attributes
      .filter((a) => holder.attributes?.[a.id] !== undefined)
      .map((a) => {
        const v = holder.attributes![a.id]!;
        const pair = booleans.get(a.id);
        const shown = pair ? String(v === pair[0]) : typeof v === "number" ? v.toLocaleString("en", { useGrouping: false, maximumFractionDigits: 20 }) : String(v);
        const element = pair ? "BooleanValue" : valueElement[a.type];
        return `<VariableValue><VariableRef targetGUID="${g("attribute", a.id)}"/><${element}>${esc(shown)}</${element}></VariableValue>`;
      })
      .join("");

  const cases = Object.values(state.cases);
  if (cases.length) {
    parts.push("<Cases>");
    for (const kase of cases) parts.push(`<Case${attrs({ guid: created(keep(g("case", kase.id), kase.id), kase.createdAt), name: kase.name })}>${values(kase)}${kase.documentIds.map((d) => `<SourceRef targetGUID="${g("document", d)}"/>`).join("")}</Case>`);
    parts.push("</Cases>\n");
  }
  for (const [key, override] of Object.entries(state.overrides)) {
    const [caseId, indicatorId] = key.split("|");
    extras.overrides[`${g("case", caseId!)}|${indicatorId}`] = override;
  }

  // Codings by document, in text order.
  const byDocument = new Map<DocumentId, ProjectState["codings"][keyof ProjectState["codings"]][]>();
  for (const coding of Object.values(state.codings)) {
    const list = byDocument.get(coding.documentId);
    if (list) list.push(coding);
    else byDocument.set(coding.documentId, [coding]);
  }
  const sources: ProjectXml["sources"] = [];
  const documents = Object.values(state.documents);
  let codingCount = 0;
  if (documents.length) {
    parts.push("<Sources>\n");
    for (const doc of documents) {
      const content = contents.get(doc.id)!;
      const guid = keep(g("document", doc.id), doc.id);
      extras.documents[guid] = { kind: doc.kind, sourceName: doc.sourceName, importedAt: doc.importedAt, pageCount: doc.pageCount, blocks: content.blocks, ...(doc.encoding ? { encoding: doc.encoding } : {}), ...(doc.order !== undefined ? { order: doc.order } : {}) };
      const path = `sources/${guid}.txt`;
      sources.push({ path, text: content.text });
      const positions = new TextPositionMap(content.text);
      const selections = (byDocument.get(doc.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end).map((c) => {
        codingCount++;
        const codingGuid = keep(g("coding", c.id), c.id);
        if (c.stance === "contradicts") extras.contradicts.push(codingGuid);
        const user = userGuid.get(c.coder);
        const when = { creatingUser: user, creationDateTime: c.createdAt };
        // The coder and date go on the Coding only (readers take them from there): a tenth less to write and parse.
        const sel = attrs({ guid: g("selection", c.id), name: content.text.slice(c.start, c.end), startPosition: positions.toCodePoints(c.start), endPosition: positions.toCodePoints(c.end) });
        return `<PlainTextSelection${sel}><Coding${attrs({ guid: codingGuid, ...when })}><CodeRef targetGUID="${g("code", c.codeId)}"/></Coding>${noteRef({ kind: "coding", id: c.id })}</PlainTextSelection>`;
      });
      parts.push(`<TextSource${attrs({ guid, name: doc.title, plainTextPath: `internal://${guid}.txt`, creationDateTime: doc.importedAt })}>${selections.join("\n")}${noteRef({ kind: "document", id: doc.id })}${values(doc)}</TextSource>\n`);
    }
    parts.push("</Sources>\n");
  }

  const memos = Object.values(state.memos).filter((m) => m.text.trim());
  if (memos.length) {
    parts.push("<Notes>");
    for (const memo of memos) {
      const key = memoKey(memo.target);
      // The Note holds plain text, for every tool; the formatting travels beside it, for Tandai.
      extras.memos![g("memo", key)] = { content: memo.content, text: memo.text };
      parts.push(`<Note${attrs({ guid: g("memo", key), name: key, creationDateTime: memo.updatedAt })}><PlainTextContent>${esc(memo.text)}</PlainTextContent></Note>\n`);
    }
    parts.push("</Notes>\n");
  }
  const groups = Object.values(state.documentGroups ?? {});
  if (groups.length) {
    parts.push("<Sets>");
    for (const group of groups) parts.push(`<Set${attrs({ guid: created(keep(g("group", group.id), group.id), group.createdAt), name: group.name })}>${group.documentIds.map((d) => `<MemberSource targetGUID="${g("document", d)}"/>`).join("")}</Set>`);
    parts.push("</Sets>\n");
  }
  parts.push(`${noteRef({ kind: "project" })}</Project>\n`);
  return { parts, sources, extras, counts: { sources: documents.length, codes: codes.length, codings: codingCount } };
}
