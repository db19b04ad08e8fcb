import { z } from "zod";
import { lazySchema } from "../model/lazySchema.js";
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
 */
/** Built on first use (see lazySchema): a list of every leaf operation's schema. */
const leafOperations = () =>
  [
  z.object({ type: z.literal("renameProject"), name: z.string().trim().min(1).max(200) }),
  z.object({ type: z.literal("addDocument"), document: DocumentMeta }),
  z.object({ type: z.literal("removeDocument"), documentId: DocumentId }),
  z.object({ type: z.literal("renameDocument"), documentId: DocumentId, title: z.string().trim().min(1).max(300) }),
  z.object({ type: z.literal("addCode"), code: Code }),
  z.object({
    type: z.literal("updateCode"),
    codeId: CodeId,
    name: z.string().trim().min(1).max(200).optional(),
    color: Code.shape.color.optional(),
    description: CodeDescription.optional(),
  }),
  z.object({ type: z.literal("moveCode"), codeId: CodeId, parentId: CodeId.nullable(), order: z.number() }),
  z.object({ type: z.literal("deleteCode"), codeId: CodeId }),
  z.object({ type: z.literal("mergeCodes"), sourceId: CodeId, targetId: CodeId }),
  z.object({ type: z.literal("addCoding"), coding: Coding }),
  z.object({ type: z.literal("removeCoding"), codingId: CodingId }),
  z.object({ type: z.literal("setStance"), codingId: CodingId, stance: Stance }),
  z.object({ type: z.literal("recodeCoding"), codingId: CodingId, codeId: CodeId }),
  z.object({ type: z.literal("addCase"), case: Case }),
  z.object({ type: z.literal("renameCase"), caseId: CaseId, name: Case.shape.name }),
  z.object({ type: z.literal("deleteCase"), caseId: CaseId }),
  /** `index` puts the document back where it stood in the case (an undo); otherwise it goes last. */
  z.object({ type: z.literal("assignDocument"), caseId: CaseId, documentId: DocumentId, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal("unassignDocument"), caseId: CaseId, documentId: DocumentId }),
  z.object({
    type: z.literal("setMemo"),
    target: MemoTarget,
    /** Tiptap JSON, or null to delete the memo. */
    content: z.unknown(),
    text: z.string(),
    /** Set when an undo restores a memo, so its date is restored too. */
    updatedAt: z.string().optional(),
  }),
  z.object({ type: z.literal("addFramework"), framework: Framework }),
  z.object({ type: z.literal("removeFramework"), frameworkId: FrameworkId }),
  /** A framework's minimum supporting codings and distinct documents for "met". */
  z.object({ type: z.literal("setThresholds"), frameworkId: FrameworkId, thresholds: Thresholds }),
  /** Links a code to a framework indicator, or unlinks it (null). */
  z.object({ type: z.literal("linkCode"), codeId: CodeId, indicatorId: IndicatorId.nullable() }),
  z.object({
    type: z.literal("setOverride"),
    caseId: CaseId,
    indicatorId: IndicatorId,
    /** The researcher's status with its justification, or null to return to the computed status. */
    override: Override.nullable(),
    /** Set when an undo restores an override, so its date is restored too. */
    at: z.string().optional(),
  }),
  z.object({ type: z.literal("addAttribute"), attribute: AttributeDefinition }),
  z.object({ type: z.literal("updateAttribute"), attributeId: AttributeId, name: AttributeName.optional(), choices: AttributeChoices.optional() }),
  /** Removes the attribute and every value of it; the inverse restores both. */
  z.object({ type: z.literal("removeAttribute"), attributeId: AttributeId }),
  z.object({
    type: z.literal("setAttributeValue"),
    target: AttributeValueTarget,
    attributeId: AttributeId,
    /** null clears the value. */
    value: AttributeValue.nullable(),
  }),
  /** Which source types (values of the source-type attribute) a framework counts; empty counts all. */
  z.object({ type: z.literal("setFrameworkSourceTypes"), frameworkId: FrameworkId, sourceTypes: z.array(z.string().trim().min(1).max(100)).max(50) }),
  // Document order and groups (shared/ops/documentGroups.ts).
  /** Sets documents' positions in the list; null unsets one (it then sorts after, by title). */
  z.object({ type: z.literal("orderDocuments"), orders: z.record(z.string(), z.number().nullable()) }),
  z.object({ type: z.literal("addDocumentGroup"), group: DocumentGroup }),
  z.object({ type: z.literal("renameDocumentGroup"), groupId: DocumentGroupId, name: DocumentGroup.shape.name }),
  /** Deletes the group only; its documents stay in the project. */
  z.object({ type: z.literal("deleteDocumentGroup"), groupId: DocumentGroupId }),
  /** `index` puts the document back where it was (an undo); otherwise it goes last. */
  z.object({ type: z.literal("addToDocumentGroup"), groupId: DocumentGroupId, documentId: DocumentId, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal("removeFromDocumentGroup"), groupId: DocumentGroupId, documentId: DocumentId }),
  /** Pins a code to a key 1–9 (taking it from the code that held it), or unpins it (null). */
  z.object({ type: z.literal("setCodeKey"), codeId: CodeId, key: CodeKey.nullable() }),
  ] as const;

export type LeafOperation = z.infer<ReturnType<typeof leafOperations>[number]>;
export type BatchOperation = { type: "batch"; ops: Operation[] };
export type Operation = LeafOperation | BatchOperation;

export const Operation: z.ZodType<Operation> = z.lazy(() =>
  z.discriminatedUnion("type", [
    ...leafOperations(),
    z.object({ type: z.literal("batch"), ops: z.array(Operation) }),
  ]),
);

export type OperationType = Operation["type"];
export type OperationOf<T extends OperationType> = Extract<Operation, { type: T }>;

export const batch = (ops: Operation[]): Operation => (ops.length === 1 ? ops[0]! : { type: "batch", ops });
