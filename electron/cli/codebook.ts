import { findIndicator, importCodebookOps, TandaiError } from "../../shared/index.js";
import { readCodebook } from "../import/codebook.js";
import { readImportFile } from "../import/index.js";
import type { CliContext } from "./context.js";
import { requireDir, withProject } from "./project.js";

/** `tandai codebook import …` */
export async function codebookCommand(ctx: CliContext, [sub, ...rest]: string[]) {
  if (sub === "import") return codebookImport(ctx, rest);
  if (!sub) throw new TandaiError("cli.errors.missingArgument", { command: "codebook", argument: "import" });
  throw new TandaiError("cli.errors.unknownSubcommand", { command: "codebook", subcommand: sub, valid: "import" });
}

/**
 * `tandai codebook import <dir> <file.qdc>`: adds a REFI-QDA codebook's codes (merged into codes of
 * the same path) in one operation, linking codes named like an indicator of the project's frameworks.
 */
async function codebookImport(ctx: CliContext, [dirArg, path]: string[]) {
  const dir = requireDir("codebook import", dirArg);
  if (!path) throw new TandaiError("cli.errors.missingArgument", { command: "codebook import", argument: "<file.qdc>" });
  // The file is read and parsed before the project is opened, so a bad file changes nothing.
  const file = await readImportFile(path);
  const { codes: tree, namespace } = readCodebook(file.name, file.data);
  await withProject(dir, async (store) => {
    const { ops, summary } = importCodebookOps(store.state, tree, new Date().toISOString());
    if (ops.length) await store.apply({ type: "batch", ops });
    const linked = summary.linked.map((l) => ({ ...l, indicator: findIndicator(store.state.frameworks, l.indicatorId)?.name ?? null }));
    if (ctx.json) return ctx.print(JSON.stringify({ ok: true, file: file.name, namespace, changed: ops.length > 0, ...summary, linked }));
    ctx.print(ctx.t("cli.codebookImported", { file: file.name, created: ctx.t("count.created", { count: summary.created }), merged: summary.merged, linked: summary.linked.length }));
    ctx.print(ctx.t("refi.codebookNamespace", { namespace: namespace || "—" }));
    for (const l of linked) ctx.print(ctx.t("cli.codebookLinked", { code: l.code, indicator: l.indicatorId, name: l.indicator?.[ctx.language] ?? l.indicatorId }));
  });
}
