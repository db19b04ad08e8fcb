import { basename, resolve } from "node:path";
import { userInfo } from "node:os";
import { assignToCase, TandaiError, toErrorPayload, type ImportOutcome } from "../../shared/index.js";
import { Backend } from "../backend/backend.js";
import { defaultLocations } from "../backend/context.js";
import { readImportFile } from "../import/index.js";
import { isRefiProjectFile } from "../import/qdpx/index.js";
import { refiImportCommand } from "./refi.js";
import { createProject, openProject, type DiskProjectStore } from "../store/index.js";
import type { CliValues } from "./main.js";
import { report, type CliContext } from "./context.js";
import { VERSION } from "./version.js";
import { warn } from "./warnings.js";

export function requireDir(command: string, dir: string | undefined): string {
  if (!dir) throw new TandaiError("cli.errors.missingArgument", { command, argument: "<dir>" });
  return resolve(dir);
}

/** Opens the project, runs `work`, and always closes it (folding the journal, releasing the lock). */
export async function withProject<T>(dir: string, work: (store: DiskProjectStore) => Promise<T>): Promise<T> {
  const store = await openProject(dir);
  try {
    return await work(store);
  } finally {
    await store.close();
    warn(store.warnings);
  }
}

/** The same backend the app uses, with the CLI user's home folder and preferences. */
export async function cliBackend(exportWorker?: URL): Promise<Backend> {
  // dist/cli.js parses imports on the worker bundled beside the app's main process (when run from
  // the source tree there is none, and imports run in-process).
  const importWorker = new URL("./electron/importWorker.mjs", import.meta.url);
  return new Backend({ ...defaultLocations(), version: VERSION, transport: "web", systemLocale: process.env.LC_ALL || process.env.LANG, userName: userInfo().username, exportWorker, importWorker }).init();
}

export async function newCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  const dir = requireDir("new", dirArg);
  const name = values.name?.trim() || basename(dir);
  const store = await createProject(dir, name);
  await store.close();
  report(ctx, { dir, name, id: store.state.id }, ctx.t("cli.created", { name, dir }));
}

/** Imports each file on its own, in the order given; exits 1 if any failed, after reporting every file. */
export async function importCommand(ctx: CliContext, [dirArg, ...paths]: string[], values: CliValues): Promise<number> {
  const dir = requireDir("import", dirArg);
  if (paths.length === 0) throw new TandaiError("cli.errors.missingArgument", { command: "import", argument: "<file>..." });
  // A REFI-QDA project is one import of its own: read whole, previewed, applied as one batch.
  if (paths.length === 1 && isRefiProjectFile(paths[0]!)) return refiImportCommand(ctx, dir, paths[0]!, values);
  const project = paths.find(isRefiProjectFile);
  if (project) throw new TandaiError("refi.errors.alone", { file: basename(project) });
  const backend = await cliBackend();
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
    ctx.print(ctx.t("cli.importSummary", { ok, total: outcomes.length }));
    for (const name of casesCreated) ctx.print(ctx.t("cli.caseCreated", { name }));
    if (ok && values.case?.length) ctx.print(ctx.t("cli.assigned", { count: ok, cases: values.case.join(", ") }));
  }
  return ok === outcomes.length ? 0 : 1;
}

export async function infoCommand(ctx: CliContext, [dirArg]: string[]) {
  const dir = requireDir("info", dirArg);
  await withProject(dir, async ({ state }) => {
    const counts = {
      documents: Object.keys(state.documents).length,
      codes: Object.keys(state.codes).length,
      codings: Object.keys(state.codings).length,
      cases: Object.keys(state.cases).length,
    };
    report(ctx, { dir, id: state.id, name: state.name, ...counts }, ctx.t("cli.info", { name: state.name, ...counts }));
  });
}
