/**
 * The team replica (issue 14): the pure model that lets members' local projects meet through a Yjs
 * document. The transport (Hocuspocus provider), persistence and CLI live in electron/ and code
 * against this API (names as in the task; additions: the `applied` hint of commitLocal, `lastPull`,
 * `readProjectHeader`, `canonicalProject`, the memo codec):
 *
 * - Owner sharing a project: `new TeamReplica({ state, actor, contentHashes })` seeds the doc from the
 *   local project; send `Y.encodeStateAsUpdate(replica.doc)` (or bind the provider to `replica.doc`).
 * - Joiner: sync a fresh Y.Doc with the server first, read `readProjectHeader(doc)`, create an empty local
 *   project with that id/name/createdAt, then `new TeamReplica({ state: empty, actor, update:
 *   Y.encodeStateAsUpdate(syncedDoc), contentHashes: {} })`, fetch `missingTexts([])`, and apply
 *   `batch(replica.pullRemote(empty))`. (Do not build a replica on an empty project before the sync:
 *   that seeds the doc with the empty project's header.)
 * - Each local operation (once durable): `replica.commitLocal(state, hashes, op)`; `op`, the operation
 *   just applied, is a hint that spares comparing every coding.
 * - Remote updates: `applyRemoteUpdate(replica.doc, update)` (or the provider applies them), then
 *   `applyOperation(state, batch(replica.pullRemote(state)))` and persist `replica.snapshot()` right
 *   after (a snapshot older than the state makes the next start write the pulled changes again:
 *   harmless, but bytes).
 * - Conflicts: `replica.conflicts()`, words in the `team.conflict.*` i18n area; `replica.resolve(id,
 *   "keep" | "other")` returns operations to apply and commit like any local change.
 * - Restart: `new TeamReplica({ state, actor, ...snapshot, contentHashes })`.
 * - A memo editor may bind to `replica.doc.getXmlFragment(memoFragmentName(memoKey(target)))` with
 *   @tiptap/extension-collaboration; its edits then come out of pullRemote as setMemo.
 */
export { TeamReplica, applyRemoteUpdate, readProjectHeader, type TeamReplicaInit } from "./replica.js";
export { canonicalProject } from "./canonical.js";
export { memoSchema, readMemoFragment, writeMemoFragment, memoBodyOf } from "./memoCodec.js";
export { memoFragmentName } from "./layout.js";
export * from "./types.js";
