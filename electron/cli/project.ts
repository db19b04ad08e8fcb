import { resolve } from "node:path";
import { basename } from "node:path";
import { TandaiError } from "../../shared/index.js";
import { Backend } from "../backend/backend.js";
import { defaultLocations } from "../backend/context.js";
import { readImportFile } from "../import/index.js";
import { createProject, openProject, type DiskProjectStore } from "../store/index.js";
import type { CliValues } from "./main.js";
import { report, type CliContext } from "./context.js";
import { VERSION } from "./version.js";

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
  }
}

/** A backend over an already opened CLI context, for commands that reuse its operations. */
export async function cliBackend(): Promise<Backend> {
  return new Backend({ ...defaultLocations(), version: VERSION, transport: "web", systemLocale: process.env.LANG }).init();
}

export async function newCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  const dir = requireDir("new", dirArg);
  const name = values.name?.trim() || basename(dir);
  const store = await createProject(dir, name);
  await store.close();
  report(ctx, { dir, name, id: store.state.id }, ctx.t("cli.created", { name, dir }));
}

export async function importCommand(ctx: CliContext, [dirArg, ...files]: string[], values: CliValues) {
  const dir = requireDir("import", dirArg);
  if (files.length === 0) throw new TandaiError("cli.errors.missingArgument", { command: "import", argument: "<file>..." });
  const backend = await cliBackend();
  await backend.openProject({ dir });
  try {
    const loaded: { name: string; data: Uint8Array }[] = [];
    const outcomes = [];
    for (const path of files) {
      try {
        loaded.push(await readImportFile(path));
      } catch (error) {
        outcomes.push({ file: basename(path), ok: false as const, error: error as TandaiError });
      }
    }
    const result = loaded.length ? (await backend.importFiles({ files: loaded })).outcomes : [];
    const all = [
      ...result,
      ...outcomes.map((o) => ({ file: o.file, ok: false as const, error: { code: o.error.code ?? "errors.unexpected", params: o.error.params ?? {} } })),
    ];
    const ok = all.filter((o) => o.ok).length;
    if (ctx.json) {
      ctx.print(JSON.stringify({ ok: ok === all.length, imported: ok, total: all.length, outcomes: all.map((o) => (o.ok ? o : { ...o, message: ctx.t(o.error.code, o.error.params) })) }));
    } else {
      for (const o of all) ctx.print(o.ok ? ctx.t("cli.imported", { file: o.file, title: o.title }) : ctx.t("cli.importFailed", { file: o.file, message: ctx.t(o.error.code, o.error.params) }));
      ctx.print(ctx.t("cli.importSummary", { ok, total: all.length }));
      if (values.case?.length) ctx.print(ctx.t("cli.caseNotYet"));
    }
    if (ok < all.length) throw new TandaiError("cli.errors.someImportsFailed", { failed: all.length - ok, total: all.length });
  } finally {
    await backend.closeProject();
  }
}

export async function infoCommand(ctx: CliContext, [dirArg]: string[]) {
  const dir = requireDir("info", dirArg);
  await withProject(dir, async ({ state }) => {
    const counts = {
      documents: Object.keys(state.documents).length,
      codes: Object.keys(state.codes).length,
      codings: Object.keys(state.codings).length,
    };
    report(ctx, { dir, id: state.id, name: state.name, ...counts }, ctx.t("cli.info", { name: state.name, ...counts }));
  });
}
