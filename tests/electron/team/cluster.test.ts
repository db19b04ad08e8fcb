import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { openProject } from "../../../electron/store/index.js";
import { converge } from "../../../electron/team/client/connect.js";
import { readReplica } from "../../../electron/team/client/replicaFile.js";
import { syncOpenProject } from "../../../electron/team/client/sync.js";
import { readTeamConfig, writeTeamConfig } from "../../../electron/team/client/teamFile.js";
import type { CodingId, TextOffset } from "../../../shared/model/ids.js";
import type { ProjectState } from "../../../shared/model/project.js";
import type { TeamAppStatus } from "../../../shared/index.js";
import { applyOperation } from "../../../shared/ops/apply.js";
import { canonicalProject, TeamReplica } from "../../../shared/team/index.js";
import { startPostgres, startRedis, type Service } from "../../team/services.js";
import { SLOW, succeeds } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";
import { killingProxy } from "./killingProxy.js";
import { connectLive, type LiveMember } from "./live.js";
import { startServe, type ServeProcess } from "./serveProcess.js";

const temp = useTempDirs();
const ADMIN = "cluster-test-admin-token-0123456789";
let postgres: Service;
let redis: Service;
const instances: ServeProcess[] = [];
const live: LiveMember[] = [];

beforeAll(async () => {
  // Real servers, started here on free ports; absent ones fail the suite (CI installs them).
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, SLOW);
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
}, SLOW);
afterEach(async () => {
  for (const member of live.splice(0)) member.close();
  for (const instance of instances.splice(0)) await instance.stop();
});

async function instance(): Promise<ServeProcess> {
  const started = await startServe(["--postgres", postgres.url, "--redis", redis.url], { TANDAI_TEAM_ADMIN_TOKEN: ADMIN });
  instances.push(started);
  return started;
}

async function canonical(dir: string): Promise<string> {
  const store = await openProject(dir);
  try {
    return canonicalProject(store.state);
  } finally {
    await store.close();
  }
}

/** A shared project with a document, its owner's folder and Ana's (a coder) joined from `joinVia`. */
async function sharedProject(servers: string, joinVia: string) {
  const root = await temp("tandai-team-cluster-");
  const home = join(root, "home");
  const owner = join(root, "owner");
  await succeeds(["new", owner, "--name", "Tesis"], home);
  const transcript = join(root, "wawancara.txt");
  await writeFile(transcript, "Kepala desa berbicara tentang air bersih.\nWarga meminta sumur baru untuk desa.\n");
  await succeeds(["import", owner, transcript], home);
  await succeeds(["code", owner, "--doc", "wawancara", "--quote", "air bersih", "--code", "Air"], home);
  const shared = await succeeds(["team", "share", owner, "--server", servers, "--admin-token", ADMIN, "--name", "Supervisor"], home);
  const invited = await succeeds(["team", "invite", owner, "--name", "Ana", "--role", "coder"], home);
  const ana = join(root, "ana");
  await succeeds(["team", "join", `${joinVia}/${shared.projectId}`, ana, "--token", invited.token], home);
  return { root, home, owner, ana, projectId: shared.projectId as string, anaToken: invited.token as string, ownerToken: (await readTeamConfig(owner)).token };
}

/** A member's replica as the sync left it, to drive live (as the app will). */
async function replicaOf(dir: string): Promise<{ replica: TeamReplica; state: ProjectState }> {
  const store = await openProject(dir);
  const state = structuredClone(store.state);
  await store.close();
  const record = (await readReplica(dir))!;
  const config = await readTeamConfig(dir);
  return { replica: new TeamReplica({ state, actor: config.member, base: record.base, update: record.update, contentHashes: record.contentHashes }), state };
}

describe("team servers: two Hocuspocus instances, Redis between them, PostgreSQL behind", () => {
  it(
    "a coding made by a member on one instance reaches a member connected to the other, live",
    async () => {
      const [a, b] = [await instance(), await instance()];
      const project = await sharedProject(a.url, b.url);
      const owner = await replicaOf(project.owner);
      const ana = await replicaOf(project.ana);
      const ownerLive = await connectLive(a.url, project.projectId, project.ownerToken, owner.replica.doc);
      const anaLive = await connectLive(b.url, project.projectId, project.anaToken, ana.replica.doc);
      live.push(ownerLive, anaLive);

      const documentId = Object.keys(owner.state.documents)[0]! as keyof ProjectState["documents"];
      const codeId = Object.keys(owner.state.codes)[0]! as keyof ProjectState["codes"];
      const codingId = "coding-live-1" as CodingId;
      applyOperation(owner.state, { type: "addCoding", coding: { id: codingId, documentId, codeId, start: 0 as TextOffset, end: 11 as TextOffset, coder: "Supervisor", stance: "supports", createdAt: new Date().toISOString() } });
      const record = (await readReplica(project.owner))!;
      owner.replica.commitLocal(owner.state, record.contentHashes);

      await anaLive.until((doc) => JSON.stringify(doc.toJSON()).includes(codingId));
      const ops = ana.replica.pullRemote(ana.state);
      expect(ops).toContainEqual(expect.objectContaining({ type: "addCoding", coding: expect.objectContaining({ id: codingId, start: 0, end: 11 }) }));
    },
    SLOW,
  );

  it(
    "a revoke handled by one instance ends the member's connection on the other at once (Redis), so they stop syncing",
    async () => {
      const [a, b] = [await instance(), await instance()];
      // The owner talks to A; Ana is connected to B, live (as the app keeps her).
      const project = await sharedProject(a.url, b.url);
      const ana = await replicaOf(project.ana);
      const anaLive = await connectLive(b.url, project.projectId, project.anaToken, ana.replica.doc);
      live.push(anaLive);
      await succeeds(["team", "revoke", project.owner, "--name", "Ana"], project.home);
      // Well inside the sweep's minute: the revocation came over Redis, not from B's own check.
      await anaLive.ended(20_000);
      // And she cannot come back: B refuses her token on her next connection.
      await expect(converge(new Y.Doc(), { server: b.url, projectId: project.projectId, token: project.anaToken, readOnly: false, timeoutMs: 30_000 })).rejects.toMatchObject({ code: "teamCli.errors.tokenRefused" });
    },
    SLOW,
  );

  it(
    "in the app, a member connected to the other instance is refused at the revoke, without syncing again",
    async () => {
      const [a, b] = [await instance(), await instance()];
      const project = await sharedProject(a.url, b.url);
      // Ana's team.json names B only: her app stays connected there while the owner revokes through A.
      const backend = await new Backend({ home: join(project.root, "ana-home"), projectsDir: join(project.root, "ana-projects"), version: "test", transport: "web", systemLocale: "en-US", userName: "Ana", teamSync: true }).init();
      try {
        const ask = async (channel: string, args: unknown = {}) => {
          const envelope = await dispatch(backend, channel, args);
          if (!envelope.ok) throw new Error(`${channel} refused: ${JSON.stringify(envelope.error)}`);
          return envelope.value;
        };
        await ask("openProject", { dir: project.ana });
        const state = async () => ((await ask("teamStatus")) as TeamAppStatus).state;
        await expect.poll(state, { timeout: 30_000, interval: 100 }).toBe("synced");
        expect(((await ask("teamStatus")) as TeamAppStatus).server).toBe(b.url);
        await succeeds(["team", "revoke", project.owner, "--name", "Ana"], project.home);
        await expect.poll(state, { timeout: 20_000, interval: 100 }).toBe("refused");
      } finally {
        await backend.closeProject();
      }
    },
    SLOW,
  );

  it(
    "SIGKILL of the instance a member is syncing with loses nothing: the member finishes on the other, and a restarted instance serves it all from PostgreSQL",
    async () => {
      const [a, b] = [await instance(), await instance()];
      const proxy = await killingProxy(a.port, () => a.child.kill("SIGKILL"));
      const project = await sharedProject(b.url, b.url);
      // Both members list A (through the relay that kills it) first, then B.
      for (const dir of [project.owner, project.ana]) await writeTeamConfig(dir, { ...(await readTeamConfig(dir)), servers: [proxy.url, b.url] });

      for (const [quote, code] of [["Kepala desa", "Aktor/Kepala desa"], ["sumur baru", "Kebutuhan/Sumur"], ["desa.", "Tempat"]])
        await succeeds(["code", project.ana, "--doc", "wawancara", "--quote", quote!, "--code", code!], project.home);

      const store = await openProject(project.ana);
      const report = await syncOpenProject(store, await readTeamConfig(project.ana), { timeoutMs: 30_000 }).finally(() => store.close());
      await proxy.close();
      // A died with Ana's update on the wire; the sync went on with B and reports it.
      expect(proxy.killed()).toBe(true);
      await new Promise((resolve) => (a.child.signalCode !== null ? resolve(null) : a.child.once("exit", resolve)));
      expect(a.child.signalCode).toBe("SIGKILL");
      expect(report.server).toBe(b.url);
      expect(report.pushed).toBe(3);

      // The owner's team.json lists both: A is gone, so its sync fails over to B and gets Ana's codings.
      const ownerSync = await succeeds(["team", "sync", project.owner], project.home);
      expect(ownerSync.server).toBe(b.url);
      expect(await canonical(project.owner)).toBe(await canonical(project.ana));

      // Everything is in PostgreSQL: B stopped too, a fresh instance serves a new member all of it.
      await b.stop();
      const c = await instance();
      // A replacement instance: the owner points team.json at it.
      await writeTeamConfig(project.owner, { ...(await readTeamConfig(project.owner)), servers: [c.url] });
      const invited = await succeeds(["team", "invite", project.owner, "--name", "Vic", "--role", "viewer"], project.home);
      const vic = join(project.root, "vic");
      await succeeds(["team", "join", `${c.url}/${project.projectId}`, vic, "--token", invited.token], project.home);
      expect(await canonical(vic)).toBe(await canonical(project.ana));
      const state = JSON.parse(await canonical(vic)) as ProjectState;
      expect(Object.keys(state.codings)).toHaveLength(4);
    },
    SLOW * 2,
  );
});
