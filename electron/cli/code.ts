import {
  codePath,
  formatCodePath,
  findQuote,
  frameworkOf,
  IndicatorId,
  newCodingId,
  offset,
  PATH_SEPARATOR,
  resolveCodePath,
  Stance,
  TandaiError,
  templateFramework,
  type CodeId,
  type DocumentMeta,
  type ProjectState,
} from "../../shared/index.js";
import { report, type CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { cliCoderName } from "./coderName.js";
import { requireDir, withProject } from "./project.js";

export function findDocument(state: ProjectState, titleOrId: string): DocumentMeta {
  const docs = Object.values(state.documents);
  const byId = docs.find((d) => d.id === titleOrId);
  if (byId) return byId;
  const exact = docs.filter((d) => d.title === titleOrId);
  const matches = exact.length ? exact : docs.filter((d) => d.title.toLocaleLowerCase() === titleOrId.toLocaleLowerCase());
  if (matches.length === 0) throw new TandaiError("cli.errors.noDocument", { document: titleOrId });
  if (matches.length > 1) throw new TandaiError("cli.errors.ambiguousDocument", { document: titleOrId, count: matches.length });
  return matches[0]!;
}

/**
 * An indicator id given as `--code` (`keating.economic`): the code linked to it. Undefined when the
 * text is not an indicator id of a framework the project has or Tandai ships, so it is a code path.
 */
export function resolveIndicatorCode(state: ProjectState, text: string): CodeId | undefined {
  if (!IndicatorId.safeParse(text).success) return undefined;
  const frameworkId = frameworkOf(text);
  const framework = state.frameworks[frameworkId] ?? templateFramework(frameworkId);
  if (!framework) return undefined;
  const indicator = framework.indicators.find((i) => i.id === text);
  if (!indicator) {
    throw new TandaiError("cli.errors.unknownIndicator", { indicator: text, framework: frameworkId, valid: framework.indicators.map((i) => i.id).join(", ") });
  }
  const linked = Object.values(state.codes).filter((c) => c.indicatorId === text);
  if (linked.length === 0) throw new TandaiError("cli.errors.noLinkedCode", { indicator: text, framework: frameworkId });
  if (linked.length > 1) {
    throw new TandaiError("cli.errors.ambiguousIndicator", { indicator: text, codes: linked.map((c) => `“${formatCodePath(codePath(state, c.id), PATH_SEPARATOR)}”`).join(", ") });
  }
  return linked[0]!.id;
}

export async function codeCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  const dir = requireDir("code", dirArg);
  for (const option of ["doc", "quote", "code"] as const) {
    if (!values[option]?.length) throw new TandaiError("cli.errors.missingArgument", { command: "code", argument: `--${option}` });
  }
  const stance = Stance.safeParse(values.stance ?? "supports");
  if (!stance.success) throw new TandaiError("cli.errors.badStance", { value: values.stance ?? "" });
  if (values.doc!.length > 1) throw new TandaiError("cli.errors.oneOption", { command: "code", option: "--doc" });
  const occurrence = Number(values.occurrence ?? "1");
  if (!Number.isInteger(occurrence) || occurrence < 1) throw new TandaiError("cli.errors.badOccurrence", { value: values.occurrence ?? "" });

  const coder = values.coder ?? (await cliCoderName());
  await withProject(dir, async (store) => {
    const doc = findDocument(store.state, values.doc![0]!);
    const { start, end } = findQuote((await store.readDocumentContent(doc.id)).text, values.quote!, occurrence, doc.title);
    const now = new Date().toISOString();
    const linked = resolveIndicatorCode(store.state, values.code!);
    const { codeId, create, created } = linked ? { codeId: linked, create: [], created: [] } : resolveCodePath(store.state, values.code!, now);
    const coding = { id: newCodingId(), documentId: doc.id, codeId, start: offset(start), end: offset(end), coder, stance: stance.data, createdAt: now };
    await store.apply({ type: "batch", ops: [...create, { type: "addCoding", coding }] });
    const code = formatCodePath(codePath(store.state, codeId), PATH_SEPARATOR);
    if (!ctx.json) for (const name of created) ctx.print(ctx.t("cli.codeCreated", { code: name }));
    report(ctx, { codingId: coding.id, documentId: doc.id, codeId, code, createdCodes: created, start, end, stance: stance.data, coder }, ctx.t("cli.coded", { quote: values.quote!, document: doc.title, code, stance: stance.data }));
  });
}
