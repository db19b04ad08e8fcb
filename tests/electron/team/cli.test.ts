import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { canonicalProject } from "../../../shared/team/index.js";
import { openProject } from "../../../electron/store/index.js";
import { json, SLOW, succeeds, tandai } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";
import { startServe, type ServeProcess } from "./serveProcess.js";

const temp = useTempDirs();
const servers: ServeProcess[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function canonical(dir: string): Promise<string> {
  const store = await openProject(dir);
  try {
    return canonicalProject(store.state);
  } finally {
    await store.close();
  }
}

describe("tandai team (SQLite server)", () => {
  it(
    "shares, invites, joins; members code offline; sync converges every copy; status and refusals tell the truth",
    async () => {
      const root = await temp("tandai-team-cli-");
      const home = join(root, "home");
      const server = await startServe(["--sqlite", join(root, "server", "team.db")]);
      servers.push(server);
      expect(server.adminToken).toMatch(/^tandai_/);

      const owner = join(root, "supervisor");
      await succeeds(["new", owner, "--name", "Tesis Padang"], home);
      const transcript = join(root, "wawancara.txt");
      await writeFile(transcript, "Kepala desa berbicara tentang air bersih.\nWarga meminta sumur baru untuk desa.\n");
      await succeeds(["import", owner, transcript], home);
      await succeeds(["code", owner, "--doc", "wawancara", "--quote", "air bersih", "--code", "Air"], home);

      const shared = await succeeds(["team", "share", owner, "--server", server.url, "--admin-token", server.adminToken!, "--name", "Supervisor"], home);
      expect(shared).toMatchObject({ ok: true, member: "Supervisor", documents: 1 });
      expect((await stat(join(owner, "team.json"))).mode & 0o777).toBe(0o600);
      const again = await tandai(["team", "share", owner, "--server", server.url, "--admin-token", server.adminToken!], home);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("is already shared");

      const ana = await succeeds(["team", "invite", owner, "--name", "Ana", "--role", "coder"], home);
      const vic = await succeeds(["team", "invite", owner, "--name", "Vic", "--role", "viewer"], home);
      expect(ana.link).toBe(`${server.url}/${shared.projectId}`);
      const taken = await tandai(["team", "invite", owner, "--name", "Ana", "--role", "coder"], home);
      expect(taken.stderr.trim()).toBe("tandai: A member named “Ana” already exists in this project (a revoked name cannot be reused).");

      const wrong = await tandai(["team", "join", ana.link, join(root, "nobody"), "--token", "tandai_not-a-token"], home);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr.trim()).toBe(`tandai: The team server ${server.url} refused the token: it is wrong, revoked, or for another project.`);
      await expect(stat(join(root, "nobody"))).rejects.toThrow();

      const coder = join(root, "ana");
      const viewer = join(root, "vic");
      expect(await succeeds(["team", "join", ana.link, coder, "--token", ana.token], home)).toMatchObject({ member: "Ana", role: "coder", documents: 1 });
      await succeeds(["team", "join", vic.link, viewer, "--token", vic.token], home);
      expect(await canonical(coder)).toBe(await canonical(owner));
      expect(JSON.parse(await readFile(join(coder, "team.json"), "utf8"))).not.toHaveProperty("admin");

      // Offline on both sides (nothing syncs until asked): each codes something the other has not.
      await succeeds(["code", owner, "--doc", "wawancara", "--quote", "Kepala desa", "--code", "Aktor/Kepala desa"], home);
      await succeeds(["code", coder, "--doc", "wawancara", "--quote", "sumur baru", "--code", "Kebutuhan/Sumur"], home);
      await succeeds(["code", coder, "--doc", "wawancara", "--quote", "air bersih", "--code", "Kebutuhan/Air"], home);
      expect(await succeeds(["team", "status", coder], home)).toMatchObject({ synced: false, waiting: 2, member: "Ana" });

      expect(await succeeds(["team", "sync", coder], home)).toMatchObject({ pushed: 2, pulled: 0 });
      expect(await succeeds(["team", "sync", owner], home)).toMatchObject({ pushed: 1 });
      expect((await succeeds(["team", "sync", owner], home)).pushed).toBe(0);
      await succeeds(["team", "sync", coder], home);
      await succeeds(["team", "sync", viewer], home);
      const project = await canonical(owner);
      expect(await canonical(coder)).toBe(project);
      expect(await canonical(viewer)).toBe(project);
      const state = JSON.parse(project) as { codings: Record<string, unknown>; codes: Record<string, { name: string }> };
      expect(Object.keys(state.codings)).toHaveLength(4);
      expect(Object.values(state.codes).map((code) => code.name).sort()).toEqual(["Air", "Air", "Aktor", "Kebutuhan", "Kepala desa", "Sumur"].sort());
      expect(await succeeds(["team", "status", coder], home)).toMatchObject({ synced: true, waiting: 0 });

      // A token changed in team.json (or revoked): exit 3 and the server's refusal, nothing changed locally.
      const teamFile = join(viewer, "team.json");
      const config = JSON.parse(await readFile(teamFile, "utf8")) as { token: string };
      await writeFile(teamFile, JSON.stringify({ ...config, token: "tandai_tampered" }));
      const refused = await tandai(["team", "sync", viewer], home);
      expect(refused.code).toBe(3);
      expect(refused.stderr.trim()).toBe(`tandai: The team server ${server.url} refused the token: it is wrong, revoked, or for another project.`);
      await writeFile(teamFile, JSON.stringify(config));
      await succeeds(["team", "revoke", owner, "--name", "Vic"], home);
      expect((await tandai(["team", "sync", viewer], home)).code).toBe(3);
      const { members } = await succeeds(["team", "members", owner], home);
      expect(members.map((m: { name: string; role: string; revokedAt: string | null }) => [m.name, m.role, m.revokedAt !== null])).toEqual([
        ["Supervisor", "owner", false],
        ["Ana", "coder", false],
        ["Vic", "viewer", true],
      ]);
      const notOwner = await tandai(["team", "invite", coder, "--name", "Eve", "--role", "coder"], home);
      expect(notOwner.code).toBe(1);
      expect(notOwner.stderr).toContain("only the project's owner invites and revokes");

      // The server away: exit 2, the change stays waiting locally, and the message says so.
      await succeeds(["code", coder, "--doc", "wawancara", "--quote", "desa", "--code", "Tempat"], home);
      await server.stop();
      const away = await tandai(["team", "sync", coder, "--json"], home);
      expect(away.code).toBe(2);
      expect(json(away.stdout).error.code).toBe("teamCli.errors.unreachable");
      expect(away.stderr).toContain(`The team server ${server.url} cannot be reached`);
      expect(await succeeds(["team", "status", coder], home)).toMatchObject({ synced: false, waiting: 1 });
    },
    SLOW * 2,
  );

  it("refuses bad serve options and an unshared folder with the option or folder named", async () => {
    const root = await temp("tandai-team-cli-");
    const home = join(root, "home");
    const both = await tandai(["team", "serve", "--port", "0", "--sqlite", "a.db", "--postgres", "postgres://x@127.0.0.1/db"], home);
    expect(both.code).toBe(1);
    expect(both.stderr.trim()).toBe("tandai: Give exactly one of --sqlite FILE or --postgres URL: where the server keeps projects.");
    const port = await tandai(["team", "serve", "--port", "eighty", "--sqlite", "a.db"], home);
    expect(port.stderr.trim()).toBe("tandai: --port “eighty” is not a port number (0–65535).");
    const redis = await tandai(["team", "serve", "--port", "0", "--sqlite", "a.db", "--redis", "http://127.0.0.1"], home);
    expect(redis.stderr.trim()).toBe("tandai: --redis “http://127.0.0.1” is not a valid address; it must start with redis://, rediss://.");
    await succeeds(["new", join(root, "p")], home);
    const unshared = await tandai(["team", "sync", join(root, "p")], home);
    expect(unshared.code).toBe(1);
    expect(unshared.stderr).toContain("is not a team project: it has no team.json");
    const id = await tandai(["team", "status", join(root, "p")], home, "id_ID.UTF-8");
    expect(id.stderr).toContain("bukan proyek tim");
  });
});
