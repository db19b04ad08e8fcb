/**
 * Team sync benchmark (issue 14): a shared project of 100k codings; one member comes back from weeks
 * offline with 5k local changes (codings added and removed, stances and codes changed, codes renamed,
 * memos written) while another made 500 of their own. Measured: committing the changes to the replica,
 * the exchange (both Y updates, with their size), and each side's pullRemote plus applying its batch,
 * through the same TeamReplica the app uses. Printed as ratios to JSON.stringify of the project,
 * measured in the same run.
 */
import * as Y from "yjs";
import { applyOperation, batch, emptyProject, type CodeId, type CodingId, type DocumentId, type Operation, type ProjectId, type ProjectState, type TextOffset } from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";
import { TeamReplica, applyRemoteUpdate, canonicalProject } from "../../shared/team/index.js";
import { NOW } from "../shared/fixtures.js";

// TEAM_SYNC_CODINGS / TEAM_SYNC_CHANGES scale it down when profiling.
const CODINGS = Number(process.env.TEAM_SYNC_CODINGS ?? 100_000);
const DOCUMENTS = 50;
const LENGTH = 40_000;
const CODES = 200;
const AWAY_CHANGES = Number(process.env.TEAM_SYNC_CHANGES ?? 5_000);
const HOME_CHANGES = 500;

function buildProject(): ProjectState {
  const state = emptyProject("benchteamsync" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(14);
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `document${d}` as DocumentId;
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length: LENGTH, blockCount: 80, pageCount: null };
  }
  for (let i = 0; i < CODES; i++) {
    const id = `code${String(i).padStart(4, "0")}` as CodeId;
    state.codes[id] = { id, name: `Kode ${i}`, color: "#e69f00", parentId: i >= 20 ? (`code${String(i % 20).padStart(4, "0")}` as CodeId) : null, order: i, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
  }
  for (let i = 0; i < CODINGS; i++) {
    const id = `coding${String(i).padStart(8, "0")}` as CodingId;
    const start = Math.floor(random() * (LENGTH - 500));
    state.codings[id] = { id, documentId: `document${Math.floor(random() * DOCUMENTS)}` as DocumentId, codeId: `code${String(Math.floor(random() * CODES)).padStart(4, "0")}` as CodeId, start: start as TextOffset, end: (start + 20 + Math.floor(random() * 400)) as TextOffset, coder: "Ayu", stance: "supports", createdAt: NOW };
  }
  return state;
}

/** `count` valid local changes of the mix a coder makes in the field. */
function changes(state: ProjectState, count: number, coder: string, seed: number): Operation[] {
  const random = seededRandom(seed);
  const ops: Operation[] = [];
  const codingIds = Object.keys(state.codings) as CodingId[];
  const codeIds = Object.keys(state.codes) as CodeId[];
  const taken = new Set<string>();
  const untaken = () => {
    for (;;) {
      const id = codingIds[Math.floor(random() * codingIds.length)]!;
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
  for (let i = 0; i < count; i++) {
    const r = random();
    const codeId = codeIds[Math.floor(random() * codeIds.length)]!;
    if (r < 0.6) {
      const start = Math.floor(random() * (LENGTH - 500));
      ops.push({ type: "addCoding", coding: { id: `${coder}${seed}x${i}` as CodingId, documentId: `document${Math.floor(random() * DOCUMENTS)}` as DocumentId, codeId, start: start as TextOffset, end: (start + 50) as TextOffset, coder, stance: "supports", createdAt: NOW } });
    } else if (r < 0.8) ops.push({ type: "removeCoding", codingId: untaken() });
    else if (r < 0.88) ops.push({ type: "setStance", codingId: untaken(), stance: "contradicts" });
    else if (r < 0.94) ops.push({ type: "recodeCoding", codingId: untaken(), codeId });
    else if (r < 0.97) ops.push({ type: "updateCode", codeId, name: `Kode ${coder} ${i}` });
    else ops.push({ type: "setMemo", target: { kind: "code", id: codeId }, content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Catatan ${coder} ${i}` }] }] }, text: `Catatan ${coder} ${i}` });
  }
  return ops;
}

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const out = fn();
  return [out, performance.now() - start];
};

export function benchTeamSync(): string {
  const home = buildProject();
  const hashes = Object.fromEntries(Object.keys(home.documents).map((id) => [id, `hash-${id}`]));
  const [, stringify] = time(() => JSON.stringify(home));
  const [homeReplica, seed] = time(() => new TeamReplica({ state: home, actor: "Ayu", contentHashes: hashes }));
  const [update, encodeAll] = time(() => Y.encodeStateAsUpdate(homeReplica.doc));
  const away = emptyProject(home.id, home.name, home.createdAt);
  const [awayReplica, joinApply] = time(() => new TeamReplica({ state: away, actor: "Budi", update, contentHashes: {} }));
  const [, joinPull] = time(() => applyOperation(away, batch(awayReplica.pullRemote(away))));

  // Weeks apart: every change committed as it is made (as the app does), timed one by one.
  const awayOps = changes(away, AWAY_CHANGES, "Budi", 1);
  const perCommit: number[] = [];
  for (const op of awayOps) {
    applyOperation(away, op);
    perCommit.push(time(() => awayReplica.commitLocal(away, {}, op))[1]);
  }
  for (const op of changes(home, HOME_CHANGES, "Ayu", 2)) {
    applyOperation(home, op);
    homeReplica.commitLocal(home, {}, op);
  }
  perCommit.sort((a, b) => a - b);
  const commitMedian = perCommit[Math.floor(perCommit.length / 2)]!;

  // Back online: both send what the other lacks, and both pull.
  const [toHome, encodeAway] = time(() => Y.encodeStateAsUpdate(awayReplica.doc, Y.encodeStateVector(homeReplica.doc)));
  const [toAway, encodeHome] = time(() => Y.encodeStateAsUpdate(homeReplica.doc, Y.encodeStateVector(awayReplica.doc)));
  const [, applyHome] = time(() => applyRemoteUpdate(homeReplica.doc, toHome));
  const [, applyAway] = time(() => applyRemoteUpdate(awayReplica.doc, toAway));
  const [homeOps, pullHome] = time(() => homeReplica.pullRemote(home));
  const [, applyHomeOps] = time(() => applyOperation(home, batch(homeOps)));
  const [awayOpsIn, pullAway] = time(() => awayReplica.pullRemote(away));
  const [, applyAwayOps] = time(() => applyOperation(away, batch(awayOpsIn)));
  const converged = canonicalProject(home) === canonicalProject(away);

  // Online afterwards: one coding by the member away reaches home (commit, the update the provider
  // sends from doc.on("update"), apply, pull): the quick pull.
  const online: number[] = [];
  const sent: Uint8Array[] = [];
  awayReplica.doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === awayReplica.origin) sent.push(update);
  });
  for (let i = 0; i < 21; i++) {
    const op: Operation = { type: "addCoding", coding: { id: `online${i}` as CodingId, documentId: "document0" as DocumentId, codeId: "code0001" as CodeId, start: (i * 10) as TextOffset, end: (i * 10 + 5) as TextOffset, coder: "Budi", stance: "supports", createdAt: NOW } };
    online.push(
      time(() => {
        applyOperation(away, op);
        awayReplica.commitLocal(away, {}, op);
        for (const update of sent.splice(0)) applyRemoteUpdate(homeReplica.doc, update);
        applyOperation(home, batch(homeReplica.pullRemote(home, { committed: true })));
      })[1],
    );
  }
  online.sort((a, b) => a - b);
  const onlineKind = homeReplica.lastPull;
  const sync = encodeAway + encodeHome + applyHome + applyAway + pullHome + applyHomeOps + pullAway + applyAwayOps;

  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  const line = (what: string, ms: number, extra = "") => `| ${what} | ${ms.toFixed(ms < 10 ? 2 : 0)} ms | ${(ms / stringify).toFixed(2)}× | ${extra} |`;
  return [
    `${CODINGS.toLocaleString("en")} codings, ${CODES} codes, ${DOCUMENTS} documents; the member away makes ${AWAY_CHANGES.toLocaleString("en")} changes, the one at home ${HOME_CHANGES}; converged: ${converged ? "yes" : "NO"}. Project JSON ${kib(JSON.stringify(home).length)}, full Y update ${kib(update.byteLength)}.`,
    "",
    "| step | time | ratio to JSON.stringify of the project | size |",
    "|---|---:|---:|---:|",
    line("baseline: `JSON.stringify(state)`", stringify),
    line("owner seeds the doc from the project", seed),
    line("full update encoded (what a joiner downloads)", encodeAll, kib(update.byteLength)),
    line("joiner loads it and pulls the whole project", joinApply + joinPull, `${Object.keys(away.codings).length.toLocaleString("en")} codings`),
    line("commitLocal of one change while away (median)", commitMedian, `p95 ${perCommit[Math.floor(perCommit.length * 0.95)]!.toFixed(1)} ms`),
    line("away → home update encoded", encodeAway, kib(toHome.byteLength)),
    line("home → away update encoded", encodeHome, kib(toAway.byteLength)),
    line("updates applied to both docs", applyHome + applyAway),
    line(`home pulls (${homeOps.length} ops) and applies them`, pullHome + applyHomeOps),
    line(`away pulls (${awayOpsIn.length} ops) and applies them`, pullAway + applyAwayOps),
    line("**sync in all (exchange + both pulls)**", sync, "target ≤ 10 s"),
    line(`online: one coding from the other member, commit to pulled (median of ${online.length}; the ${onlineKind} pull, \`committed: true\`)`, online[Math.floor(online.length / 2)]!, "in-process, no network"),
  ].join("\n");
}
