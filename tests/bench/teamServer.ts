/**
 * The team server on 127.0.0.1, as two online members see it: how long a coding made by one takes
 * to reach the other (commitLocal → Hocuspocus → the other's pullRemote yields the addCoding), as a
 * ratio to a bare Y update's round trip through the same server and connections in the same run;
 * and the server's memory per open project (the resident memory of a `tandai team serve` process
 * with N projects open, less with none, per project), beside the size of the project's Yjs state. Target: ≤ 500 ms for a coding to be visible.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import * as Y from "yjs";
import { converge } from "../../electron/team/client/connect.js";
import { inviteMember, shareProject } from "../../electron/team/server/auth.js";
import { startTeamServer } from "../../electron/team/server/server.js";
import { emptyProject, type CodeId, type CodingId, type DocumentId, type ProjectId, type Operation, type ProjectState, type TextOffset } from "../../shared/index.js";
import { applyOperation } from "../../shared/ops/apply.js";
import { TeamReplica } from "../../shared/team/index.js";
import { connectLive } from "../electron/team/live.js";
import { startServe } from "../electron/team/serveProcess.js";
import { NOW } from "../shared/fixtures.js";

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

/** A process's resident memory, bytes (Linux). */
function rss(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
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
      const committing: number[] = [];
      const travelling: number[] = [];
      const pulling: number[] = [];
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
        const committed = performance.now();
        let travelled = 0;
        let pulled = 0;
        for (;;) {
          await arrivedUpdate;
          const arrivedAt = performance.now();
          if (!travelled) travelled = arrivedAt - committed;
          arrivedUpdate = nextUpdate(ana.doc);
          const ops = ana.pullRemote(anaState);
          pulled += performance.now() - arrivedAt;
          for (const one of ops) applyOperation(anaState, one, NOW);
          if (ops.some((one) => JSON.stringify(one).includes(id))) break;
        }
        committing.push(committed - start);
        travelling.push(travelled);
        pulling.push(pulled);
        coding.push(performance.now() - start);
      }
      for (const member of [ownerOnline, anaOnline, bareOwner, bareOther]) member.close();
      const baseline = median(bare);
      lines.push(`| bare Y update, member to member (baseline; beside the ${size.toLocaleString("en")}-coding project) | ${baseline.toFixed(1)} ms | 1.00 |`);
      lines.push(`| a coding visible to the other member, ${size.toLocaleString("en")} codings | ${median(coding).toFixed(1)} ms | ${(median(coding) / baseline).toFixed(2)} |`);
      for (const [what, values] of [["commitLocal (the coder's replica)", committing], ["server round trip", travelling], ["pullRemote (the other's replica)", pulling]] as const)
        lines.push(`| … of which ${what} | ${median(values).toFixed(1)} ms | ${(median(values) / baseline).toFixed(2)} |`);
    }

    // Memory: a separate `tandai team serve` process, so only the server's side is counted: its
    // resident memory with N projects open (one viewer connected to each) minus with none.
    const memory: string[] = ["", "| server memory per open project (own process, RSS) | per project | Yjs state | × state |", "|---|---:|---:|---:|"];
    const admin = { TANDAI_TEAM_ADMIN_TOKEN: "bench-admin-token-0123456789" };
    for (const [size, count] of [[1_000, 20], [100_000, 3]] as const) {
      const file = join(dir, `memory-${size}.db`);
      const { state, hashes } = project(size);
      const seeded = new TeamReplica({ state, actor: "Owner", contentHashes: hashes });
      const projects: { projectId: string; token: string }[] = [];
      const seeder = await startServe(["--sqlite", file], admin);
      try {
        for (let i = 0; i < count; i++) {
          const response = await fetch(`http://127.0.0.1:${seeder.port}/api/projects`, { method: "POST", headers: { authorization: `Bearer ${admin.TANDAI_TEAM_ADMIN_TOKEN}` }, body: JSON.stringify({ name: `M${i}`, owner: "Owner" }) });
          const shared = (await response.json()) as { projectId: string; token: string };
          await converge(seeded.doc, { server: seeder.url, projectId: shared.projectId, token: shared.token, readOnly: false, timeoutMs: 300_000 });
          projects.push(shared);
        }
      } finally {
        await seeder.stop();
      }
      // A fresh process on that database (a process's resident memory does not shrink back after
      // the seeding): its baseline with nothing open, then with every project open.
      const serve = await startServe(["--sqlite", file], admin);
      try {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const before = rss(serve.child.pid!);
        const members = [];
        for (const { projectId, token } of projects) members.push(await connectLive(serve.url, projectId, token));
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const perProject = (rss(serve.child.pid!) - before) / count;
        for (const member of members) member.close();
        const update = Y.encodeStateAsUpdate(seeded.doc);
        memory.push(`| ${size.toLocaleString("en")} codings (${count} projects open) | ${(perProject / 2 ** 20).toFixed(1)} MiB | ${(update.length / 2 ** 20).toFixed(2)} MiB | ${(perProject / update.length).toFixed(1)} |`);
      } finally {
        await serve.stop();
      }
    }
    return [...lines, ...memory].join("\n");
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
