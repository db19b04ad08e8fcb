/**
 * A quick, zod-free check of a project state read from JSON, so that opening a project (every CLI
 * command, the app's first screen) need not build and run the zod schema of the whole model.
 *
 * It is one-sided by design: `isPlainProjectState(json)` is true only for a value that the zod
 * `ProjectState` schema accepts AND returns unchanged (no unknown key to strip, no string to trim, no
 * default to fill in). Anything else — wrong, unusual or merely old — answers false, and the caller
 * runs the zod schema, which decides and names the first offending field. So a damaged file is refused
 * exactly as before, with the same message, and a valid one opens with the same value.
 * tests/shared/quickCheck.test.ts holds this against the schema on thousands of mutated states.
 */

import { FRAMEWORK_ID_PATTERN, INDICATOR_ID_PATTERN } from "../frameworks/model.js";
import { isId, isIdList, isInt, isNumber, isObject, isOffset, isString, isTrimmed, keys, onlyKeys } from "./plain.js";
import { runSteps, STEP, type Steps } from "./steps.js";

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Each value of a record passes; `__proto__` as a key is left to zod (an assignment would not copy it). */
function everyValue(record: unknown, check: (value: unknown) => boolean): boolean {
  if (!isObject(record) || Object.getPrototypeOf(record) !== Object.prototype) return false;
  for (const key of Object.keys(record)) if (key === "__proto__" || !check(record[key])) return false;
  return true;
}

/** everyValue, yielding every STEP keys: for the maps that grow with the project (codings, memos). */
function* everyValueSteps(record: unknown, check: (value: unknown) => boolean): Steps<boolean> {
  if (!isObject(record) || Object.getPrototypeOf(record) !== Object.prototype) return false;
  const names = Object.keys(record);
  for (let i = 0; i < names.length; i++) {
    const key = names[i]!;
    if (key === "__proto__" || !check(record[key])) return false;
    if ((i + 1) % STEP === 0) yield;
  }
  return true;
}

const isAttributeValues = (v: unknown) => everyValue(v, (x) => (typeof x === "string" && x.length <= 5000) || isNumber(x));

const DOCUMENT = keys("id", "title", "kind", "sourceName", "importedAt", "length", "blockCount", "pageCount", "encoding", "attributes", "order");
const DOCUMENT_KINDS = keys("txt", "md", "docx", "pdf");
function isDocument(d: unknown): boolean {
  return (
    isObject(d) &&
    onlyKeys(d, DOCUMENT) &&
    isId(d.id) &&
    isString(d.title) &&
    d.title.length >= 1 &&
    isString(d.kind) &&
    DOCUMENT_KINDS.has(d.kind) &&
    isString(d.sourceName) &&
    isString(d.importedAt) &&
    isOffset(d.length) &&
    isOffset(d.blockCount) &&
    (d.pageCount === null || isOffset(d.pageCount)) &&
    (!("encoding" in d) || isString(d.encoding)) &&
    (!("attributes" in d) || isAttributeValues(d.attributes)) &&
    (!("order" in d) || isNumber(d.order))
  );
}

const CODE = keys("id", "name", "color", "parentId", "order", "description", "createdAt", "indicatorId", "key", "codable");
const DESCRIPTION = keys("definition", "whenToUse", "whenNotToUse");
function isCode(c: unknown): boolean {
  if (!isObject(c) || !onlyKeys(c, CODE)) return false;
  const d = c.description;
  return (
    isId(c.id) &&
    isString(c.name) &&
    c.name.length >= 1 &&
    c.name.length <= 200 &&
    isString(c.color) &&
    COLOR.test(c.color) &&
    (c.parentId === null || isId(c.parentId)) &&
    isNumber(c.order) &&
    isObject(d) &&
    onlyKeys(d, DESCRIPTION) &&
    isString(d.definition) &&
    isString(d.whenToUse) &&
    isString(d.whenNotToUse) &&
    isString(c.createdAt) &&
    (!("indicatorId" in c) || (isString(c.indicatorId) && INDICATOR_ID_PATTERN.test(c.indicatorId))) &&
    (!("key" in c) || isInt(c.key, 1, 9)) &&
    (!("codable" in c) || c.codable === false)
  );
}

const CODING = keys("id", "documentId", "codeId", "start", "end", "coder", "stance", "createdAt");
/** Whether the schema would take this coding as it is (the store checks a by-document file's codings as it reads them). */
export function isCoding(c: unknown): boolean {
  return (
    isObject(c) &&
    onlyKeys(c, CODING) &&
    isId(c.id) &&
    isId(c.documentId) &&
    isId(c.codeId) &&
    isOffset(c.start) &&
    isOffset(c.end) &&
    isString(c.coder) &&
    (c.stance === "supports" || c.stance === "contradicts") &&
    isString(c.createdAt)
  );
}

const MEMO = keys("target", "content", "text", "updatedAt");
const TARGET_WITH_ID = keys("kind", "id");
const TARGET_PROJECT = keys("kind");
function isMemo(m: unknown): boolean {
  if (!isObject(m) || !onlyKeys(m, MEMO) || !("content" in m) || !isString(m.text) || !isString(m.updatedAt)) return false;
  const t = m.target;
  if (!isObject(t)) return false;
  if (t.kind === "project") return onlyKeys(t, TARGET_PROJECT);
  return (t.kind === "document" || t.kind === "code" || t.kind === "coding") && onlyKeys(t, TARGET_WITH_ID) && isId(t.id);
}

const CASE = keys("id", "name", "documentIds", "createdAt", "attributes");
function isCase(c: unknown): boolean {
  return (
    isObject(c) &&
    onlyKeys(c, CASE) &&
    isId(c.id) &&
    isTrimmed(c.name, 1, 200) &&
    isIdList(c.documentIds) &&
    isString(c.createdAt) &&
    (!("attributes" in c) || isAttributeValues(c.attributes))
  );
}

const GROUP = keys("id", "name", "documentIds", "createdAt");
function isGroup(g: unknown): boolean {
  return isObject(g) && onlyKeys(g, GROUP) && isId(g.id) && isTrimmed(g.name, 1, 200) && isIdList(g.documentIds) && isString(g.createdAt);
}

const ATTRIBUTE = keys("id", "name", "appliesTo", "type", "choices", "role", "createdAt");
const ATTRIBUTE_TYPES = keys("text", "number", "date", "choice");
function isAttribute(a: unknown): boolean {
  return (
    isObject(a) &&
    onlyKeys(a, ATTRIBUTE) &&
    isId(a.id) &&
    isTrimmed(a.name, 1, 200) &&
    (a.appliesTo === "document" || a.appliesTo === "case") &&
    isString(a.type) &&
    ATTRIBUTE_TYPES.has(a.type) &&
    (!("choices" in a) || (Array.isArray(a.choices) && a.choices.length <= 200 && a.choices.every((c) => isTrimmed(c, 1, 200)))) &&
    (!("role" in a) || a.role === "sourceType") &&
    (!("createdAt" in a) || isString(a.createdAt))
  );
}

const OVERRIDE = keys("status", "justification", "at");
function isOverride(o: unknown): boolean {
  return (
    isObject(o) &&
    onlyKeys(o, OVERRIDE) &&
    (o.status === "met" || o.status === "contested" || o.status === "not_met") &&
    isTrimmed(o.justification, 1, 5000) &&
    isString(o.at)
  );
}

const BILINGUAL = keys("en", "id");
const isBilingual = (b: unknown, max: number) => isObject(b) && onlyKeys(b, BILINGUAL) && isTrimmed(b.en, 1, max) && isTrimmed(b.id, 1, max);
const FRAMEWORK = keys("id", "name", "kind", "indicators", "thresholds", "sourceTypes");
const FRAMEWORK_KINDS = keys("assessment", "ordered_assessment", "classification", "exclusive_classification", "inventory");
const INDICATOR = keys("id", "name", "description");
const THRESHOLDS = keys("minCodings", "minDocuments");
function isFramework(f: unknown): boolean {
  if (!isObject(f) || !onlyKeys(f, FRAMEWORK) || !isString(f.id) || !FRAMEWORK_ID_PATTERN.test(f.id) || !isBilingual(f.name, 300)) return false;
  if (!isString(f.kind) || !FRAMEWORK_KINDS.has(f.kind)) return false;
  // Thresholds have defaults: a framework without them (or without one of them) is left to zod.
  const t = f.thresholds;
  if (!isObject(t) || !onlyKeys(t, THRESHOLDS) || !isInt(t.minCodings, 1, 10_000) || !isInt(t.minDocuments, 1, 10_000)) return false;
  if ("sourceTypes" in f && !(Array.isArray(f.sourceTypes) && f.sourceTypes.every((s) => isTrimmed(s, 1, 100)))) return false;
  const indicators = f.indicators;
  if (!Array.isArray(indicators) || indicators.length < 1 || indicators.length > 200) return false;
  const seen = new Set<string>();
  for (const i of indicators) {
    if (!isObject(i) || !onlyKeys(i, INDICATOR) || !isString(i.id) || !INDICATOR_ID_PATTERN.test(i.id) || !isBilingual(i.name, 300)) return false;
    if ("description" in i && !isBilingual(i.description, 2000)) return false;
    // The schema's refinement: an indicator id starts with its framework's id, once per framework.
    if (!i.id.startsWith(`${f.id}.`) || seen.has(i.id)) return false;
    seen.add(i.id);
  }
  return true;
}

const BLOCK = keys("start", "end", "kind", "level", "page");
function isBlock(b: unknown): boolean {
  return (
    isObject(b) &&
    onlyKeys(b, BLOCK) &&
    isOffset(b.start) &&
    isOffset(b.end) &&
    (b.kind === "paragraph" || b.kind === "heading") &&
    (!("level" in b) || isInt(b.level, 1, 6)) &&
    (!("page" in b) || isInt(b.page, 1, Number.MAX_SAFE_INTEGER))
  );
}

const CONTENT = keys("text", "blocks");
/** True only if the zod DocumentContent schema would accept `content` (a document file's JSON) and return it unchanged. */
export function isPlainDocumentContent(content: unknown): boolean {
  return isObject(content) && onlyKeys(content, CONTENT) && isString(content.text) && Array.isArray(content.blocks) && content.blocks.every(isBlock);
}

const ADD_CODING = keys("type", "coding");
const ADD_CODE = keys("type", "code");
/**
 * True only for an `addCoding` or `addCode` (what `tandai code` applies) that its schema would accept
 * and return unchanged; any other operation is left to the schemas.
 */
export function isPlainCodingOperation(op: unknown): boolean {
  if (!isObject(op)) return false;
  if (op.type === "addCoding") return onlyKeys(op, ADD_CODING) && isCoding(op.coding);
  if (op.type === "addCode") return onlyKeys(op, ADD_CODE) && isCode(op.code);
  return false;
}

const STATE = keys("format", "id", "name", "createdAt", "documents", "codes", "codings", "memos", "cases", "frameworks", "overrides", "attributes", "documentGroups");

/** True only if the zod ProjectState schema would accept `state` and return it unchanged. */
export function isPlainProjectState(state: unknown, format: number): boolean {
  return runSteps(plainProjectStateSteps(state, format));
}

/**
 * isPlainProjectState in slices (see steps.ts): the same answer, yielding between slices of the
 * codings and memos, so the backend can check a large snapshot without holding its event loop.
 * `codingsChecked`: every coding passed isCoding already, into the plain record the store read them into.
 */
export function* plainProjectStateSteps(state: unknown, format: number, codingsChecked = false): Steps<boolean> {
  return (
    isObject(state) &&
    onlyKeys(state, STATE) &&
    state.format === format &&
    isId(state.id) &&
    isString(state.name) &&
    state.name.length >= 1 &&
    isString(state.createdAt) &&
    everyValue(state.documents, isDocument) &&
    everyValue(state.codes, isCode) &&
    // Checked already (isCoding), a line at a time, by the store's read of a by-document file.
    (codingsChecked || (yield* everyValueSteps(state.codings, isCoding))) &&
    (yield* everyValueSteps(state.memos, isMemo)) &&
    everyValue(state.cases, isCase) &&
    // Present (a missing one gets its default from zod), as are their values.
    everyValue(state.frameworks, isFramework) &&
    everyValue(state.overrides, isOverride) &&
    everyValue(state.attributes, isAttribute) &&
    everyValue(state.documentGroups, isGroup)
  );
}
