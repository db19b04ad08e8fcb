// Direct imports, not the shared/ barrel: `tandai search` runs from the CLI's first bundle
// (electron/cli/here.ts), where the barrel would bring every module of shared/ along.
import { findCase } from "../../shared/cases/cases.js";
import { TandaiError } from "../../shared/errors.js";
import { countWords } from "../../shared/i18n/counts.js";
import type { ProjectState } from "../../shared/model/project.js";
import { SEARCH_SORTS, searchRequestFrom, type SearchHit, type SearchRequest } from "../../shared/search/model.js";
import { SearchService } from "../search/service.js";
import { findDocument } from "./code.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";
import { existingCode, groupsByNames } from "./resolve.js";

export function requireQuery(command: string, query: string | undefined): string {
  if (query === undefined) throw new TandaiError("search.errors.missingQuery", { command });
  return query;
}

export function oneOf<T extends string>(option: string, value: string, valid: readonly T[]): T {
  if (!(valid as readonly string[]).includes(value)) throw new TandaiError(option === "--unit" ? "search.errors.badUnit" : "search.errors.badSort", { value, valid: valid.join(", ") });
  return value as T;
}

/** The search request the options describe: scope by --doc, --case, --group, --within (codes), --uncoded, --speaker. */
export function searchRequestOf(state: ProjectState, query: string, values: CliValues): SearchRequest {
  const caseIds = (values.case ?? []).map((name) => {
    const found = findCase(state, name);
    if (!found) throw new TandaiError("cli.errors.noCase", { name, valid: Object.values(state.cases).map((c) => c.name).join(", ") || "–" });
    return found.id;
  });
  const limit = values.limit === undefined ? 1_000_000 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new TandaiError("cli.errors.badChoice", { option: "--limit", valid: "1, 2, 3, …", value: values.limit ?? "" });
  return searchRequestFrom({
    query,
    options: { stem: !values["no-stem"], regex: Boolean(values.regex), matchCase: Boolean(values["match-case"]) },
    scope: {
      documentIds: (values.doc ?? []).map((d) => findDocument(state, d).id),
      caseIds,
      groupIds: groupsByNames(state, values.group),
      codeIds: (values.within ?? []).map((c) => existingCode(state, c)),
      uncoded: Boolean(values.uncoded),
      ...(values.speaker ? { speaker: values.speaker } : {}),
    },
    sort: oneOf("--sort", values.sort ?? "document", SEARCH_SORTS),
    limit,
  });
}

const location = (ctx: CliContext, hit: SearchHit) =>
  hit.location.page ? ctx.t("search.panel.locationPage", { page: hit.location.page, paragraph: hit.location.paragraph }) : ctx.t("search.panel.location", { paragraph: hit.location.paragraph });

/** `tandai search <dir> "<query>"`: every hit as keyword-in-context, or {total, hits} with --json. */
export async function searchCommand(ctx: CliContext, [dirArg, queryArg]: string[], values: CliValues) {
  const dir = requireDir("search", dirArg);
  const query = requireQuery("search", queryArg);
  // Read only: the project's store and the search index over it, without the app's whole backend.
  await withProject(dir, async (store) => {
    const search = new SearchService(store);
    const result = await search.search(searchRequestOf(store.state, query, values)).finally(() => search.close());
    if (ctx.json) {
      const hits = result.hits.map(({ documentId, document, start, end, text, before, after, location, speaker, codeIds }) => ({ documentId, document, start, end, text, before, after, location, speaker, codeIds }));
      return ctx.print(JSON.stringify({ ok: true, total: result.total, documents: result.documents, perDocument: result.perDocument, ...(result.truncated ? { truncated: true } : {}), hits }));
    }
    for (const hit of result.hits) ctx.print(ctx.t("search.cli.hit", { document: hit.document, location: location(ctx, hit), before: hit.before, text: hit.text, after: hit.after }));
    ctx.print(ctx.t("search.cli.total", countWords(ctx.t, { hits: result.total, documents: result.documents })));
  });
}
