// Direct imports, not the shared/ barrel, which builds schemas (and so loads zod) as it loads.
import { assignToCase, findCase } from "../../shared/cases/cases.js";
import { TandaiError } from "../../shared/errors.js";
import { findDocument } from "./code.js";
import { report, type CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";

/** `tandai case add …` */
export async function caseCommand(ctx: CliContext, [sub, ...rest]: string[], values: CliValues) {
  if (sub === "add") return caseAdd(ctx, rest, values);
  if (!sub) throw new TandaiError("cli.errors.missingArgument", { command: "case", argument: "add" });
  throw new TandaiError("cli.errors.unknownSubcommand", { command: "case", subcommand: sub, valid: "add" });
}

/** Creates the case, or reuses the one of that name (case- and accent-insensitive), and assigns the --doc documents. */
async function caseAdd(ctx: CliContext, [dirArg, nameArg]: string[], values: CliValues) {
  const dir = requireDir("case add", dirArg);
  const name = nameArg?.trim();
  if (!name) throw new TandaiError("cli.errors.missingArgument", { command: "case add", argument: "<name>" });
  await withProject(dir, async (store) => {
    const docs = [...new Map((values.doc ?? []).map((d) => findDocument(store.state, d)).map((d) => [d.id, d])).values()];
    const before = findCase(store.state, name);
    const { ops, created } = assignToCase(store.state, name, docs.map((d) => d.id), new Date().toISOString());
    if (ops.length) await store.apply({ type: "batch", ops });
    const found = findCase(store.state, name)!;
    const assigned = docs.filter((d) => !before?.documentIds.includes(d.id));
    if (!ctx.json) {
      ctx.print(ctx.t(created ? "cli.caseCreated" : "cli.caseExists", { name: found.name }));
      for (const d of assigned) ctx.print(ctx.t("cli.caseAssigned", { document: d.title, name: found.name }));
      for (const d of docs.filter((d) => !assigned.includes(d))) ctx.print(ctx.t("cli.caseAlreadyAssigned", { document: d.title, name: found.name }));
      return;
    }
    report(
      ctx,
      {
        caseId: found.id,
        name: found.name,
        created,
        assigned: assigned.map((d) => ({ documentId: d.id, title: d.title })),
        alreadyAssigned: docs.filter((d) => !assigned.includes(d)).map((d) => ({ documentId: d.id, title: d.title })),
        documents: found.documentIds.length,
      },
      "",
    );
  });
}
