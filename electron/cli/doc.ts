// Direct imports, not the shared/ barrel, which builds schemas (and so loads zod) as it loads.
import { documentRemovalImpact, findDocumentGroup, groupsOfDocument, sortedDocuments } from "../../shared/documents/documents.js";
import { TandaiError } from "../../shared/errors.js";
import { newDocumentGroupId, type DocumentGroupId } from "../../shared/model/ids.js";
import type { ProjectState } from "../../shared/model/project.js";
import type { Operation } from "../../shared/ops/operation.js";
import { findDocument } from "./code.js";
import { report, type CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";

const SUBCOMMANDS = ["list", "rename", "delete", "group"] as const;

/** `tandai doc list|rename|delete …`: the documents of a project, named by title or id. */
export async function docCommand(ctx: CliContext, [sub, ...rest]: string[], values: CliValues) {
  if (sub === "list") return docList(ctx, rest);
  if (sub === "rename") return docRename(ctx, rest);
  if (sub === "delete") return docDelete(ctx, rest, values);
  if (sub === "group") return docGroup(ctx, rest);
  if (!sub) throw new TandaiError("cli.errors.missingArgument", { command: "doc", argument: SUBCOMMANDS.join("|") });
  throw new TandaiError("cli.errors.unknownSubcommand", { command: "doc", subcommand: sub, valid: SUBCOMMANDS.join(", ") });
}

function codingsOf(state: ProjectState, documentId: string) {
  return Object.values(state.codings).filter((c) => c.documentId === documentId);
}

/** Every document in the app's list order, with what a researcher tells them apart by. */
async function docList(ctx: CliContext, [dirArg]: string[]) {
  const dir = requireDir("doc list", dirArg);
  await withProject(dir, async ({ state }) => {
    const counts = new Map<string, number>();
    for (const coding of Object.values(state.codings)) counts.set(coding.documentId, (counts.get(coding.documentId) ?? 0) + 1);
    const documents = sortedDocuments(state).map((d) => ({
      id: d.id,
      title: d.title,
      type: d.kind,
      characters: d.length,
      codings: counts.get(d.id) ?? 0,
      groups: groupsOfDocument(state, d.id).map((g) => g.name),
    }));
    if (ctx.json) return report(ctx, { documents }, "");
    ctx.print(ctx.t("documents.cli.listHeader", { count: documents.length, project: state.name }));
    for (const d of documents) {
      ctx.print(
        ctx.t("documents.cli.listLine", {
          id: d.id,
          title: d.title,
          kind: d.type,
          characters: ctx.t("documents.cli.characters", { count: d.characters }),
          codings: ctx.t("documents.cli.codings", { count: d.codings }),
          groups: d.groups.join(", ") || ctx.t("documents.cli.none"),
        }),
      );
    }
  });
}

async function docRename(ctx: CliContext, [dirArg, docArg, ...titleWords]: string[]) {
  const dir = requireDir("doc rename", dirArg);
  if (!docArg) throw new TandaiError("cli.errors.missingArgument", { command: "doc rename", argument: "<doc>" });
  const title = titleWords.join(" ").trim();
  if (!title) throw new TandaiError("documents.cli.missingTitle");
  await withProject(dir, async (store) => {
    const doc = findDocument(store.state, docArg);
    const old = doc.title;
    if (old === title) return report(ctx, { documentId: doc.id, title, changed: false }, ctx.t("documents.cli.unchanged", { title }));
    await store.apply({ type: "renameDocument", documentId: doc.id, title });
    report(ctx, { documentId: doc.id, old, title, changed: true }, ctx.t("documents.cli.renamed", { old, title }));
  });
}

/** Without --yes, says what would go and refuses (exit 1); with it, deletes and says what went. */
async function docDelete(ctx: CliContext, [dirArg, docArg]: string[], values: CliValues): Promise<number> {
  const dir = requireDir("doc delete", dirArg);
  if (!docArg) throw new TandaiError("cli.errors.missingArgument", { command: "doc delete", argument: "<doc>" });
  return withProject(dir, async (store) => {
    const doc = findDocument(store.state, docArg);
    const impact = documentRemovalImpact(store.state, doc.id, codingsOf(store.state, doc.id).map((c) => c.id));
    const params = { title: doc.title, codings: ctx.t("documents.cli.codings", { count: impact.codings }), memos: ctx.t("documents.cli.memos", { count: impact.memos }) };
    if (!values.yes) throw new TandaiError("documents.cli.wouldDelete", params);
    await store.apply({ type: "removeDocument", documentId: doc.id });
    report(ctx, { documentId: doc.id, title: doc.title, deleted: true, ...impact }, ctx.t("documents.cli.deleted", params));
    return 0;
  });
}

/** Puts documents into a group, creating the group (by that name) when the project has none of it. */
async function docGroup(ctx: CliContext, [dirArg, nameArg, ...docArgs]: string[]) {
  const dir = requireDir("doc group", dirArg);
  const name = nameArg?.trim();
  if (!name) throw new TandaiError("cli.errors.missingArgument", { command: "doc group", argument: "<group>" });
  if (docArgs.length === 0) throw new TandaiError("cli.errors.missingArgument", { command: "doc group", argument: "<doc>..." });
  await withProject(dir, async (store) => {
    const docs = [...new Map(docArgs.map((d) => findDocument(store.state, d)).map((d) => [d.id, d])).values()];
    const existing = findDocumentGroup(store.state, name);
    const groupId: DocumentGroupId = existing?.id ?? newDocumentGroupId();
    const ops: Operation[] = existing ? [] : [{ type: "addDocumentGroup", group: { id: groupId, name, documentIds: [], createdAt: new Date().toISOString() } }];
    const added = docs.filter((d) => !existing?.documentIds.includes(d.id));
    for (const d of added) ops.push({ type: "addToDocumentGroup", groupId, documentId: d.id });
    if (ops.length) await store.apply({ type: "batch", ops });
    const group = store.state.documentGroups[groupId]!;
    report(
      ctx,
      { groupId, name: group.name, created: !existing, added: added.map((d) => ({ documentId: d.id, title: d.title })), documents: group.documentIds.length },
      existing
        ? ctx.t("documents.cli.grouped", { name: group.name, count: added.length, documents: group.documentIds.length })
        : ctx.t("documents.cli.groupCreated", { name: group.name, count: group.documentIds.length }),
    );
  });
}
