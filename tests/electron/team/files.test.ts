import { readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseJoinLink, serverAddresses } from "../../../electron/team/client/address.js";
import { readReplica, REPLICA_FILE, writeReplica } from "../../../electron/team/client/replicaFile.js";
import { readTeamConfig, writeTeamConfig, type TeamConfig } from "../../../electron/team/client/teamFile.js";
import { emptyProject, type ProjectId } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();
const config: TeamConfig = { format: 1, servers: ["wss://team.example.org"], projectId: "7d0c3c39-8d0e-4a53-9d3f-3c1f0f3bb001", member: "Ana", role: "coder", token: "tandai_secret" };

describe("team.json and team.replica", () => {
  it("writes team.json readable by its owner only, atomically (no temp left), and reads it back", async () => {
    const dir = await temp();
    const old = process.umask(0o000);
    try {
      await writeTeamConfig(dir, config);
    } finally {
      process.umask(old);
    }
    expect((await stat(join(dir, "team.json"))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(["team.json"]);
    expect(await readTeamConfig(dir)).toEqual(config);
  });

  it("names the file and the field when team.json is damaged, and the folder when there is none", async () => {
    const dir = await temp();
    await expect(readTeamConfig(dir)).rejects.toMatchObject({ code: "teamCli.errors.notShared", params: { dir } });
    await writeFile(join(dir, "team.json"), "{ not json");
    await expect(readTeamConfig(dir)).rejects.toMatchObject({ code: "teamCli.errors.badTeamFile", params: { file: join(dir, "team.json") } });
    await writeFile(join(dir, "team.json"), JSON.stringify({ ...config, role: "admin" }));
    await expect(readTeamConfig(dir)).rejects.toMatchObject({ code: "teamCli.errors.badTeamFile", params: { detail: expect.stringMatching(/^role: /) } });
    await writeFile(join(dir, "team.json"), JSON.stringify({ ...config, servers: ["ftp://x"] }));
    await expect(readTeamConfig(dir)).rejects.toMatchObject({ params: { detail: expect.stringMatching(/^servers\.0: /) } });
  });

  it("round-trips the replica record, and refuses a truncated or foreign file by name", async () => {
    const dir = await temp();
    const base = emptyProject("p1" as ProjectId, "Tesis", "2026-01-01T00:00:00.000Z");
    const record = { update: new Uint8Array([1, 2, 3, 250]), base, contentHashes: {}, onServer: ["ab"], lastSyncedAt: "2026-01-02T00:00:00.000Z", syncedSequence: 7 };
    await writeReplica(dir, record);
    expect(await readReplica(dir)).toEqual(record);
    expect((await stat(join(dir, REPLICA_FILE))).mode & 0o777).toBe(0o600);
    const file = join(dir, REPLICA_FILE);
    await writeFile(file, "TANDAI-REPLICA-1\n\u0000\u0000\u0010\u0000{}");
    await expect(readReplica(dir)).rejects.toMatchObject({ code: "teamCli.errors.badReplica", params: { file, detail: "truncated" } });
    await writeFile(file, "PK\u0003\u0004 a zip, not a replica");
    await expect(readReplica(dir)).rejects.toMatchObject({ code: "teamCli.errors.badReplica", params: { file } });
    expect(await readReplica(await temp())).toBeUndefined();
  });

  it("reads server addresses and join links as users type them", () => {
    expect(serverAddresses("https://team.example.org/tandai/, ws://127.0.0.1:8780", "--server")).toEqual(["wss://team.example.org/tandai", "ws://127.0.0.1:8780"]);
    expect(() => serverAddresses("ftp://x", "--server")).toThrow(expect.objectContaining({ code: "teamCli.errors.badServer", params: { option: "--server", value: "ftp://x" } }));
    expect(() => serverAddresses("wss://user:pw@x", "--server")).toThrow(expect.objectContaining({ code: "teamCli.errors.badServer" }));
    expect(parseJoinLink("wss://a.example.org/7D0C3C39-8D0E-4A53-9D3F-3C1F0F3BB001,wss://b.example.org/7d0c3c39-8d0e-4a53-9d3f-3c1f0f3bb001")).toEqual({
      servers: ["wss://a.example.org", "wss://b.example.org"],
      projectId: "7d0c3c39-8d0e-4a53-9d3f-3c1f0f3bb001",
    });
    expect(() => parseJoinLink("wss://a.example.org")).toThrow(expect.objectContaining({ code: "teamCli.errors.badJoinLink" }));
  });
});
