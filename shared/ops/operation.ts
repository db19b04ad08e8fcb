import { z } from "zod";
import { lazySchema } from "../model/lazySchema.js";
import { isPlainCodingOperation } from "../model/quickCheck.js";
import { Framework, FrameworkId, IndicatorId, Override, Thresholds } from "../frameworks/model.js";
import { AttributeId, CaseId, CodeId, CodingId, DocumentGroupId, DocumentId } from "../model/ids.js";
import {
  AttributeChoices,
  AttributeDefinition,
  AttributeName,
  AttributeValue,
  Case,
  Code,
  CodeDescription,
  CodeKey,
  Coding,
  DocumentGroup,
  DocumentMeta,
  MemoTarget,
  Stance,
} from "../model/project.js";

/** What an attribute value is set on. */
export const AttributeValueTarget = lazySchema(() => z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("document"), id: DocumentId }),
  z.object({ kind: z.literal("case"), id: CaseId }),
]));
export type AttributeValueTarget = z.infer<typeof AttributeValueTarget>;

/**
 * Every change to a project is one of these plain values. The renderer, the CLI and the web
 * server build them; `applyOperation` applies them; the journal on disk stores them; undo
 * applies the inverse that applying one yields.
 *
 * Each leaf operation's schema, by its type, is built the first time it is needed (see lazySchema):
 * checking one operation (a `tandai code`) builds its own type's schema, not all forty.
 */
const leafOperations = {
  renameProject: () => z.object({ type: z.literal("renameProject"), name: z.string().trim().min(1).max(200) }),
  addDocument: () => z.object({ type: z.literal("addDocument"), document: DocumentMeta }),
  removeDocument: () => z.object({ type: z.literal("removeDocument"), documentId: DocumentId }),
  renameDocument: () => z.object({ type: z.literal("renameDocument"), documentId: DocumentId, title: z.string().trim().min(1).max(300) }),
  addCode: () => z.object({ type: z.literal("addCode"), code: Code }),
  updateCode: () => z.object({
    type: z.literal("updateCode"),
    codeId: CodeId,
    name: z.string().trim().min(1).max(200).optional(),
    color: Code.shape.color.optional(),
    description: CodeDescription.optional(),
  }),
  moveCode: () => z.object({ type: z.literal("moveCode"), codeId: CodeId, parentId: CodeId.nullable(), order: z.number() }),
  deleteCode: () => z.object({ type: z.literal("deleteCode"), codeId: CodeId }),
  mergeCodes: () => z.object({ type: z.literal("mergeCodes"), sourceId: CodeId, targetId: CodeId }),
  addCoding: () => z.object({ type: z.literal("addCoding"), coding: Coding }),
  removeCoding: () => z.object({ type: z.literal("removeCoding"), codingId: CodingId }),
  setStance: () => z.object({ type: z.literal("setStance"), codingId: CodingId, stance: Stance }),
  recodeCoding: () => z.object({ type: z.literal("recodeCoding"), codingId: CodingId, codeId: CodeId }),
  addCase: () => z.object({ type: z.literal("addCase"), case: Case }),
  renameCase: () => z.object({ type: z.literal("renameCase"), caseId: CaseId, name: Case.shape.name }),
  deleteCase: () => z.object({ type: z.literal("deleteCase"), caseId: CaseId }),
  /** `index` puts the document back where it stood in the case (an undo); otherwise it goes last. */
  assignDocument: () => z.object({ type: z.literal("assignDocument"), caseId: CaseId, documentId: DocumentId, index: z.number().int().nonnegative().optional() }),
  unassignDocument: () => z.object({ type: z.literal("unassignDocument"), caseId: CaseId, documentId: DocumentId }),
  setMemo: () => z.object({
    type: z.literal("setMemo"),
    target: MemoTarget,
    /** Tiptap JSON, or null to delete the memo. */
    content: z.unknown(),
    text: z.string(),
    /** Set when an undo restores a memo, so its date is restored too. */
    updatedAt: z.string().optional(),
  }),
  addFramework: () => z.object({ type: z.literal("addFramework"), framework: Framework }),
  removeFramework: () => z.object({ type: z.literal("removeFramework"), frameworkId: FrameworkId }),
  /** A framework's minimum supporting codings and distinct documents for "met". */
  setThresholds: () => z.object({ type: z.literal("setThresholds"), frameworkId: FrameworkId, thresholds: Thresholds }),
  /** Links a code to a framework indicator, or unlinks it (null). */
  linkCode: () => z.object({ type: z.literal("linkCode"), codeId: CodeId, indicatorId: IndicatorId.nullable() }),
  setOverride: () => z.object({
    type: z.literal("setOverride"),
    caseId: CaseId,
    indicatorId: IndicatorId,
    /** The researcher's status with its justification, or null to return to the computed status. */
    override: Override.nullable(),
    /** Set when an undo restores an override, so its date is restored too. */
    at: z.string().optional(),
  }),
  addAttribute: () => z.object({ type: z.literal("addAttribute"), attribute: AttributeDefinition }),
  updateAttribute: () => z.object({ type: z.literal("updateAttribute"), attributeId: AttributeId, name: AttributeName.optional(), choices: AttributeChoices.optional() }),
  /** Removes the attribute and every value of it; the inverse restores both. */
  removeAttribute: () => z.object({ type: z.literal("removeAttribute"), attributeId: AttributeId }),
  setAttributeValue: () => z.object({
    type: z.literal("setAttributeValue"),
    target: AttributeValueTarget,
    attributeId: AttributeId,
    /** null clears the value. */
    value: AttributeValue.nullable(),
  }),
  /** Which source types (values of the source-type attribute) a framework counts; empty counts all. */
  setFrameworkSourceTypes: () => z.object({ type: z.literal("setFrameworkSourceTypes"), frameworkId: FrameworkId, sourceTypes: z.array(z.string().trim().min(1).max(100)).max(50) }),
  // Document order and groups (shared/ops/families/documentGroups.ts).
  /** Sets documents' positions in the list; null unsets one (it then sorts after, by title). */
  orderDocuments: () => z.object({ type: z.literal("orderDocuments"), orders: z.record(z.string(), z.number().nullable()) }),
  addDocumentGroup: () => z.object({ type: z.literal("addDocumentGroup"), group: DocumentGroup }),
  renameDocumentGroup: () => z.object({ type: z.literal("renameDocumentGroup"), groupId: DocumentGroupId, name: DocumentGroup.shape.name }),
  /** Deletes the group only; its documents stay in the project. */
  deleteDocumentGroup: () => z.object({ type: z.literal("deleteDocumentGroup"), groupId: DocumentGroupId }),
  /** `index` puts the document back where it was (an undo); otherwise it goes last. */
  addToDocumentGroup: () => z.object({ type: z.literal("addToDocumentGroup"), groupId: DocumentGroupId, documentId: DocumentId, index: z.number().int().nonnegative().optional() }),
  removeFromDocumentGroup: () => z.object({ type: z.literal("removeFromDocumentGroup"), groupId: DocumentGroupId, documentId: DocumentId }),
  /** Pins a code to a key 1–9 (taking it from the code that held it), or unpins it (null). */
  setCodeKey: () => z.object({ type: z.literal("setCodeKey"), codeId: CodeId, key: CodeKey.nullable() }),
} as const;

type LeafType = keyof typeof leafOperations;
export type LeafOperation = z.infer<ReturnType<(typeof leafOperations)[LeafType]>>;
export type BatchOperation = { type: "batch"; ops: Operation[] };
export type Operation = LeafOperation | BatchOperation;

// z.lazy for the batch's own operations (the schema refers to itself), inside lazySchema so that not
// even that is built at load.
export const Operation: z.ZodType<Operation> = lazySchema(() => z.lazy(() => {
  type Option = z.ZodObject<{ type: z.ZodLiteral<string> }>;
  const leaves = (Object.keys(leafOperations) as LeafType[]).map((type) => leafSchema(type) as unknown as Option);
  // In the order they were always listed, the batch last.
  const options = [...leaves, z.object({ type: z.literal("batch"), ops: z.array(Operation) }) as unknown as Option];
  return z.discriminatedUnion("type", options as [Option, ...Option[]]);
}) as unknown as z.ZodType<Operation>);

const leafSchemas = new Map<string, z.ZodType>();
/** The schema of one leaf operation type, built once. */
function leafSchema<T extends LeafType>(type: T): ReturnType<(typeof leafOperations)[T]> {
  let schema = leafSchemas.get(type);
  if (!schema) leafSchemas.set(type, (schema = leafOperations[type]()));
  return schema as ReturnType<(typeof leafOperations)[T]>;
}

const BATCH_KEYS = new Set(["type", "ops"]);

/**
 * `Operation.safeParse`, checking a valid operation with its own type's schema only (a batch: each of
 * its operations so): what the union does for a valid one, without building the schemas of the forty
 * other types. Anything the quick way does not pass goes to the union, which decides and says why.
 */
export function safeParseOperation(json: unknown): z.ZodSafeParseResult<Operation> {
  const data = quickParse(json);
  return data ? { success: true, data } : Operation.safeParse(json);
}

function quickParse(json: unknown): Operation | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const { type } = json as { type?: unknown };
  if (type === "batch") {
    for (const key in json) if (!BATCH_KEYS.has(key)) return null;
    const ops = (json as { ops?: unknown }).ops;
    if (!Array.isArray(ops)) return null;
    const parsed: Operation[] = [];
    for (const op of ops) {
      const one = quickParse(op);
      if (!one) return null;
      parsed.push(one);
    }
    return { type: "batch", ops: parsed };
  }
  // What `tandai code` applies, checked without building even its schema (shared/model/quickCheck.ts).
  if (isPlainCodingOperation(json)) return json as Operation;
  if (typeof type !== "string" || !Object.hasOwn(leafOperations, type)) return null;
  const checked = leafSchema(type as LeafType).safeParse(json);
  return checked.success ? (checked.data as Operation) : null;
}

export type OperationType = Operation["type"];
export type OperationOf<T extends OperationType> = Extract<Operation, { type: T }>;

export const batch = (ops: Operation[]): Operation => (ops.length === 1 ? ops[0]! : { type: "batch", ops });
