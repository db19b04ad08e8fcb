// Direct imports, not the shared/ barrel: `tandai search` runs from the CLI's first bundle
// (electron/cli/here.ts), where the barrel would bring every module of shared/ along.
import { codePath, PATH_SEPARATOR } from "../../shared/codebook/tree.js";
import { resolveCodePath } from "../../shared/codebook/resolvePath.js";
import { TandaiError } from "../../shared/errors.js";
import type { CodeId, DocumentId } from "../../shared/model/ids.js";
import type { DocumentContent, ProjectState } from "../../shared/model/project.js";
import type { Operation } from "../../shared/ops/operation.js";
import { autocodeOps, planAutocode } from "../../shared/search/autocode.js";
import { CorpusIndex } from "../../shared/search/corpus.js";
import { wordFrequencies } from "../../shared/search/frequencies.js";
import type { AutocodeRequest, AutocodeResult, FrequencyRequest, SearchRequest, SearchResult, SimilarPassage, SimilarRequest, WordFrequency } from "../../shared/search/model.js";
import { resolveSearchScope } from "../../shared/search/scope.js";
import { checkRegex, findHits, regexFlags, searchResult, type FoundHit } from "../../shared/search/search.js";
import { similarPassages } from "../../shared/search/similar.js";
import { RegexRunner } from "./regexWorker.js";
import { snowball } from "./stemmers.js";

/** What search needs of the open project: its state and its documents' texts. */
export interface SearchSource {
  readonly state: ProjectState;
  readDocumentContent(id: DocumentId): Promise<DocumentContent>;
}

/** The code auto-coding applies: an existing one, or one created (with missing parents) from a path. */
function chooseCode(state: ProjectState, request: AutocodeRequest, now: string): { codeId: CodeId; create: Operation[]; created: boolean; name: string } {
  const named = (codeId: CodeId) => codePath(state, codeId).join(PATH_SEPARATOR);
  if (request.codeId) {
    if (!state.codes[request.codeId]) throw new TandaiError("errors.op.unknownCode", { id: request.codeId });
    return { codeId: request.codeId, create: [], created: false, name: named(request.codeId) };
  }
  if (!request.newCode) throw new TandaiError("search.errors.noCode");
  const { codeId, create } = resolveCodePath(state, request.newCode, now);
  return { codeId, create, created: create.length > 0, name: create.length ? request.newCode : named(codeId) };
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The open project's search index, in the backend. It is built in the background after the
 * project opens (one document at a time, yielding between them, so opening is not slowed and
 * the app answers meanwhile) and kept current: imported documents are indexed as they arrive,
 * and any document not indexed yet is indexed before a search reads the index.
 */
export class SearchService {
  readonly index = new CorpusIndex(snowball);
  private readonly regex = new RegexRunner();
  private building: Promise<void> | null = null;
  private closed = false;

  /**
   * `between`: awaited before each document is read and before it is indexed (the backend's
   * Foreground.quiet: changes first); without it the build yields once per document.
   */
  constructor(
    private readonly source: SearchSource,
    private readonly between?: () => Promise<void>,
  ) {}

  /** Starts (or continues) indexing every document not indexed yet, in the background. */
  refresh(): Promise<void> {
    this.building ??= this.indexMissing().finally(() => (this.building = null));
    return this.building;
  }

  /** Resolves once every document of the project is indexed. */
  async ready(): Promise<void> {
    while (this.building) await this.building;
    await this.refresh();
  }

  private async indexMissing(): Promise<void> {
    for (;;) {
      const missing = (Object.keys(this.source.state.documents) as DocumentId[]).filter((id) => !this.index.has(id));
      if (!missing.length || this.closed) return;
      for (const id of missing) {
        if (this.closed) return;
        // A document the user removed meanwhile is simply skipped.
        if (!this.source.state.documents[id]) continue;
        await this.between?.();
        const content = await this.source.readDocumentContent(id);
        await (this.between ?? yieldToEvents)();
        if (this.closed) return;
        if (!this.source.state.documents[id]) continue;
        this.index.add(id, content);
      }
    }
  }

  private async hits(request: SearchRequest): Promise<{ hits: FoundHit[]; documents: number; speakers: string[]; truncated: boolean }> {
    await this.ready();
    const { state } = this.source;
    if (!request.options.regex) return { ...findHits(this.index, state, request), truncated: false };
    checkRegex(request.query, request.options.matchCase);
    // The scope is resolved (and checked) before the worker runs, on the documents it allows.
    const docs = resolveSearchScope(state, request.scope).documentIds.map((id) => this.index.get(id)).filter((d) => d !== undefined);
    const { hits: raw, truncated } = await this.regex.run(request.query, regexFlags(request.options.matchCase), docs.map((d) => ({ id: d.id, text: d.text })));
    return { ...findHits(this.index, state, request, raw), truncated };
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const { hits, documents, speakers, truncated } = await this.hits(request);
    return { ...searchResult(this.index, this.source.state, request, hits, documents, speakers), ...(truncated ? { truncated } : {}) };
  }

  /**
   * Plans auto-coding, and unless it is a dry run applies it through `apply` as one batch (the new
   * code, if any, and every coding): one undo step.
   */
  async autocode<A>(request: AutocodeRequest, coder: string, apply: (op: Operation) => Promise<A>): Promise<AutocodeResult & { applied: A | null }> {
    const { state } = this.source;
    const now = new Date().toISOString();
    const { codeId, create, created, name } = chooseCode(state, request, now);
    const { hits } = await this.hits(request.search);
    const plan = planAutocode(state, hits, request.unit, create.length ? null : codeId, request.hits);
    const ops = [...create, ...autocodeOps(plan, codeId, coder, now)];
    const applied = !request.dryRun && plan.codings.length ? await apply({ type: "batch", ops }) : null;
    return { applied, count: plan.codings.length, codings: plan.codings, skipped: plan.skipped, codeId: request.dryRun && create.length ? null : codeId, code: name, createdCode: created, dryRun: request.dryRun };
  }

  async similar(request: SimilarRequest): Promise<SimilarPassage[]> {
    await this.ready();
    return similarPassages(this.index, this.source.state, request);
  }

  async frequencies(request: FrequencyRequest): Promise<WordFrequency[]> {
    await this.ready();
    return wordFrequencies(this.index, this.source.state, request);
  }

  close(): void {
    this.closed = true;
    this.regex.reset();
  }
}
