import { handoffState, type ProjectState } from "../../shared/index.js";
import { createProjectWithState } from "../store/index.js";
import { report, type CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";

/** `tandai handoff <dir> <new-dir> [--drop-codings]`: writes the copy for a second coder into a new folder. */
export async function handoffCommand(ctx: CliContext, [dirArg, targetArg]: string[], values: CliValues) {
  const dir = requireDir("handoff", dirArg);
  const target = requireDir("handoff", targetArg);
  await withProject(dir, async (store) => {
    const state = handoffState(store.state, Boolean(values["drop-codings"]));
    const copy = await createProjectWithState(target, state);
    try {
      for (const id of Object.keys(state.documents) as (keyof ProjectState["documents"])[]) await copy.writeDocumentContent(id, await store.readDocumentContent(id));
    } finally {
      await copy.close();
    }
    const counts = { documents: Object.keys(state.documents).length, codes: Object.keys(state.codes).length, codings: Object.keys(state.codings).length };
    report(ctx, { dir: target, ...counts }, ctx.t("agreement.cli.handedOff", { path: target, ...counts }));
  });
}
