/**
 * The team replica (issue 14): the pure model that lets members' local projects meet through a Yjs
 * document. The transport (Hocuspocus provider), persistence and CLI live in electron/ and code
 * against this API:
 *
 * - Owner sharing a project: `new TeamReplica({ state, actor, contentHashes })` seeds the doc from the
 *   local project; send `Y.encodeStateAsUpdate(replica.doc)` (or bind the provider to `replica.doc`).
 * - Joiner: sync a fresh Y.Doc with the server first, read `readProjectHeader(doc)`, create an empty local
 *   project with that id/name/createdAt, then `new TeamReplica({ state: empty, actor, update:
 *   Y.encodeStateAsUpdate(syncedDoc), contentHashes: {} })`, fetch `missingTexts([])`, and apply
 *   `batch(replica.pullRemote(empty))`.
 * - Each local operation (once durable): `replica.commitLocal(state, hashes)`.
 * - Remote updates: `applyRemoteUpdate(replica.doc, update)` (or the provider applies them), then
 *   `applyOperation(state, batch(replica.pullRemote(state)))` and persist `replica.snapshot()`.
 * - Restart: `new TeamReplica({ state, actor, ...snapshot, contentHashes })`.
 */
export { TeamReplica, applyRemoteUpdate, readProjectHeader, type TeamReplicaInit } from "./replica.js";
export { canonicalProject } from "./canonical.js";
export { memoSchema, readMemoFragment, writeMemoFragment, memoBodyOf } from "./memoCodec.js";
export { memoFragmentName } from "./layout.js";
export * from "./types.js";
