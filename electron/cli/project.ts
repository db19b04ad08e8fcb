import { basename, resolve } from "node:path";
import { TandaiError } from "../../shared/errors.js";
import { countWords } from "../../shared/i18n/counts.js";
import { createProject, openProject, type DiskProjectStore } from "../store/index.js";
import type { CliValues } from "./main.js";
import { report, type CliContext } from "./context.js";
import { warn } from "./warnings.js";

export function requireDir(command: string, dir: string | undefined): string {
  if (!dir) throw new TandaiError("cli.errors.missingArgument", { command, argument: "<dir>" });
  return resolve(dir);
}

/**
 * Opens the project, runs `work`, and always closes it (releasing the lock). A one-shot command
 * leaves a short journal as it is (StoreOptions.keepShortJournal): its lines are durable, the next
 * open replays them, and the fold into project.json is paid once per 200 commands, not by each.
 */
export async function withProject<T>(dir: string, work: (store: DiskProjectStore) => Promise<T>): Promise<T> {
  const store = await openProject(dir, { keepShortJournal: true });
  try {
    return await work(store);
  } finally {
    await store.close();
    warn(store.warnings);
  }
}

export async function newCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  const dir = requireDir("new", dirArg);
  const name = values.name?.trim() || basename(dir);
  const store = await createProject(dir, name);
  await store.close();
  report(ctx, { dir, name, id: store.state.id }, ctx.t("cli.created", { name, dir }));
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
    report(ctx, { dir, id: state.id, name: state.name, ...counts }, ctx.t("cli.info", { name: state.name, ...countWords(ctx.t, counts) }));
  });
}
