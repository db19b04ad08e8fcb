import { TandaiError } from "../errors.js";
import type { DocumentMeta, ProjectState } from "../model/project.js";

/** A document named by id, exact title, or title in any case; an error when none or several match. */
export function findDocument(state: ProjectState, titleOrId: string): DocumentMeta {
  const docs = Object.values(state.documents);
  const byId = docs.find((d) => d.id === titleOrId);
  if (byId) return byId;
  const exact = docs.filter((d) => d.title === titleOrId);
  const matches = exact.length ? exact : docs.filter((d) => d.title.toLocaleLowerCase() === titleOrId.toLocaleLowerCase());
  if (matches.length === 0) throw new TandaiError("cli.errors.noDocument", { document: titleOrId });
  if (matches.length > 1) throw new TandaiError("cli.errors.ambiguousDocument", { document: titleOrId, count: matches.length });
  return matches[0]!;
}
