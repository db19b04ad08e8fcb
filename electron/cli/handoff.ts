import { existsSync } from "node:fs";
import { handoffState, TandaiError, type DocumentContent, type DocumentId, type ProjectState } from "../../shared/index.js";
import { isPackage, readPackage, writePackage } from "../merge/package.js";
import { createProjectWithState } from "../store/index.js";
import { report, type CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";

/** `tandai handoff <dir> <new-dir | file.tandai> [--drop-codings]`: writes the copy for a second coder into a new folder or one package file. */
export async function handoffCommand(ctx: CliContext, [dirArg, targetArg]: string[], values: CliValues) {
  const dir = requireDir("handoff", dirArg);
  const target = requireDir("handoff", targetArg);
  if (isPackage(dir)) return unpack(ctx, dir, target);
  await withProject(dir, async (store) => {
    const state = handoffState(store.state, Boolean(values["drop-codings"]));
    const counts = { documents: Object.keys(state.documents).length, codes: Object.keys(state.codes).length, codings: Object.keys(state.codings).length };
    if (isPackage(target)) {
      if (existsSync(target)) throw new TandaiError("agreement.errors.targetExists", { path: target });
      const contents = new Map<DocumentId, DocumentContent>();
      for (const id of Object.keys(state.documents) as DocumentId[]) contents.set(id, await store.readDocumentContent(id));
      await writePackage(target, state, contents);
      return report(ctx, { dir: target, package: true, ...counts }, ctx.t("agreement.cli.handedOff", { path: target, ...counts }));
    }
    const copy = await createProjectWithState(target, state);
    try {
      for (const id of Object.keys(state.documents) as (keyof ProjectState["documents"])[]) await copy.writeDocumentContent(id, await store.readDocumentContent(id));
    } finally {
      await copy.close();
    }
    report(ctx, { dir: target, ...counts }, ctx.t("agreement.cli.handedOff", { path: target, ...counts }));
  });
}

/** A package received (`tandai handoff copy.tandai <new-dir>`): unpacked into a project folder to code in. */
async function unpack(ctx: CliContext, file: string, target: string) {
  const { state, contents } = await readPackage(file);
  const copy = await createProjectWithState(target, state);
  try {
    for (const [id, content] of contents) await copy.writeDocumentContent(id, content);
  } finally {
    await copy.close();
  }
  const counts = { documents: Object.keys(state.documents).length, codes: Object.keys(state.codes).length, codings: Object.keys(state.codings).length };
  report(ctx, { dir: target, ...counts }, ctx.t("agreement.cli.handedOff", { path: target, ...counts }));
}
