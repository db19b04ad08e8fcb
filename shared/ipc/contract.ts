import { z } from "zod";
import { lazySchema } from "../model/lazySchema.js";
import type { CodebookImportSummary } from "../codebook/importCodebook.js";
import type { ErrorPayload } from "../errors.js";
import { CodeId, DocumentGroupId, DocumentId } from "../model/ids.js";
import type { DocumentContent, ProjectState } from "../model/project.js";
import type { RepairChange } from "../model/repair.js";
import type { OpDescription } from "../ops/describe.js";
import { Operation } from "../ops/operation.js";
import type { Passage } from "../retrieve/passages.js";
import type { RefiPreview } from "../refi/plan.js";
import type { Matrix } from "../export/matrices.js";
import { COOCCURRENCE_UNITS, ExportRequest, ExportScope, type ExportProgress } from "../export/model.js";
import { AgreementRequestSchema } from "../agreement/model.js";
import type { AgreementReport } from "../agreement/report.js";
import type { MergeSummary } from "../merge/plan.js";
import type { CodingColumns } from "./codingsWire.js";
import { ChangesArgs, TeamJoinArgs, TeamResolveArgs, TeamShareArgs, type ChangesSince, type TeamAppStatus, type TeamConflict } from "./team.js";
import { TeamInviteArgs, TeamPresenceArgs, TeamRevokeArgs, type TeamInvitation, type TeamMember } from "./team.js";
import { AutocodeRequest, FrequencyRequest, SearchRequest, SimilarRequest, type AutocodeResult, type SearchResult, type SimilarPassage, type WordFrequency } from "../search/model.js";

/**
 * The one contract between the renderer and the backend. Each channel names the zod schema of its
 * argument and the type of its result. The Electron main process and the local web server register
 * handlers only through it (validating every argument); the preload and the web client expose one
 * method per channel. Add a channel here and TypeScript shows every place that must handle it.
 */

import { Preferences } from "./preferences.js";
export { Preferences };

export interface RecentProject {
  dir: string;
  name: string;
  openedAt: string;
}

export interface AppInfo {
  version: string;
  transport: "electron" | "web";
  /** Where new projects are created unless the user picks another folder. */
  projectsDir: string;
  /** Whether a native folder picker exists (Electron) or the user types a path (web). */
  canPickFolders: boolean;
  /**
   * Whether the user has chosen the language; until then the renderer follows its own locale (the
   * browser's in web mode, not the server's), and `Preferences.language` is only the server's guess.
   */
  languageChosen: boolean;
}

/** Everything the renderer needs to draw an open project. */
export interface OpenProject {
  dir: string;
  state: ProjectState;
  canUndo: boolean;
  canRedo: boolean;
  /** What the next undo would take back, and the next redo bring back, in words. */
  nextUndo?: OpDescription | null;
  nextRedo?: OpDescription | null;
  /** What the store could not do but lost nothing by (store.warnings.*: a full disk, a backup not taken), since the project was opened. */
  warnings?: ErrorPayload[];
  /** How many changes the backend has applied to it since it opened (see Applied.revision). */
  revision?: number;
  /**
   * Set when `state.codings` holds the codings of these documents only (the first screen's, issue
   * 13's two-step open): the renderer fetches the rest with `codingsOf`, and counts the documents
   * and codes not loaded yet from `counts`. Absent: `state.codings` is every coding.
   */
  loaded?: DocumentId[];
  /** Codings per document and per code over the whole project, at `revision` (with `loaded`). */
  counts?: CodingCounts;
}

/**
 * The app's start in one request (renderer/boot/, sent before the app's bundle has loaded): the
 * project the backend has open already, as its first screen; else the last project opened with a
 * first-screen open, or why it could not be (`error`, shown with its recovery as a refused open is);
 * else nothing to open (first start: the sample).
 */
export type StartProject =
  | ({ from: "current"; project: OpenProject } & FirstText)
  | ({ from: "recent"; dir: string; project: OpenProject } & FirstText)
  | { from: "recent"; dir: string; error: ErrorPayload }
  | { from: "none" };

/** The text of the document the first screen shows (the project's first), when it could be read: no request of its own. */
interface FirstText {
  firstText?: { documentId: DocumentId; content: DocumentContent };
}

/** How many codings each document and each code has (ids without codings are left out). */
export interface CodingCounts {
  byDocument: Record<DocumentId, number>;
  byCode: Record<CodeId, number>;
}

/**
 * The codings of some documents, with the whole project's counts, as the backend had them at
 * `revision`. The codings travel as columns (shared/ipc/codingsWire.ts: a quarter of the bytes of
 * coding objects); `decodeCodings` gives them back as codings.
 */
export interface CodingsChunk {
  codings: CodingColumns;
  counts: CodingCounts;
  revision: number;
}

/** What one change did: the operation actually applied (the renderer applies it to its mirror). */
export interface Applied {
  applied: Operation | null;
  canUndo: boolean;
  canRedo: boolean;
  nextUndo?: OpDescription | null;
  nextRedo?: OpDescription | null;
  /** Set by undo, redo and undoTo: what was taken back (or brought back), so the user is told and shown. */
  step?: HistoryStep;
  /** Store warnings (see OpenProject) that arose since the last answer carrying them: the change itself is saved. */
  warnings?: ErrorPayload[];
  /** How many changes the backend has applied, this one included: a mirror that skipped one catches up. */
  revision?: number;
}

/** An undo or redo that happened: the step in words (the last of them, when several were undone). */
export interface HistoryStep {
  direction: "undo" | "redo";
  description: OpDescription | null;
  /** How many steps were taken back at once (undoTo). */
  count: number;
}

/** The undo history, most recent first: steps undo would take back, steps redo would bring back. */
export interface HistoryList {
  undo: (OpDescription | null)[];
  redo: (OpDescription | null)[];
}

export interface Backup {
  file: string;
  createdAt: string;
}

export const ImportFile = lazySchema(() => z.object({
  name: z.string().min(1).max(500),
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "expected file bytes"),
  /** The encoding to read a .txt/.md in, chosen by the user (a TextDecoder label); else detected. */
  encoding: z.string().trim().min(1).max(40).optional(),
  /** Import even when a document with the same text is already in the project. */
  allowDuplicate: z.boolean().optional(),
  /** A document this file replaces, in the same undo step ("import again with this encoding"). */
  replaces: DocumentId.optional(),
}));
export type ImportFile = z.infer<typeof ImportFile>;

export type ImportOutcome =
  | { file: string; ok: true; documentId: DocumentId; title: string; encoding?: string; notices?: ErrorPayload[] }
  | { file: string; ok: false; error: ErrorPayload };

export interface ImportReport {
  outcomes: ImportOutcome[];
  applied: Applied;
}

/** What importing a codebook did: the batch applied (one undo step) and what it created, merged and linked. */
export interface CodebookImportReport extends CodebookImportSummary {
  applied: Applied;
}

/** An export under way: where it will be written, and the id to ask after it or cancel it by. */
export interface ExportStarted {
  jobId: string;
  path: string;
}

export type ExportStatus =
  | { state: "running"; path: string; progress: ExportProgress | null }
  | { state: "done"; path: string; bytes: number }
  | { state: "failed"; path: string; error: ErrorPayload }
  /** Cancelled before the file was written: nothing was left behind. */
  | { state: "cancelled"; path: string };

const none = lazySchema(() => z.object({}).strict());
const dir = lazySchema(() => z.object({ dir: z.string().min(1) }).strict());
/** `firstScreen`: answer with the codings of the first document only, plus counts (see OpenProject.loaded). */
const firstScreen = () => ({ firstScreen: z.boolean().optional() });
const openArgs = lazySchema(() => z.object({ dir: z.string().min(1), ...firstScreen() }).strict());
const currentArgs = lazySchema(() => z.object(firstScreen()).strict());
/** At most this many documents per `codingsOf` request (a project's list is sent in chunks). */
export const MAX_CODINGS_OF_DOCUMENTS = 5_000;
const codingsOfArgs = lazySchema(() => z.object({ documents: z.array(DocumentId).max(MAX_CODINGS_OF_DOCUMENTS) }).strict());
const job = lazySchema(() => z.object({ jobId: z.string().min(1).max(100) }).strict());

function channel<A extends z.ZodType, R>(args: A) {
  return { args, result: undefined as unknown as R };
}

const mergeOther = lazySchema(() => z.object({ other: z.string().min(1), choices: z.record(z.string(), z.enum(["mine", "theirs"])).default({}) }).strict());

const handoffArgs = lazySchema(() => z.object({ target: z.string().min(1), dropCodings: z.boolean() }).strict());

/** A `.tandai` package to open (a coder's copy to merge) or to save (a copy for a second coder). */
const pickPackageArgs = lazySchema(() => z.object({ purpose: z.enum(["open", "save"]) }).strict());

export const channels = {
  appInfo: channel<typeof none, AppInfo>(none),
  getPreferences: channel<typeof none, Preferences>(none),
  setPreferences: channel<ReturnType<typeof Preferences.partial>, Preferences>(lazySchema(() => Preferences.partial().strict())),
  recentProjects: channel<typeof none, RecentProject[]>(none),
  pickFolder: channel<typeof none, string | null>(none),
  createProject: channel<z.ZodObject<{ dir: z.ZodString; name: z.ZodString }>, OpenProject>(
    lazySchema(() => z.object({ dir: z.string().min(1), name: z.string().trim().min(1).max(200) }).strict()),
  ),
  /** The project the backend has open already (the web server may start with one), if any. */
  currentProject: channel<typeof currentArgs, OpenProject | null>(currentArgs),
  openProject: channel<typeof openArgs, OpenProject>(openArgs),
  /** currentProject, else openProject of the last project, both first-screen, in one request (StartProject). */
  startProject: channel<typeof none, StartProject>(none),
  /** The codings of these documents (none: only the counts), for a mirror opened with `firstScreen`. */
  codingsOf: channel<typeof codingsOfArgs, CodingsChunk>(codingsOfArgs),
  openSampleProject: channel<typeof none, OpenProject>(none),
  listBackups: channel<typeof dir, Backup[]>(dir),
  restoreBackup: channel<z.ZodObject<{ dir: z.ZodString; file: z.ZodString }>, OpenProject>(
    lazySchema(() => z.object({ dir: z.string().min(1), file: z.string().min(1) }).strict()),
  ),
  /** What repairing a project file that contradicts itself would change (nothing is written). */
  planRepair: channel<typeof dir, RepairChange[]>(dir),
  /** Repairs it (the damaged file kept first) and opens the project. */
  repairProject: channel<typeof dir, OpenProject>(dir),
  closeProject: channel<typeof none, null>(none),
  apply: channel<z.ZodObject<{ op: typeof Operation }>, Applied>(lazySchema(() => z.object({ op: Operation }).strict())),
  undo: channel<typeof none, Applied>(none),
  redo: channel<typeof none, Applied>(none),
  importFiles: channel<z.ZodObject<{ files: z.ZodArray<typeof ImportFile> }>, ImportReport>(
    lazySchema(() => z.object({ files: z.array(ImportFile).min(1).max(200) }).strict()),
  ),
  /** Imports a REFI-QDA codebook (.qdc): codes merged by path, linked to indicators by name. */
  importCodebook: channel<z.ZodObject<{ file: typeof ImportFile }>, CodebookImportReport>(lazySchema(() => z.object({ file: ImportFile }).strict())),
  documentContent: channel<z.ZodObject<{ documentId: typeof DocumentId }>, DocumentContent>(
    lazySchema(() => z.object({ documentId: DocumentId }).strict()),
  ),
  /** Passages of a code; `documentGroupIds` keeps those in the documents of these groups. */
  retrieve: channel<z.ZodObject<{ codeId: typeof CodeId; includeNested: z.ZodBoolean; documentGroupIds: z.ZodOptional<z.ZodArray<typeof DocumentGroupId>> }>, Passage[]>(
    lazySchema(() => z.object({ codeId: CodeId, includeNested: z.boolean(), documentGroupIds: z.array(DocumentGroupId).max(1000).optional() }).strict()),
  ),
  /**
   * Starts an export job. The request never names the path: Electron asks where to save with its
   * own dialog (null: the user closed it) and the web transport writes into the project's `exports`
   * folder under a name not taken yet, so no page can write elsewhere or over a file.
   */
  exportStart: channel<z.ZodObject<{ request: typeof ExportRequest }>, ExportStarted | null>(lazySchema(() => z.object({ request: ExportRequest }).strict())),
  exportStatus: channel<typeof job, ExportStatus>(job),
  exportCancel: channel<typeof job, ExportStatus>(job),
  /** Code × code co-occurrence; by paragraph it needs the documents' paragraphs, which the backend holds. */
  cooccurrence: channel<z.ZodObject<{ scope: typeof ExportScope; unit: z.ZodEnum<{ overlap: "overlap"; paragraph: "paragraph" }> }>, Matrix>(
    lazySchema(() => z.object({ scope: ExportScope, unit: z.enum(COOCCURRENCE_UNITS) }).strict()),
  ),
  /** The undo history in words, for the list under the undo button. */
  undoHistory: channel<typeof none, HistoryList>(none),
  /** Undoes the latest `steps` steps, one after another (stepping back to a point of the history). */
  undoTo: channel<z.ZodObject<{ steps: z.ZodNumber }>, Applied>(lazySchema(() => z.object({ steps: z.number().int().min(1).max(500) }).strict())),
  /** Corpus search (words, phrases, OR, NOT, wildcards, regex on a worker), a page of keyword-in-context hits. */
  search: channel<typeof SearchRequest, SearchResult>(SearchRequest),
  /** Codes the hits of a search (all or the ticked ones), widened to a unit; a dry run only previews. One batch. */
  autocode: channel<typeof AutocodeRequest, AutocodeResult & { applied: Applied | null }>(AutocodeRequest),
  /** Paragraphs most like the codings of a code or one coding (BM25 over stems), outside those already coded. */
  similarPassages: channel<typeof SimilarRequest, SimilarPassage[]>(SimilarRequest),
  wordFrequencies: channel<typeof FrequencyRequest, WordFrequency[]>(FrequencyRequest),
  /** What importing a REFI-QDA project (.qdpx, .qde) would bring in and what not, writing nothing. */
  previewRefiProject: channel<z.ZodObject<{ file: typeof ImportFile }>, RefiPreview>(lazySchema(() => z.object({ file: ImportFile }).strict())),
  /** Imports a REFI-QDA project as one batch (one undo step); a bad file changes nothing. */
  importRefiProject: channel<z.ZodObject<{ file: typeof ImportFile }>, RefiImportReport>(lazySchema(() => z.object({ file: ImportFile }).strict())),
  /**
   * Writes the project as a REFI-QDA project (.qdpx) or its codebook (.qdc), for other QDA programs:
   * where the user chooses in Electron (null: the dialog was closed), in the project's `exports`
   * folder on the web transport.
   */
  exportRefiProject: channel<z.ZodObject<{ format: z.ZodEnum<{ qdpx: "qdpx"; qdc: "qdc" }> }>, { path: string; bytes: number } | null>(lazySchema(() => z.object({ format: z.enum(["qdpx", "qdc"]) }).strict())),
  /** Intercoder agreement between two or more coders (percent, Cohen's kappa, Krippendorff's alpha). */
  agreement: channel<typeof AgreementRequestSchema, AgreementReport>(AgreementRequestSchema),
  /** What merging another coder's copy (a project folder) would add, match and conflict on; changes nothing. */
  mergePreview: channel<typeof mergeOther, MergeSummary>(mergeOther),
  /** Merges another coder's copy with a choice per conflict (unlisted: keep ours), as one batch: one undo step. */
  mergeCopy: channel<typeof mergeOther, MergeSummary & Applied>(mergeOther),
  /** Writes a copy of the open project for a second coder (a new folder, or one `.tandai` file), optionally without codings. */
  handoff: channel<typeof handoffArgs, { dir: string; package: boolean; documents: number; codes: number; codings: number }>(handoffArgs),
  /**
   * The main process's own open or save dialog for a `.tandai` package (Electron; null: closed, or
   * no native dialog — the web transport, where the user types the path). Folders: `pickFolder`.
   */
  pickPackage: channel<typeof pickPackageArgs, string | null>(pickPackageArgs),
  /** The changes the mirror has not seen (after its revision), or null: reload the project. */
  changesSince: channel<typeof ChangesArgs, ChangesSince>(ChangesArgs),
  /** The open project's team sync, or null when it is not shared with a team. */
  teamStatus: channel<typeof none, TeamAppStatus | null>(none),
  /** "Sync now": offline, tries the server at once (connected, the sync runs by itself); the status. */
  teamSync: channel<typeof none, TeamAppStatus>(none),
  /** Conflicts the merge surfaced (a code deleted while coded, renamed two ways, …), oldest first. */
  teamConflicts: channel<typeof none, TeamConflict[]>(none),
  /** Keeps what the project holds or takes the other side of a conflict, as one undoable step. */
  teamResolve: channel<typeof TeamResolveArgs, Applied>(TeamResolveArgs),
  /** Shares the open project on a team server (the server's admin token), making this member its owner. */
  teamShare: channel<typeof TeamShareArgs, TeamAppStatus>(TeamShareArgs),
  /** Joins a shared project (its link and the member's token) into a new folder, and opens it. */
  teamJoin: channel<typeof TeamJoinArgs, OpenProject>(TeamJoinArgs),
  /** The team project's members, revoked ones too (the server answers its owner only). */
  teamMembers: channel<typeof none, TeamMember[]>(none),
  /** Invites a coder or viewer (owner only): the link and token, shown once. */
  teamInvite: channel<typeof TeamInviteArgs, TeamInvitation>(TeamInviteArgs),
  /** Revokes a member's token (owner only): their next sync is refused. The members after it. */
  teamRevoke: channel<typeof TeamRevokeArgs, TeamMember[]>(TeamRevokeArgs),
  /** Tells the other members which document this one has open (null: none); nothing for a project not shared. */
  teamPresence: channel<typeof TeamPresenceArgs, null>(TeamPresenceArgs),
} as const;

/** What importing a REFI-QDA project did: its preview, and the batch applied. */
export interface RefiImportReport {
  preview: RefiPreview;
  applied: Applied;
}

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ArgsOf<K extends ChannelName> = z.output<Channels[K]["args"]>;
export type ResultOf<K extends ChannelName> = Channels[K]["result"];
export const channelNames = Object.keys(channels) as ChannelName[];

/** The backend as the renderer sees it, whatever the transport. */
export type TandaiApi = { [K in ChannelName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

/** What a transport carries back: a value, or an error the renderer can translate. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Commands the native menu sends to the renderer (Electron only). */
export const MENU_COMMANDS = ["undo", "redo", "import", "export", "newProject", "openProject", "closeProject", "find"] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
