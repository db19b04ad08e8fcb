import { basename } from "node:path";
import { assignToCase, TandaiError, toErrorPayload, type ImportOutcome } from "../../shared/index.js";
import { readImportFile } from "../import/index.js";
import { isRefiProjectFile } from "../import/qdpx/index.js";
import { cliBackend } from "./backend.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir } from "./project.js";
import { refiImportCommand } from "./refi.js";
import { warn } from "./warnings.js";

/** Imports each file on its own, in the order given; exits 1 if any failed, after reporting every file. */
export async function importCommand(ctx: CliContext, [dirArg, ...paths]: string[], values: CliValues): Promise<number> {
  const dir = requireDir("import", dirArg);
  if (paths.length === 0) throw new TandaiError("cli.errors.missingArgument", { command: "import", argument: "<file>..." });
  // A REFI-QDA project is one import of its own: read whole, previewed, applied as one batch.
  if (paths.length === 1 && isRefiProjectFile(paths[0]!)) return refiImportCommand(ctx, dir, paths[0]!, values);
  const project = paths.find(isRefiProjectFile);
  if (project) throw new TandaiError("refi.errors.alone", { file: basename(project) });
  // No background search index: this command never searches (see BackendContext.indexInBackground).
  const backend = await cliBackend(undefined, { indexInBackground: false });
  await backend.openProject({ dir });
  const outcomes: ImportOutcome[] = [];
  const casesCreated: string[] = [];
  try {
    for (const path of paths) {
      try {
        const file = { ...(await readImportFile(path)), ...(values.encoding ? { encoding: values.encoding } : {}), ...(values["allow-duplicate"] ? { allowDuplicate: true } : {}) };
        outcomes.push(...(await backend.importFiles({ files: [file] })).outcomes);
      } catch (error) {
        outcomes.push({ file: basename(path), ok: false, error: toErrorPayload(error) });
      }
    }
    const imported = outcomes.flatMap((o) => (o.ok ? [o.documentId] : []));
    for (const name of imported.length ? (values.case ?? []) : []) {
      const { ops, created } = assignToCase(backend.openStore!.state, name, imported, new Date().toISOString());
      if (ops.length) await backend.apply({ op: { type: "batch", ops } });
      if (created) casesCreated.push(name);
    }
  } finally {
    const store = backend.openStore;
    await backend.closeProject();
    if (store) warn(store.warnings);
  }
  const ok = outcomes.filter((o) => o.ok).length;
  const message = (o: ImportOutcome) => (o.ok ? ctx.t("cli.imported", { file: o.file, title: o.title }) : ctx.t("cli.importFailed", { file: o.file, message: ctx.t(o.error.code, o.error.params) }));
  // What the user should know about a file that did import: an assumed encoding, a repaired PDF.
  const notices = (o: ImportOutcome) => (o.ok ? (o.notices ?? []).map((n) => ctx.t(n.code, n.params)) : []);
  if (ctx.json) {
    const described = outcomes.map((o) => ({ ...o, message: message(o), ...(o.ok && o.notices ? { noticeMessages: notices(o) } : {}) }));
    ctx.print(JSON.stringify({ ok: ok === outcomes.length, imported: ok, total: outcomes.length, cases: values.case ?? [], casesCreated, outcomes: described }));
  } else {
    for (const o of outcomes) {
      (o.ok ? ctx.print : ctx.printError)(message(o));
      for (const notice of notices(o)) ctx.printError(notice);
    }
    ctx.print(ctx.t("cli.importSummary", { ok, count: outcomes.length }));
    for (const name of casesCreated) ctx.print(ctx.t("cli.caseCreated", { name }));
    if (ok && values.case?.length) ctx.print(ctx.t("cli.assigned", { count: ok, cases: values.case.join(", ") }));
  }
  return ok === outcomes.length ? 0 : 1;
}

