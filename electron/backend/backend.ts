import {
  codingsOf,
  cooccurrenceMatrix,
  describeOperation,
  History,
  resolveScope,
  importCodebookOps,
  passageOf,
  TandaiError,
  documentsOfGroups,
  firstDocumentId,
  toErrorPayload,
  type Applied,
  type ArgsOf,
  type DocumentContent,
  type DocumentId,
  type OpenProject,
  type OpDescription,
  type Operation,
  type ResultOf,
  type StartProject,
  type TandaiApi,
} from "../../shared/index.js";
import { exportInWorker } from "../export/inWorker.js";
import { pinProject } from "../store/readAt.js";
import { ExportJobs } from "../export/jobs.js";
import { ParagraphIndex } from "../export/paragraphs.js";
import { docxToPdfWithLibreOffice } from "../export/pdf.js";
import { pinState, runExport } from "../export/run.js";
import { checkTarget, defaultFileName, exportsFolder, freeName, UNSAFE, withExtension } from "../export/target.js";
import { parseCodebook } from "../import/codebook.js";
import { importRefiFile, planRefiFile } from "../import/qdpx/index.js";
import { writeRefiExport } from "../export/qdpx/write.js";
import { ProjectImporter } from "../import/batch.js";
import { SearchService } from "../search/service.js";
import { agreementOf, checkAgreementRequest } from "../agreement/report.js";
import { planCopyMerge, readCopy } from "../merge/copy.js";
import { handOff } from "../merge/handoff.js";
import { checkAbsolute, checkHandoffTarget, safeFileName } from "../merge/paths.js";
import { batch, mergeSummary } from "../../shared/index.js";
import { storeWarnings } from "./storeWarnings.js";
import { createProject, listBackups, openProject, planProjectRepair, repairProject, restoreBackup, type DiskProjectStore } from "../store/index.js";
import type { BackendContext } from "./context.js";
import { ChangeLog } from "./changeLog.js";
import { SettingsFile } from "./preferences.js";
import type { AppTeam, TeamHost } from "./team.js";
import { createSampleProject, sampleProjectDir } from "./sample.js";
import { CodingsServer, firstScreenState } from "./openView.js";
import { IndexStart } from "./indexStart.js";
import { Foreground } from "./foreground.js";

/**
 * The backend every transport serves: the Electron IPC handlers and the local web server both
 * dispatch to one instance of this. It holds the open project, its undo history and the settings.
 */

/**
 * How long after a project opens — or after the renderer's last request for codings, while its
 * background load goes on — its search index starts building (issue 13: the first screen and the
 * codings first; see IndexStart).
 */
const SEARCH_INDEX_DELAY_MS = 3_000;
export class Backend implements TandaiApi {
  private store: DiskProjectStore | null = null;
  /** How many of the open store's warnings answers have carried (see storeWarnings). */
  private warned = 0;
  private readonly history = new History();
  private readonly exports = new ExportJobs();
  /** Paragraph bounds of documents, kept across exports (documents never change after import). */
  private readonly paragraphs = new ParagraphIndex();
  /** The open project's search index, built in the background after open. */
  private searchIndex: SearchService | null = null;
  readonly settings: SettingsFile;
  private readonly importer: ProjectImporter;
  /** Every change applied, numbered, for the renderer's mirror to follow in order. */
  private readonly changes = new ChangeLog();
  /** One change at a time, so a sync's remote batch is computed from the state it lands on. */
  private gate: Promise<unknown> = Promise.resolve();
  /** Changes in flight, which background work (the search index's build) lets go first. */
  private readonly foreground = new Foreground();
  /** The open project's team sync, when it is shared with a team. */
  private team: AppTeam | null = null;
  /** Serves the codings a first-screen open left out (issue 13's two-step open). */
  private readonly codingsServer = new CodingsServer();
  /** When the open project's search index starts building (null: not in the background, or started). */
  private indexStart: IndexStart | null = null;

  constructor(private readonly context: BackendContext) {
    this.settings = new SettingsFile(context.home, context.systemLocale, context.userName);
    this.importer = new ProjectImporter(context.importWorker, context.importLimits);
  }

  async init(): Promise<this> {
    await this.settings.load();
    return this;
  }

  get openStore(): DiskProjectStore | null {
    return this.store;
  }

  async appInfo(): Promise<ResultOf<"appInfo">> {
    const { version, transport, projectsDir, pickFolder } = this.context;
    return { version, transport, projectsDir, canPickFolders: Boolean(pickFolder), languageChosen: this.settings.languageChosen };
  }

  async getPreferences(): Promise<ResultOf<"getPreferences">> {
    return this.settings.preferences;
  }

  async setPreferences(args: ArgsOf<"setPreferences">): Promise<ResultOf<"setPreferences">> {
    return this.settings.setPreferences(args);
  }

  async recentProjects(): Promise<ResultOf<"recentProjects">> {
    return this.settings.recent;
  }

  async pickFolder(): Promise<string | null> {
    return this.context.pickFolder ? this.context.pickFolder() : null;
  }

  async createProject({ dir, name }: ArgsOf<"createProject">): Promise<OpenProject> {
    return this.adopt(await createProject(dir, name));
  }

  async currentProject(args: ArgsOf<"currentProject"> = {}): Promise<OpenProject | null> {
    return this.store ? this.snapshot(this.store, args.firstScreen) : null;
  }

  async openProject({ dir, firstScreen }: ArgsOf<"openProject">): Promise<OpenProject> {
    if (this.store?.dir === dir) return this.snapshot(this.store, firstScreen);
    // The app's first screen does not wait for the snapshot's check: what it shows before, one
    // document's codings and counts, is read-only, every write waits for the check, and the rest of
    // the codings come through codingsOf, which does wait. Any other caller gets a checked project.
    const store = await openProject(dir, { deferCheck: true });
    if (!firstScreen) await store.checked;
    return this.adopt(store, firstScreen);
  }

  /**
   * The app's start as one request (the renderer's boot script sends it before its bundle has
   * loaded): the very currentProject and openProject calls it made one after the other before.
   */
  async startProject(): Promise<StartProject> {
    if (this.store) return { from: "current", ...(await this.withFirstText(this.snapshot(this.store, true))) };
    const [last] = this.settings.recent;
    if (!last) return { from: "none" };
    let project: OpenProject;
    try {
      project = await this.openProject({ dir: last.dir, firstScreen: true });
    } catch (error) {
      return { from: "recent", dir: last.dir, error: toErrorPayload(error) };
    }
    return { from: "recent", dir: last.dir, ...(await this.withFirstText(project)) };
  }

  /** The start's answer with the text of the document the workspace shows first (unreadable: the renderer asks, and says why). */
  private async withFirstText(project: OpenProject): Promise<{ project: OpenProject; firstText?: { documentId: DocumentId; content: DocumentContent } }> {
    const documentId = firstDocumentId(project.state);
    const content = documentId && (await this.documentContent({ documentId }).catch(() => null));
    return documentId && content ? { project, firstText: { documentId, content } } : { project };
  }

  /**
   * The codings of some documents with fresh counts, for a mirror opened with `firstScreen`. Waits
   * for the store's check of the snapshot when its open did not (`checked`), so the whole set of
   * codings is only ever served from a file found sound.
   */
  async codingsOf({ documents }: ArgsOf<"codingsOf">): Promise<ResultOf<"codingsOf">> {
    const store = this.requireStore();
    try {
      await store.checked;
    } catch (error) {
      // The snapshot failed its check: the project is not open any more (nothing was written), and
      // the renderer shows the same recovery a refused open does.
      if (this.store === store) await this.closeProject();
      throw error;
    }
    if (this.store !== store) throw new TandaiError("errors.ipc.noProject");
    const changes = this.changes;
    // revision is read again after the grouping's yields (see CodingsServer.codingsOf).
    const chunk = await this.codingsServer.codingsOf({ state: store.state, get revision() { return changes.current; }, since: (after) => changes.since(after) }, documents);
    this.indexStart?.served(this.codingsServer.servedAll(store.state));
    return chunk;
  }

  /** Opens the bilingual sample project, creating it on first use. */
  async openSampleProject(): Promise<OpenProject> {
    const dir = sampleProjectDir(this.context.projectsDir);
    if (this.store?.dir === dir) return this.snapshot(this.store);
    try {
      return this.adopt(await openProject(dir));
    } catch (error) {
      if (!(error instanceof TandaiError) || error.code !== "store.errors.notAProject") throw error;
      const { coderName, language } = this.settings.preferences;
      return this.adopt(await createSampleProject(dir, coderName || "Tandai", language));
    }
  }

  async listBackups({ dir }: ArgsOf<"listBackups">): Promise<ResultOf<"listBackups">> {
    return listBackups(dir);
  }

  async restoreBackup({ dir, file }: ArgsOf<"restoreBackup">): Promise<OpenProject> {
    if (this.store?.dir === dir) await this.closeProject();
    return this.adopt(await restoreBackup(dir, file));
  }

  async planRepair({ dir }: ArgsOf<"planRepair">): Promise<ResultOf<"planRepair">> {
    return planProjectRepair(dir);
  }

  async repairProject({ dir }: ArgsOf<"repairProject">): Promise<OpenProject> {
    if (this.store?.dir === dir) await this.closeProject();
    return this.adopt((await repairProject(dir)).store);
  }

  async closeProject(): Promise<null> {
    const store = this.store;
    await this.team?.close();
    this.team = null;
    this.store = null;
    this.history.clear();
    this.changes.reset();
    this.codingsServer.reset();
    this.indexStart?.cancel();
    this.indexStart = null;
    this.searchIndex?.close();
    this.searchIndex = null;
    await store?.close();
    return null;
  }

  async apply({ op }: ArgsOf<"apply">): Promise<Applied> {
    return this.exclusive(async () => {
      const store = this.requireStore();
      // Described before it is applied: what it removes is named only while it is there.
      const description = describeOperation(op as Operation, store.state);
      const inverse = await store.apply(op as Operation);
      this.history.record(inverse, description);
      return await this.changed(op as Operation);
    });
  }

  async undo(): Promise<Applied> {
    return this.exclusive(async () => {
      const op = this.history.peekUndo();
      if (!op) return this.applied(null);
      const description = this.history.nextUndo;
      this.history.undone(await this.requireStore().apply(op));
      return { ...(await this.changed(op)), step: { direction: "undo", description, count: 1 } };
    });
  }

  async redo(): Promise<Applied> {
    return this.exclusive(async () => {
      const op = this.history.peekRedo();
      if (!op) return this.applied(null);
      const description = this.history.nextRedo;
      this.history.redone(await this.requireStore().apply(op));
      return { ...(await this.changed(op)), step: { direction: "redo", description, count: 1 } };
    });
  }

  /** Runs a change while no other is being applied (they would otherwise interleave with a sync's). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.foreground.run(() => this.gate.then(task));
    this.gate = run.catch(() => undefined);
    return run;
  }

  /** A change was applied locally: numbered for the mirror, and into the team replica on its way to the others. */
  private async changed(op: Operation): Promise<Applied> {
    this.changes.record(op);
    // The change is durable already; a failure here (a text not readable for hashing) is caught
    // up by the next one, which commits everything since the replica's base.
    await this.team?.localApplied(op).catch(() => undefined);
    return this.applied(op);
  }

  /**
   * Imports each file on its own, so one bad file costs only itself; the documents that did import
   * are added in one operation, so one undo takes the whole batch back.
   */
  async importFiles({ files }: ArgsOf<"importFiles">): Promise<ResultOf<"importFiles">> {
    const { outcomes, ops } = await this.importer.importFiles(this.requireStore(), files);
    const applied = ops.length ? await this.apply({ op: { type: "batch", ops } }) : this.applied(null);
    if (this.context.indexInBackground !== false) void this.searchIndex?.refresh(); // index the new documents in the background
    return { outcomes, applied };
  }

  /** Parses a REFI-QDA codebook and adds it as one batch, so one undo takes the whole import back. */
  async importCodebook({ file }: ArgsOf<"importCodebook">): Promise<ResultOf<"importCodebook">> {
    const store = this.requireStore();
    const tree = parseCodebook(file.name, file.data);
    const { ops, summary } = importCodebookOps(store.state, tree, new Date().toISOString());
    const applied = ops.length ? await this.apply({ op: { type: "batch", ops } }) : this.applied(null);
    return { applied, ...summary };
  }
  /** Reads a REFI-QDA project and says what its import would do, writing nothing. */
  async previewRefiProject({ file }: ArgsOf<"previewRefiProject">): Promise<ResultOf<"previewRefiProject">> {
    return (await planRefiFile(this.requireStore(), file.name, file.data, (name, data) => this.importer.readRefi(name, data), this.settings.preferences.language)).preview;
  }

  async exportRefiProject({ format }: ArgsOf<"exportRefiProject">): Promise<ResultOf<"exportRefiProject">> {
    const store = this.requireStore();
    const name = `${store.state.name.replace(UNSAFE, " ").replace(/\s+/g, " ").trim() || "Tandai"}.${format}`;
    let target: string;
    if (this.context.pickSavePath) {
      const chosen = await this.context.pickSavePath(name);
      if (!chosen) return null;
      target = chosen.toLowerCase().endsWith(`.${format}`) ? chosen : `${chosen}.${format}`;
      await checkTarget(target);
    } else target = freeName(await exportsFolder(store.dir), name, this.exports.targets());
    const { bytes } = await writeRefiExport(store, format, target, `Tandai ${this.context.version}`);
    return { path: target, bytes };
  }

  /** Imports a REFI-QDA project as one batch through apply, so one undo takes it back. */
  async importRefiProject({ file }: ArgsOf<"importRefiProject">): Promise<ResultOf<"importRefiProject">> {
    const { plan, applied } = await importRefiFile(this.requireStore(), file.name, file.data, (op) => this.apply({ op }), (name, data) => this.importer.readRefi(name, data), this.settings.preferences.language);
    return { preview: plan.preview, applied: applied ?? this.applied(null) };
  }


  async documentContent({ documentId }: ArgsOf<"documentContent">): Promise<ResultOf<"documentContent">> {
    const store = this.requireStore();
    if (!store.state.documents[documentId]) throw new TandaiError("errors.op.unknownDocument", { id: documentId });
    return store.readDocumentContent(documentId);
  }

  async retrieve({ codeId, includeNested, documentGroupIds }: ArgsOf<"retrieve">): Promise<ResultOf<"retrieve">> {
    const store = this.requireStore();
    for (const id of documentGroupIds ?? []) if (!store.state.documentGroups[id]) throw new TandaiError("documents.errors.unknownGroup", { id });
    const inGroups = documentGroupIds?.length ? documentsOfGroups(store.state, documentGroupIds) : null;
    const codings = codingsOf(store.state, codeId, includeNested).filter((c) => !inGroups || inGroups.has(c.documentId));
    const passages = [];
    for (const coding of codings) {
      passages.push(passageOf(store.state, coding, await store.readDocumentContent(coding.documentId)));
    }
    return passages;
  }

  /**
   * Starts an export of the open project. The job works on a snapshot of the state taken now, so
   * coding on while it runs neither changes nor breaks what is being written.
   */
  async exportStart({ request }: ArgsOf<"exportStart">): Promise<ResultOf<"exportStart">> {
    const store = this.requireStore();
    // An unknown case, code or coder fails now, not in the job.
    if (request.kind === "agreement") checkAgreementRequest(store.state, request.agreement);
    else resolveScope(store.state, request.scope);
    const name = defaultFileName(store.state.name, request);
    let target: string;
    if (this.context.pickSavePath) {
      // The OS dialog asks before overwriting.
      const chosen = await this.context.pickSavePath(name);
      if (!chosen) return null;
      target = withExtension(chosen, request);
      await checkTarget(target);
    } else {
      // A name neither on disk nor being written; no await from here until the job holds it.
      target = freeName(await exportsFolder(store.dir), name, this.exports.targets());
    }
    const { printToPdf, exportWorker } = this.context;
    // Off the main thread when a worker is at hand; Electron's PDF is only printed here (it needs the window).
    if (exportWorker) {
      // {dir, seq}, not the state: the worker reads the project at this change itself, from its files
      // pinned in this same tick (store/readAt.ts: whatever a compaction or a close does meanwhile).
      const job = { request, path: target, dir: store.dir, seq: store.sequence, files: pinProject(store.dir), printInMain: request.format === "pdf" && !!printToPdf };
      return this.exports.start(target, (control) => exportInWorker(exportWorker, job, control, printToPdf));
    }
    // In-process, on a pinned copy of the maps (not a deep clone): the user may code on while the job awaits its reads.
    const source = { state: pinState(store.state), readDocumentContent: (id: DocumentId) => store.readDocumentContent(id) };
    const deps = {
      paragraphs: this.paragraphs,
      toPdf: (html: string, docx: () => Promise<Uint8Array>) => (printToPdf ? printToPdf(html) : docx().then(docxToPdfWithLibreOffice)),
    };
    return this.exports.start(target, (control) => runExport(source, request, target, deps, control));
  }

  async exportStatus({ jobId }: ArgsOf<"exportStatus">): Promise<ResultOf<"exportStatus">> {
    return this.exports.status(jobId);
  }

  async exportCancel({ jobId }: ArgsOf<"exportCancel">): Promise<ResultOf<"exportCancel">> {
    return this.exports.cancel(jobId);
  }

  /** Resolves once no export is running. */
  exportsSettled(): Promise<void> {
    return this.exports.settled();
  }

  async cooccurrence({ scope, unit }: ArgsOf<"cooccurrence">): Promise<ResultOf<"cooccurrence">> {
    const store = this.requireStore();
    const resolved = resolveScope(store.state, scope);
    if (unit === "paragraph") await this.paragraphs.prepare(store, resolved.codings);
    return cooccurrenceMatrix(store.state, resolved, unit, this.paragraphs.paragraphsOf);
  }

  async undoHistory(): Promise<ResultOf<"undoHistory">> {
    return this.history.list();
  }

  /**
   * Undoes the latest `steps` steps one by one, each durably, and reports them as one batch for the
   * mirror. A step that fails stops there: the steps before it stay undone and are reported.
   */
  async undoTo({ steps }: ArgsOf<"undoTo">): Promise<ResultOf<"undoTo">> {
    return this.exclusive(() => this.undoSteps(steps));
  }

  private async undoSteps(steps: number): Promise<ResultOf<"undoTo">> {
    const store = this.requireStore();
    const applied: Operation[] = [];
    let description: OpDescription | null = null;
    let failure: unknown = null;
    for (let i = 0; i < steps && this.history.canUndo; i++) {
      const op = this.history.peekUndo()!;
      const next = this.history.nextUndo;
      try {
        this.history.undone(await store.apply(op));
      } catch (error) {
        failure = error;
        break;
      }
      applied.push(op);
      description = next;
    }
    if (failure && applied.length === 0) throw failure;
    if (applied.length === 0) return this.applied(null);
    return { ...(await this.changed({ type: "batch", ops: applied })), step: { direction: "undo", description, count: applied.length } };
  }

  async search(args: ArgsOf<"search">): Promise<ResultOf<"search">> {
    return this.requireSearch().search(args);
  }

  async autocode(args: ArgsOf<"autocode">): Promise<ResultOf<"autocode">> {
    return this.requireSearch().autocode(args, this.settings.preferences.coderName, (op) => this.apply({ op }));
  }

  async similarPassages(args: ArgsOf<"similarPassages">): Promise<ResultOf<"similarPassages">> {
    return this.requireSearch().similar(args);
  }

  async wordFrequencies(args: ArgsOf<"wordFrequencies">): Promise<ResultOf<"wordFrequencies">> {
    return this.requireSearch().frequencies(args);
  }

  /** The search index of the open project (for the CLI and tests, to await its background build). */
  get searchService(): SearchService | null {
    return this.searchIndex;
  }

  private requireSearch(): SearchService {
    this.requireStore();
    return this.searchIndex!;
  }

  private requireStore(): DiskProjectStore {
    if (!this.store) throw new TandaiError("errors.ipc.noProject");
    return this.store;
  }

  private async adopt(store: DiskProjectStore, firstScreen?: boolean): Promise<OpenProject> {
    await this.closeProject();
    this.store = store;
    // The codings as the store's check reads them in, grouped by document: the chunks for the
    // renderer start from them, without a pass over a million codings of their own (registered
    // before anything can apply: the grouping holds only until the first operation).
    void store.checked.then(() => {
      const grouped = store.takeCodingsByDocument();
      if (grouped && this.store === store) this.codingsServer.seed(store.state, this.changes.current, grouped);
    }, () => undefined);
    const search = (this.searchIndex = new SearchService(store, () => this.foreground.quiet()));
    if (this.context.teamSync) {
      try {
        this.team = await this.openTeam(store);
      } catch (error) {
        // Its team settings unreadable, or (a shared project) its snapshot refused by the check.
        await this.closeProject();
        throw error;
      }
    }
    await this.settings.touchRecent(store.dir, store.state.name);
    // Started a moment after the open has answered, so that indexing every document (seconds at 5M
    // words) does not compete with the first screen's requests; a search before then builds it
    // itself (it awaits ready()), and reports any failure. A one-shot command does not index at all.
    if (this.context.indexInBackground !== false) {
      this.indexStart = new IndexStart(() => void search.refresh().catch(() => {}), SEARCH_INDEX_DELAY_MS);
    }
    return this.snapshot(store, firstScreen);
  }

  /** The open project as the renderer's mirror starts from; `firstScreen`: one document's codings and the counts. */
  private snapshot(store: DiskProjectStore, firstScreen?: boolean): OpenProject {
    const warnings = storeWarnings(store, 0);
    this.warned = store.warnings.length;
    const view = firstScreen ? firstScreenState(store.state, (documents) => store.earlyCodings(documents)) : { state: store.state };
    if ("loaded" in view) {
      this.codingsServer.markServed(view.loaded);
      this.indexStart?.firstScreenAnswered();
    }
    return { dir: store.dir, ...view, canUndo: this.history.canUndo, canRedo: this.history.canRedo, nextUndo: this.history.nextUndo, nextRedo: this.history.nextRedo, revision: this.changes.current, ...warnings };
  }

  private applied(op: Operation | null): Applied {
    const warnings = this.store ? storeWarnings(this.store, this.warned) : {};
    if (this.store) this.warned = this.store.warnings.length;
    return { applied: op, canUndo: this.history.canUndo, canRedo: this.history.canRedo, nextUndo: this.history.nextUndo, nextRedo: this.history.nextRedo, revision: this.changes.current, ...warnings };
  }

  async changesSince({ after }: ArgsOf<"changesSince">): Promise<ResultOf<"changesSince">> {
    this.requireStore();
    return this.changes.since(after);
  }

  async teamStatus(): Promise<ResultOf<"teamStatus">> {
    const status = this.team?.status();
    return status ? { ...status, revision: this.changes.current } : null;
  }

  async teamSync(): Promise<ResultOf<"teamSync">> {
    return { ...this.requireTeam().syncNow(), revision: this.changes.current };
  }

  async teamConflicts(): Promise<ResultOf<"teamConflicts">> {
    return this.requireTeam().conflicts();
  }

  /** The choice is the member's own change: one undo step, sent with the next sync. */
  async teamResolve({ conflictId, choice }: ArgsOf<"teamResolve">): Promise<ResultOf<"teamResolve">> {
    const ops = this.requireTeam().resolve(conflictId, choice);
    return ops.length ? this.apply({ op: batch(ops) }) : this.applied(null);
  }

  async teamShare({ server, adminToken }: ArgsOf<"teamShare">): Promise<ResultOf<"teamShare">> {
    const store = this.requireStore();
    const [{ serverAddresses }, { shareProject }] = await Promise.all([import("../team/client/address.js"), import("../team/client/share.js")]);
    const servers = serverAddresses(server, "server");
    const owner = this.settings.preferences.coderName || this.context.userName || "owner";
    await this.exclusive(() => shareProject(store, servers, adminToken, owner));
    this.team = await this.openTeam(store);
    return { ...this.requireTeam().status(), revision: this.changes.current };
  }

  /** Joins into a new folder (nothing is left behind if it fails) and opens it like any project. */
  async teamJoin({ link, token, dir }: ArgsOf<"teamJoin">): Promise<ResultOf<"teamJoin">> {
    const [{ parseJoinLink }, { joinProject }] = await Promise.all([import("../team/client/address.js"), import("../team/client/join.js")]);
    const { servers, projectId } = parseJoinLink(link);
    const target = checkAbsolute(dir);
    await joinProject(servers, projectId, token, target);
    return this.adopt(await openProject(target));
  }

  async teamMembers(): Promise<ResultOf<"teamMembers">> {
    return this.requireTeam().members();
  }

  async teamInvite({ name, role }: ArgsOf<"teamInvite">): Promise<ResultOf<"teamInvite">> {
    return this.requireTeam().invite(name, role);
  }

  async teamRevoke({ name }: ArgsOf<"teamRevoke">): Promise<ResultOf<"teamRevoke">> {
    return this.requireTeam().revoke(name);
  }

  async teamPresence({ documentId }: ArgsOf<"teamPresence">): Promise<ResultOf<"teamPresence">> {
    this.team?.setPresence(documentId);
    return null;
  }

  /**
   * The team session of a shared project (null for one that is not). Loaded on demand: the
   * collaboration client is not needed by a project that is not shared, nor by most CLI commands.
   */
  private async openTeam(store: DiskProjectStore): Promise<AppTeam | null> {
    const { AppTeam } = await import("./team.js");
    const host: TeamHost = {
      exclusive: (task) => this.exclusive(task),
      applyRemote: async (op) => {
        const inverse = await store.apply(op);
        this.changes.record(op);
        void this.searchIndex?.refresh(); // the others' documents are searchable too
        return inverse;
      },
    };
    return AppTeam.open(store, host);
  }

  private requireTeam(): AppTeam {
    this.requireStore();
    if (!this.team) throw new TandaiError("teamApp.errors.notShared");
    return this.team;
  }

  /** Intercoder agreement over the open project (electron/agreement/report.ts, shared with the CLI). */
  async agreement(args: ArgsOf<"agreement">): Promise<ResultOf<"agreement">> {
    return agreementOf(this.requireStore(), args);
  }

  async mergePreview({ other, choices }: ArgsOf<"mergePreview">): Promise<ResultOf<"mergePreview">> {
    const store = this.requireStore();
    checkAbsolute(other);
    return mergeSummary(await planCopyMerge(store, await readCopy(other, store.dir), choices, "mine", false));
  }

  /** Their documents' content files are written first, then the batch goes through apply (history: one undo step). */
  async mergeCopy({ other, choices }: ArgsOf<"mergeCopy">): Promise<ResultOf<"mergeCopy">> {
    const store = this.requireStore();
    checkAbsolute(other);
    const plan = await planCopyMerge(store, await readCopy(other, store.dir), choices, "mine", true);
    const applied = plan.ops.length ? await this.apply({ op: batch(plan.ops) }) : this.applied(null);
    return { ...mergeSummary(plan), ...applied };
  }

  async handoff({ target, dropCodings }: ArgsOf<"handoff">): Promise<ResultOf<"handoff">> {
    const store = this.requireStore();
    return handOff(store, await checkHandoffTarget(target), dropCodings);
  }

  /** The OS dialog for a package, suggesting "<project>.tandai" when saving. */
  async pickPackage({ purpose }: ArgsOf<"pickPackage">): Promise<ResultOf<"pickPackage">> {
    if (!this.context.pickPackage) return null;
    return this.context.pickPackage(purpose, `${safeFileName(this.requireStore().state.name)}.tandai`);
  }
}

