import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { converge } from "../../../electron/team/client/connect.js";
import { whoAmI } from "../../../electron/team/client/http.js";
import { inviteMember, shareProject } from "../../../electron/team/server/auth.js";
import { storedState } from "../../../electron/team/server/persistence.js";
import { startTeamServer, type RunningTeamServer } from "../../../electron/team/server/server.js";
import { contentHash } from "../../../electron/team/server/tokens.js";
import { useTempDirs } from "../tempDirs.js";
import { connectLive, type LiveMember } from "./live.js";

const tempDir = useTempDirs();
const running: RunningTeamServer[] = [];
const live: LiveMember[] = [];
afterEach(async () => {
  for (const member of live.splice(0)) member.close();
  for (const server of running.splice(0)) await server.close();
});

async function sqliteServer(file?: string, adminToken?: string, revocationSweepMs?: number) {
  const db = file ?? join(await tempDir("tandai-team-"), "team.db");
  const server = await startTeamServer({ port: 0, host: "127.0.0.1", store: { kind: "sqlite", file: db }, adminToken, revocationSweepMs });
  running.push(server);
  return { server, db };
}

const sync = (server: RunningTeamServer, doc: Y.Doc, projectId: string, token: string, readOnly = false) =>
  converge(doc, { server: server.url, projectId, token, readOnly, timeoutMs: 30_000 });

const http = (server: RunningTeamServer, method: string, path: string, token: string, body?: Uint8Array) =>
  fetch(`http://127.0.0.1:${server.port}${path}`, { method, headers: { authorization: `Bearer ${token}` }, body: body ? new Blob([new Uint8Array(body)]) : undefined });

describe("team server: tokens", () => {
  it("refuses a connection without a member token of that project, with the CLI's message", async () => {
    const { server } = await sqliteServer();
    const one = await shareProject(server.store, "One", "Supervisor");
    const other = await shareProject(server.store, "Other", "Someone");
    for (const token of ["", "tandai_wrong", other.token]) {
      await expect(sync(server, new Y.Doc(), one.projectId, token)).rejects.toMatchObject({ code: "teamCli.errors.tokenRefused", params: { server: server.url } });
      await expect(whoAmI(server.url, one.projectId, token || "x")).rejects.toMatchObject({ code: "teamCli.errors.tokenRefused" });
    }
    await expect(whoAmI(server.url, one.projectId, one.token)).resolves.toEqual({ projectId: one.projectId, name: "Supervisor", role: "owner" });
  });

  it("ends an open connection whose member was revoked behind its back (the sweep that covers a lost Redis message)", async () => {
    const { server } = await sqliteServer(undefined, undefined, 200);
    const shared = await shareProject(server.store, "One", "Supervisor");
    const ana = (await inviteMember(server.store, shared.projectId, "Ana", "coder"))!;
    const anaLive = await connectLive(server.url, shared.projectId, ana.token);
    const ownerLive = await connectLive(server.url, shared.projectId, shared.token);
    live.push(anaLive, ownerLive);
    // Straight into the store, as another instance would (no route here, no Redis message).
    expect(await server.store.revokeMember(shared.projectId, "Ana", new Date().toISOString())).toBe(true);
    await anaLive.ended(20_000);
    // The owner's connection is not touched: a change of theirs still reaches the server.
    ownerLive.doc.getMap("probe").set("still", "here");
    await expect.poll(() => server.server.hocuspocus.documents.get(shared.projectId)?.getMap("probe").get("still"), { timeout: 20_000 }).toBe("here");
    expect(server.server.hocuspocus.documents.get(shared.projectId)?.getConnections().map((c) => (c.context as { member: { name: string } }).member.name)).toEqual(["Supervisor"]);
  });

  it("keeps only hashes of tokens, generates the admin token once, and lets the environment replace it", async () => {
    const { server, db } = await sqliteServer();
    const generated = server.generatedAdminToken!;
    expect(generated).toMatch(/^tandai_/);
    const member = await shareProject(server.store, "P", "Owner");
    await server.close();
    running.pop();
    const bytes = await readFile(db);
    const wal = await readFile(`${db}-wal`).catch(() => Buffer.alloc(0));
    for (const token of [generated, member.token]) {
      expect(bytes.includes(token)).toBe(false);
      expect(wal.includes(token)).toBe(false);
    }
    const again = await sqliteServer(db);
    expect(again.server.generatedAdminToken).toBeUndefined();
    const share = (token: string) => http(again.server, "POST", "/api/projects", token, Buffer.from(JSON.stringify({ name: "Q", owner: "Me" })));
    expect((await share(generated)).status).toBe(201);
    await again.server.close();
    running.pop();
    const rotated = await sqliteServer(db, "a-new-admin-token-from-env");
    const withServer = (token: string) => http(rotated.server, "POST", "/api/projects", token, Buffer.from(JSON.stringify({ name: "Q", owner: "Me" })));
    expect((await withServer(generated)).status).toBe(401);
    expect((await withServer("a-new-admin-token-from-env")).status).toBe(201);
  });

  it("refuses a revoked token and ends its open connection", async () => {
    const { server } = await sqliteServer();
    const project = await shareProject(server.store, "P", "Owner");
    const coder = (await inviteMember(server.store, project.projectId, "Ana", "coder"))!;
    const ana = await connectLive(server.url, project.projectId, coder.token);
    live.push(ana);
    const closed = new Promise((resolve) => ana.provider.on("close", resolve));
    const response = await http(server, "DELETE", `/api/projects/${project.projectId}/members/Ana`, project.token);
    expect(response.status).toBe(200);
    await closed;
    await expect(sync(server, new Y.Doc(), project.projectId, coder.token)).rejects.toMatchObject({ code: "teamCli.errors.tokenRefused" });
    // Only the owner revokes.
    const viewer = (await inviteMember(server.store, project.projectId, "Vic", "viewer"))!;
    expect((await http(server, "DELETE", `/api/projects/${project.projectId}/members/Owner`, viewer.token)).status).toBe(403);
    // A malformed name is the request's fault, not the server's.
    const malformed = await http(server, "DELETE", `/api/projects/${project.projectId}/members/%E0%A4%A`, project.token);
    expect([malformed.status, await malformed.json()]).toEqual([400, { error: "badName" }]);
  });
});

describe("team server: presence", () => {
  it("says who is online as the token authenticated them, whatever the client claims, and keeps only a plausible document id", async () => {
    const { server } = await sqliteServer();
    const project = await shareProject(server.store, "P", "Supervisor");
    const coder = (await inviteMember(server.store, project.projectId, "Ana", "coder"))!;
    const viewer = (await inviteMember(server.store, project.projectId, "Vic", "viewer"))!;
    const owner = await connectLive(server.url, project.projectId, project.token);
    const ana = await connectLive(server.url, project.projectId, coder.token);
    const vic = await connectLive(server.url, project.projectId, viewer.token);
    live.push(owner, ana, vic);
    const seen = (clientId: number) => (owner.provider.awareness!.getStates().get(clientId) as { tandai?: unknown } | undefined)?.tandai;
    // Ana claims to be the supervisor; Vic (read-only) claims an id no document has.
    ana.provider.setAwarenessField("tandai", { member: "Supervisor", role: "owner", documentId: "doc-1" });
    vic.provider.setAwarenessField("tandai", { member: "Vic", role: "viewer", documentId: "x".repeat(5000) });
    await expect.poll(() => seen(ana.provider.awareness!.clientID), { timeout: 20_000 }).toEqual({ member: "Ana", role: "coder", documentId: "doc-1" });
    await expect.poll(() => seen(vic.provider.awareness!.clientID), { timeout: 20_000 }).toEqual({ member: "Vic", role: "viewer", documentId: null });
  });
});

describe("team server: a viewer cannot write", () => {
  it("drops a viewer's update in the server, so it never reaches another member or the database", async () => {
    const { server } = await sqliteServer();
    const project = await shareProject(server.store, "P", "Owner");
    const viewer = (await inviteMember(server.store, project.projectId, "Vic", "viewer"))!;
    const owner = await connectLive(server.url, project.projectId, project.token);
    const vic = await connectLive(server.url, project.projectId, viewer.token);
    live.push(owner, vic);
    // A modified client that writes anyway: the UI would not let a viewer, the server must not either.
    vic.doc.getMap("codes").set("forged", "by a viewer");
    // Then the owner writes; once the viewer has that, the server has relayed everything before it.
    owner.doc.getMap("codes").set("real", "by the owner");
    await vic.until((doc) => doc.getMap("codes").has("real"));
    await owner.until((doc) => doc.getMap("codes").has("real"));
    expect(owner.doc.getMap("codes").has("forged")).toBe(false);
    const fresh = new Y.Doc();
    await sync(server, fresh, project.projectId, project.token);
    expect(fresh.getMap("codes").toJSON()).toEqual({ real: "by the owner" });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await storedState(server.store, project.projectId))!);
    expect(stored.getMap("codes").has("forged")).toBe(false);
    expect(stored.getMap("codes").get("real")).toBe("by the owner");
  });
});

describe("team server: texts and persistence", () => {
  it("stores a text once under its SHA-256, checks the hash, and serves it only to the project's members", async () => {
    const { server } = await sqliteServer();
    const project = await shareProject(server.store, "P", "Owner");
    const other = await shareProject(server.store, "Other", "Else");
    const viewer = (await inviteMember(server.store, project.projectId, "Vic", "viewer"))!;
    const bytes = Buffer.from(JSON.stringify({ text: "Kepala desa berbicara tentang air.", blocks: [] }));
    const hash = contentHash(bytes);
    const path = `/api/projects/${project.projectId}/texts/${hash}`;
    expect((await http(server, "PUT", path.replace(hash, "0".repeat(64)), project.token, bytes)).status).toBe(400);
    expect((await http(server, "PUT", path, viewer.token, bytes)).status).toBe(403);
    expect((await http(server, "GET", path, viewer.token)).status).toBe(404);
    expect((await http(server, "PUT", path, project.token, bytes)).status).toBe(201);
    const got = await http(server, "GET", path, viewer.token);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await http(server, "GET", path, other.token)).status).toBe(401);
    expect((await http(server, "GET", `/api/projects/${other.projectId}/texts/${hash}`, other.token)).status).toBe(404);
  });

  it("keeps a project's state across a restart, and a flush means it is in the database", async () => {
    const { server, db } = await sqliteServer();
    const project = await shareProject(server.store, "P", "Owner");
    const doc = new Y.Doc();
    doc.getMap("codes").set("c1", "Air bersih");
    await sync(server, doc, project.projectId, project.token);
    // Converged means flushed: the database has it before any debounce ran.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await storedState(server.store, project.projectId))!);
    expect(stored.getMap("codes").get("c1")).toBe("Air bersih");
    await server.close();
    running.pop();
    const { server: again } = await sqliteServer(db);
    const joiner = new Y.Doc();
    await sync(again, joiner, project.projectId, project.token, true);
    expect(joiner.getMap("codes").get("c1")).toBe("Air bersih");
  });

  it("stores only what changed, deletions included, and two instances' stores in any order lose nothing", async () => {
    const { server, db } = await sqliteServer();
    const project = await shareProject(server.store, "P", "Owner");
    const doc = new Y.Doc();
    const codes = doc.getMap("codes");
    for (let i = 0; i < 200; i++) codes.set(`c${i}`, `Kode ${i} dengan nama yang agak panjang`);
    await sync(server, doc, project.projectId, project.token);
    const first = (await server.store.documentUpdates(project.projectId)).updates;
    codes.delete("c7");
    await sync(server, doc, project.projectId, project.token);
    codes.set("c200", "baru");
    await sync(server, doc, project.projectId, project.token);
    const { updates } = await server.store.documentUpdates(project.projectId);
    expect(updates.length).toBeGreaterThan(first.length);
    // The later stores (the sync's flush, the debounced ones) carry the change, not the project again.
    const whole = Math.max(...first.map((update) => update.length));
    for (const update of updates.slice(first.length)) expect(update.length).toBeLessThan(whole / 20);
    // Stored in the reverse order (as two instances may), the state is the same, the deletion kept.
    const reversed = new Y.Doc();
    for (const update of [...updates].reverse()) Y.applyUpdate(reversed, update);
    expect(reversed.getMap("codes").has("c7")).toBe(false);
    expect(reversed.getMap("codes").get("c200")).toBe("baru");
    expect(reversed.getMap("codes").size).toBe(200);
    // Each sync stores at least once, and the document unloads between syncs: its loads fold the
    // updates once there are more than 20, so they stay bounded.
    for (let i = 0; i < 25; i++) {
      codes.set(`more${i}`, i);
      await sync(server, doc, project.projectId, project.token);
    }
    await server.close();
    running.pop();
    const { server: again } = await sqliteServer(db);
    const joiner = new Y.Doc();
    await sync(again, joiner, project.projectId, project.token, true);
    expect(joiner.getMap("codes").size).toBe(225);
    expect((await again.store.documentUpdates(project.projectId)).updates.length).toBeLessThanOrEqual(22);
  });
});
