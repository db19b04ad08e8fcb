import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openProject, type DiskProjectStore } from "../../../electron/store/index.js";
import { TeamSession } from "../../../electron/team/client/session.js";
import { readTeamConfig } from "../../../electron/team/client/teamFile.js";
import { startTeamServer, type RunningTeamServer } from "../../../electron/team/server/server.js";
import type { CodeId, CodingId, DocumentId, TextOffset } from "../../../shared/model/ids.js";
import type { Operation } from "../../../shared/ops/operation.js";
import { canonicalProject } from "../../../shared/team/index.js";
import { SLOW, succeeds } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Polls until `check` holds (state that other processes and sockets change), or fails after `ms`. */
async function waitFor(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const coding = (store: DiskProjectStore, id: string, start: number): Operation => ({
  type: "addCoding",
  coding: {
    id: id as CodingId,
    documentId: Object.keys(store.state.documents)[0] as DocumentId,
    codeId: Object.keys(store.state.codes)[0] as CodeId,
    start: start as TextOffset,
    end: (start + 5) as TextOffset,
    coder: "Supervisor",
    stance: "supports",
    createdAt: new Date().toISOString(),
  },
});

describe("a team session (the app's continuous sync)", () => {
  it(
    "carries a coding to another online member, keeps working offline, and catches up when the server is back",
    async () => {
      const root = await temp("tandai-team-session-");
      const home = join(root, "home");
      const db = join(root, "team.db");
      let server: RunningTeamServer = await startTeamServer({ port: 0, host: "127.0.0.1", store: { kind: "sqlite", file: db } });
      cleanup.push(() => server.close());
      const owner = join(root, "owner");
      await succeeds(["new", owner, "--name", "Tesis"], home);
      await writeFile(join(root, "w.txt"), "Kepala desa berbicara tentang air bersih untuk warga desa.\n");
      await succeeds(["import", owner, join(root, "w.txt")], home);
      await succeeds(["code", owner, "--doc", "w", "--quote", "air bersih", "--code", "Air"], home);
      await succeeds(["team", "share", owner, "--server", server.url, "--admin-token", server.generatedAdminToken!, "--name", "Supervisor"], home);
      const invited = await succeeds(["team", "invite", owner, "--name", "Ana", "--role", "coder"], home);
      const ana = join(root, "ana");
      await succeeds(["team", "join", invited.link, ana, "--token", invited.token], home);

      const ownerStore = await openProject(owner);
      const anaStore = await openProject(ana);
      cleanup.push(() => ownerStore.close(), () => anaStore.close());
      const ownerSession = await TeamSession.open(ownerStore, await readTeamConfig(owner));
      const anaSession = await TeamSession.open(anaStore, await readTeamConfig(ana));
      cleanup.push(() => ownerSession.close(), () => anaSession.close());
      await waitFor("both online", () => ownerSession.status.online && anaSession.status.online);
      // Presence: who is online, and in which document.
      const documentId = Object.keys(anaStore.state.documents)[0] as DocumentId;
      anaSession.setPresence(documentId);
      await waitFor("the owner sees Ana in the document", () => ownerSession.presence().some((p) => p.member === "Ana" && p.documentId === documentId));
      expect(ownerSession.presence()).toEqual([{ member: "Ana", role: "coder", documentId }]);

      const first = coding(ownerStore, "coding-session-1", 0);
      await ownerStore.apply(first);
      await ownerSession.localApplied(first);
      await waitFor("Ana has the coding", () => "coding-session-1" in anaStore.state.codings);
      await waitFor("the owner's change confirmed stored", () => ownerSession.status.waiting === 0);
      expect(ownerSession.status.lastSyncedAt).not.toBeNull();

      // The server goes away: both notice, the owner keeps coding, the change waits.
      const port = server.port;
      await server.close();
      await waitFor("offline", () => !ownerSession.status.online && !anaSession.status.online);
      const second = coding(ownerStore, "coding-session-2", 10);
      await ownerStore.apply(second);
      await ownerSession.localApplied(second);
      expect(ownerSession.status).toMatchObject({ online: false, waiting: 1 });
      expect(ownerSession.status.offlineSince).not.toBeNull();

      // Back on the same address: both reconnect on their own and converge.
      server = await startTeamServer({ port, host: "127.0.0.1", store: { kind: "sqlite", file: db } });
      await waitFor("Ana has the offline coding", () => "coding-session-2" in anaStore.state.codings, 30_000);
      await waitFor("nothing waiting", () => ownerSession.status.waiting === 0 && ownerSession.status.online);
      expect(canonicalProject(anaStore.state)).toBe(canonicalProject(ownerStore.state));
      expect(anaSession.status.waiting).toBe(0);
    },
    SLOW,
  );
});
