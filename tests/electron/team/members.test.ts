import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { startTeamServer, type RunningTeamServer } from "../../../electron/team/server/server.js";
import type { Envelope, TeamAppStatus, TeamInvitation, TeamMember } from "../../../shared/index.js";
import { SLOW } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** An app's backend as the web and Electron transports run it: every call through the contract's door. */
async function app(root: string, name: string) {
  const backend = await new Backend({ home: join(root, `${name}-home`), projectsDir: join(root, `${name}-projects`), version: "test", transport: "web", systemLocale: "en-US", userName: name, teamSync: true }).init();
  cleanup.push(() => backend.closeProject());
  return (channel: string, args: unknown = {}) => dispatch(backend, channel, args);
}
const value = <T,>(envelope: Envelope<unknown>): T => {
  if (!envelope.ok) throw new Error(`refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
};
const refusal = (envelope: Envelope<unknown>) => (envelope.ok ? { code: "(it succeeded)" } : envelope.error);

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the app's team members (the backend's channels against a real team server)", () => {
  it(
    "lists, invites (token once, link that joins), refuses an empty or taken name, revokes: the revoked member's sync is refused",
    async () => {
      const root = await temp("tandai-team-members-");
      const server: RunningTeamServer = await startTeamServer({ port: 0, host: "127.0.0.1", store: { kind: "sqlite", file: join(root, "team.db") } });
      let serverUp = true;
      cleanup.push(() => (serverUp ? server.close() : Promise.resolve()));

      const owner = await app(root, "Supervisor");
      value(await owner("createProject", { dir: join(root, "tesis"), name: "Tesis" }));
      const shared = value<TeamAppStatus>(await owner("teamShare", { server: server.url, adminToken: server.generatedAdminToken! }));
      expect(shared.role).toBe("owner");
      const first = value<TeamMember[]>(await owner("teamMembers"));
      expect(first.map(({ name, role, revokedAt }) => ({ name, role, revokedAt }))).toEqual([{ name: "Supervisor", role: "owner", revokedAt: null }]);

      // An empty name is refused before the server, naming the field; nothing is invited.
      expect(refusal(await owner("teamInvite", { name: "   ", role: "coder" }))).toMatchObject({ code: "teamMembers.errors.emptyName" });
      expect(value<TeamMember[]>(await owner("teamMembers"))).toHaveLength(1);

      const rina = value<TeamInvitation>(await owner("teamInvite", { name: " Rina ", role: "coder" }));
      expect(rina).toMatchObject({ name: "Rina", role: "coder", link: `${server.url}/${shared.projectId}` });
      expect(rina.token).toMatch(/^tandai_/);
      expect(refusal(await owner("teamInvite", { name: "Rina", role: "viewer" }))).toMatchObject({ code: "teamCli.errors.nameTaken", params: { name: "Rina" } });
      const listed = value<TeamMember[]>(await owner("teamMembers"));
      expect(listed.find((m) => m.name === "Rina")).toMatchObject({ role: "coder", revokedAt: null });
      expect(Date.parse(listed.find((m) => m.name === "Rina")!.createdAt)).not.toBeNaN();
      // The list never carries a token.
      expect(JSON.stringify(listed)).not.toContain(rina.token);

      // The invitation joins; the coder is not the owner: the server refuses her the list, and says why.
      const coder = await app(root, "Rina");
      const joined = value<{ state: { name: string } }>(await coder("teamJoin", { link: rina.link, token: rina.token, dir: join(root, "rina") }));
      expect(joined.state.name).toBe("Tesis");
      expect(refusal(await coder("teamMembers"))).toMatchObject({ code: "teamCli.errors.roleRefused" });
      expect(refusal(await coder("teamInvite", { name: "Budi", role: "coder" }))).toMatchObject({ code: "teamCli.errors.roleRefused" });
      await until("Rina synced", async () => value<TeamAppStatus>(await coder("teamStatus")).state === "synced");

      // Presence: the document each has open reaches the other's status; none is null, not a guess.
      // (Only an id travels: each member's dialog names it from their own copy.)
      const documentId = "doc-wawancara";
      expect(value(await coder("teamPresence", { documentId }))).toBeNull();
      const online = async () => value<TeamAppStatus>(await owner("teamStatus")).online;
      await until("Rina's document in the owner's status", async () => JSON.stringify(await online()) === JSON.stringify([{ member: "Rina", role: "coder", documentId }]));
      value(await coder("teamPresence", { documentId: null }));
      await until("Rina with no document", async () => JSON.stringify(await online()) === JSON.stringify([{ member: "Rina", role: "coder", documentId: null }]));
      expect(refusal(await coder("teamPresence", { documentId: "" }))).toMatchObject({ code: "errors.ipc.badArgument" });

      const after = value<TeamMember[]>(await owner("teamRevoke", { name: "Rina" }));
      expect(Date.parse(after.find((m) => m.name === "Rina")!.revokedAt ?? "")).not.toBeNaN();
      expect(refusal(await owner("teamRevoke", { name: "Rina" }))).toMatchObject({ code: "teamCli.errors.noSuchMember", params: { name: "Rina" } });
      // Her open connection ended; her next sync is refused, with the server named.
      value(await coder("teamSync"));
      await until("Rina refused", async () => value<TeamAppStatus>(await coder("teamStatus")).state === "refused");
      expect(value<TeamAppStatus>(await coder("teamStatus")).error).toEqual({ code: "teamCli.errors.tokenRefused", params: { server: server.url } });
      expect(refusal(await coder("teamMembers"))).toMatchObject({ code: "teamCli.errors.tokenRefused" });

      // The server away: invite and revoke say so, naming it; nothing changes.
      await server.close();
      serverUp = false;
      expect(refusal(await owner("teamInvite", { name: "Budi", role: "viewer" }))).toMatchObject({ code: "teamCli.errors.unreachable", params: { server: server.url } });
      expect(refusal(await owner("teamMembers"))).toMatchObject({ code: "teamCli.errors.unreachable" });
    },
    SLOW,
  );

  it("refuses the members channels for a project not shared with a team", async () => {
    const root = await temp("tandai-team-members-");
    const solo = await app(root, "Solo");
    value(await solo("createProject", { dir: join(root, "solo"), name: "Solo" }));
    expect(refusal(await solo("teamMembers"))).toMatchObject({ code: "teamApp.errors.notShared" });
    // Presence is for the others of a team: a project of one has nobody to tell, and no error either.
    expect(value(await solo("teamPresence", { documentId: null }))).toBeNull();
    expect(refusal(await solo("teamInvite", { name: "Rina", role: "coder" }))).toMatchObject({ code: "teamApp.errors.notShared" });
    expect(refusal(await solo("teamInvite", { name: "Rina", role: "owner" }))).toMatchObject({ code: "errors.ipc.badArgument" });
  });
});
