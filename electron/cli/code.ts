// Direct imports, not the shared/ barrel: this command's start-up should load only what it uses.
import { codePath, formatCodePath, PATH_SEPARATOR } from "../../shared/codebook/tree.js";
import { resolveCodePath } from "../../shared/codebook/resolvePath.js";
import { TandaiError } from "../../shared/errors.js";
import { newCodingId, offset } from "../../shared/model/ids.js";
import { STANCES, type Stance } from "../../shared/model/project.js";
import { findQuote } from "../../shared/text/quote.js";
import { resolveIndicatorCode } from "../../shared/codebook/indicatorCode.js";
import { findDocument } from "../../shared/documents/findDocument.js";
import { report, type CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { cliCoderName } from "./coderName.js";
import { requireDir, withProject } from "./project.js";

// Re-exported for the other commands that name documents and codes the same way.
export { findDocument, resolveIndicatorCode };

const isStance = (value: string): value is Stance => (STANCES as readonly string[]).includes(value);

export async function codeCommand(ctx: CliContext, [dirArg]: string[], values: CliValues): Promise<number | void> {
  const dir = requireDir("code", dirArg);
  if (values.from !== undefined) return (await import("./codeFrom.js")).codeFromCommand(ctx, dir, values);
  for (const option of ["doc", "quote", "code"] as const) {
    if (!values[option]?.length) throw new TandaiError("cli.errors.missingArgument", { command: "code", argument: `--${option}` });
  }
  // The stance's values, not its zod schema: a plain `tandai code` then loads no zod (issue 13).
  const stance = values.stance ?? "supports";
  if (!isStance(stance)) throw new TandaiError("cli.errors.badStance", { value: values.stance ?? "" });
  if (values.doc!.length > 1) throw new TandaiError("cli.errors.oneOption", { command: "code", option: "--doc" });
  const occurrence = Number(values.occurrence ?? "1");
  if (!Number.isInteger(occurrence) || occurrence < 1) throw new TandaiError("cli.errors.badOccurrence", { value: values.occurrence ?? "" });

  // The coder's name is read from the preferences while the project opens (both wait on the disk).
  const coderName = values.coder !== undefined ? Promise.resolve(values.coder) : cliCoderName();
  coderName.catch(() => undefined); // awaited below; if the open fails first, its error is the one told
  await withProject(dir, async (store) => {
    const coder = await coderName;
    const doc = findDocument(store.state, values.doc![0]!);
    const { start, end } = findQuote((await store.readDocumentContent(doc.id)).text, values.quote!, occurrence, doc.title);
    const now = new Date().toISOString();
    const linked = resolveIndicatorCode(store.state, values.code!);
    const { codeId, create, created } = linked ? { codeId: linked, create: [], created: [] } : resolveCodePath(store.state, values.code!, now);
    const coding = { id: newCodingId(), documentId: doc.id, codeId, start: offset(start), end: offset(end), coder, stance, createdAt: now };
    await store.apply({ type: "batch", ops: [...create, { type: "addCoding", coding }] });
    const code = formatCodePath(codePath(store.state, codeId), PATH_SEPARATOR);
    if (!ctx.json) for (const name of created) ctx.print(ctx.t("cli.codeCreated", { code: name }));
    report(ctx, { codingId: coding.id, documentId: doc.id, codeId, code, createdCodes: created, start, end, stance, coder }, ctx.t("cli.coded", { quote: values.quote!, document: doc.title, code, stance }));
  });
}
