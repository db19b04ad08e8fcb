import { z } from "zod";
import { lazySchema } from "../model/lazySchema.js";
import { CodeId, DocumentId } from "../model/ids.js";
import { AGREEMENT_UNITS } from "./units.js";

/** An agreement report request as it crosses the wire (the `agreement` channel). */
export const AgreementRequestSchema = lazySchema(() => z
  .object({
    coders: z.array(z.string().max(100)).min(2).max(20),
    unit: z.enum(AGREEMENT_UNITS),
    codeIds: z.array(CodeId).max(10_000),
    categories: CodeId.nullable(),
    documentIds: z.array(DocumentId).max(10_000),
    excludeUncoded: z.boolean(),
  })
  .strict());
