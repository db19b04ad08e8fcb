/**
 * The team server on 127.0.0.1, as two online members see it: how long a coding made by one takes
 * to reach the other (commitLocal → Hocuspocus → the other's pullRemote yields the addCoding), as a
 * ratio to a bare Y update's round trip through the same server and connections in the same run;
 * and the server's memory per open project (heap + external after GC, per project loaded), beside
 * the size of the project's Yjs state. Target: ≤ 500 ms for a coding to be visible.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as Y from "yjs";
import { converge } from "../../electron/team/client/connect.js";
import { inviteMember, shareProject } from "../../electron/team/server/auth.js";
import { startTeamServer } from "../../electron/team/server/server.js";
import { emptyProject, type CodeId, type CodingId, type DocumentId, type ProjectId, type Operation, type ProjectState, type TextOffset } from "../../shared/index.js";
import { applyOperation } from "../../shared/ops/apply.js";
import { TeamReplica } from "../../shared/team/index.js";
import { connectLive } from "../electron/team/live.js";

const NOW = "2026-01-01T00:00:00.000Z";
const RUNS = 40;

function project(codings: number): { state: ProjectState; hashes: Record<DocumentId, string> } {
  const state = emptyProject("benchteam" as ProjectId, "Benchmark", NOW);
  const hashes: Record<DocumentId, string> = {};
  for (let d = 0; d < 20; d++) {
    const id = `document${d}` as DocumentId;
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length: 60_000, blockCount: 1, pageCount: null };
    hashes[id] = d.toString(16).padStart(64, "0");
  }
  for (let c = 0; c < 100; c++) {
    const id = `code${c}` as CodeId;
    state.codes[id] = { id, name: `Kode ${c}`, color: "#e69f00", parentId: null, order: c, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
  }
  for (let i = 0; i < codings; i++) {
    const id = `coding${i}` as CodingId;
    const start = (i * 37) % 59_000;
    state.codings[id] = { id, documentId: `document${i % 20}` as DocumentId, codeId: `code${i % 100}` as CodeId, start: start as TextOffset, end: (start + 120) as TextOffset, coder: "bench", stance: "supports", createdAt: NOW };
  }
  return { state, hashes };
}

/** The next update that reaches `doc` (from the server: the member itself writes nothing here). */
const nextUpdate = (doc: Y.Doc) => new Promise<void>((resolve) => doc.once("update", () => resolve()));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function gc(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  (runInNewContext("gc") as () => void)();
}

export async function benchTeamServer(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tandai-bench-team-"));
  const server = await startTeamServer({ port: 0, host: "127.0.0.1", store: { kind: "sqlite", file: join(dir, "team.db") } });
  const lines = ["| what | median | × baseline |", "|---|---:|---:|"];
  try {
    for (const size of [1_000, 100_000]) {
      const { state, hashes } = project(size);
      const shared = await shareProject(server.store, `P${size}`, "Owner");
      const coder = (await inviteMember(server.store, shared.projectId, "Ana", "coder"))!;
      const owner = new TeamReplica({ state: structuredClone(state), actor: "Owner", contentHashes: hashes });
      // The owner shares, Ana joins (as `tandai team share` and `join` do), then both stay online.
      await converge(owner.doc, { server: server.url, projectId: shared.projectId, token: shared.token, readOnly: false, timeoutMs: 120_000 });
      const anaDoc = new Y.Doc();
      await converge(anaDoc, { server: server.url, projectId: shared.projectId, token: coder.token, readOnly: true, timeoutMs: 120_000 });
      const ana = new TeamReplica({ state: emptyProject(state.id, state.name, NOW), actor: "Ana", update: Y.encodeStateAsUpdate(anaDoc), contentHashes: {} });
      const anaState = emptyProject(state.id, state.name, NOW);
      for (const op of ana.pullRemote(anaState)) applyOperation(anaState, op, NOW);
      // The members as the app holds them: each replica's own doc online.
      const ownerOnline = await connectLive(server.url, shared.projectId, shared.token, owner.doc);
      const anaOnline = await connectLive(server.url, shared.projectId, coder.token, ana.doc);
      // The baseline's own pair of docs, on a project of their own on the same server.
      const bareShare = await shareProject(server.store, `bare${size}`, "Owner");
      const bareOwner = await connectLive(server.url, bareShare.projectId, bareShare.token);
      const bareOther = await connectLive(server.url, bareShare.projectId, bareShare.token);
      const bare: number[] = [];
      const coding: number[] = [];
      const ownerState = structuredClone(state);
      for (let run = 0; run < RUNS; run++) {
        // Baseline: one Y map entry from one member's doc to the other's, through the same server.
        const key = `bench-${size}-${run}`;
        let start = performance.now();
        const arrived = bareOther.until((doc) => doc.getMap("bench").has(key), 10_000);
        bareOwner.doc.getMap("bench").set(key, run);
        await arrived;
        bare.push(performance.now() - start);
        // A coding: applied locally, committed to the replica, seen by the other as an addCoding op.
        const id = `live-${size}-${run}` as CodingId;
        start = performance.now();
        const op: Operation = { type: "addCoding", coding: { id, documentId: "document1" as DocumentId, codeId: "code1" as CodeId, start: (run * 10) as TextOffset, end: (run * 10 + 5) as TextOffset, coder: "Owner", stance: "supports", createdAt: NOW } };
        applyOperation(ownerState, op, NOW);
        let arrivedUpdate = nextUpdate(ana.doc);
        // As the app will: the applied operation as the hint, so one coding is looked at, not all.
        owner.commitLocal(ownerState, hashes, op);
        for (;;) {
          await arrivedUpdate;
          arrivedUpdate = nextUpdate(ana.doc);
          const ops = ana.pullRemote(anaState);
          for (const op of ops) applyOperation(anaState, op, NOW);
          if (ops.some((op) => JSON.stringify(op).includes(id))) break;
        }
        coding.push(performance.now() - start);
      }
      for (const member of [ownerOnline, anaOnline, bareOwner, bareOther]) member.close();
      const baseline = median(bare);
      lines.push(`| bare Y update, member to member (baseline), ${size.toLocaleString("en")} codings | ${baseline.toFixed(1)} ms | 1.00 |`);
      lines.push(`| a coding visible to the other member, ${size.toLocaleString("en")} codings | ${median(coding).toFixed(1)} ms | ${(median(coding) / baseline).toFixed(2)} |`);
    }

    // Memory: projects held open by the server (one member connected to each), after GC.
    const memory: string[] = ["", "| server memory per open project | heap + external | Yjs state | × state |", "|---|---:|---:|---:|"];
    for (const [size, count] of [[1_000, 20], [100_000, 3]] as const) {
      const { state, hashes } = project(size);
      const seeded = new TeamReplica({ state, actor: "Owner", contentHashes: hashes });
      const update = Y.encodeStateAsUpdate(seeded.doc);
      const tokens: { projectId: string; token: string }[] = [];
      for (let i = 0; i < count; i++) {
        const shared = await shareProject(server.store, `M${size}-${i}`, "Owner");
        await server.store.appendDocumentUpdate(shared.projectId, update);
        tokens.push(shared);
      }
      gc();
      const before = process.memoryUsage();
      const members = [];
      for (const { projectId, token } of tokens) members.push(await connectLive(server.url, projectId, token));
      gc();
      const after = process.memoryUsage();
      // The members' own docs live in this process too: subtract one copy of each.
      const perProject = (after.heapUsed + after.external - before.heapUsed - before.external) / count;
      const memberDoc = new Y.Doc();
      gc();
      const m0 = process.memoryUsage();
      Y.applyUpdate(memberDoc, update);
      gc();
      const m1 = process.memoryUsage();
      const memberCopy = m1.heapUsed + m1.external - m0.heapUsed - m0.external;
      const serverSide = perProject - memberCopy;
      for (const member of members) member.close();
      memory.push(`| ${size.toLocaleString("en")} codings (${count} projects open) | ${(serverSide / 2 ** 20).toFixed(1)} MiB | ${(update.length / 2 ** 20).toFixed(2)} MiB | ${(serverSide / update.length).toFixed(1)} |`);
    }
    return [...lines, ...memory].join("\n");
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
