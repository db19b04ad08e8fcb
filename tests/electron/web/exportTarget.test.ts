import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExportStarted, ExportStatus, OpenProject } from "../../../shared/index.js";
import { useWebServer } from "./harness.js";

/**
 * Where the web transport writes an export: only into the open project's `exports` folder, under a
 * name not taken yet. A request cannot choose the path, so a page (or anyone holding the token)
 * cannot write elsewhere on the disk or overwrite a file.
 */
const start = useWebServer();

async function withSample() {
  const web = await start();
  const call = async <T>(channel: string, args: unknown) => {
    const res = await web.api(channel, JSON.stringify(args));
    return JSON.parse(res.body) as { ok: true; value: T } | { ok: false; error: { code: string; params: Record<string, unknown> } };
  };
  const opened = await call<OpenProject>("openSampleProject", {});
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const finished = async (jobId: string) => {
    for (;;) {
      const status = await call<ExportStatus>("exportStatus", { jobId });
      if (!status.ok || status.value.state !== "running") return status;
      await new Promise((ok) => setTimeout(ok, 20));
    }
  };
  return { ...web, call, dir: opened.value.dir, finished };
}

const markdown = { kind: "report", format: "md", language: "en" };

describe("exportStart over the web server", () => {
  it("refuses a path chosen by the request: absolute, relative to the server's folder, or an existing file", async () => {
    const { call, root, dir } = await withSample();
    const victim = join(root, "victim.md");
    await writeFile(victim, "the user's own file");
    const relative = "tandai-export-escape-test.md";
    try {
      for (const path of [join(root, "outside.md"), victim, relative, "../../escape.md", join(dir, "exports", "chosen.md")]) {
        const answer = await call<ExportStarted>("exportStart", { request: markdown, path });
        expect(answer, path).toMatchObject({ ok: false, error: { code: "errors.ipc.badArgument", params: { channel: "exportStart" } } });
      }
      await new Promise((ok) => setTimeout(ok, 300)); // a job, had one started, would have written by now
      expect(existsSync(join(root, "outside.md"))).toBe(false);
      expect(await readFile(victim, "utf8")).toBe("the user's own file");
      expect(existsSync(resolve(relative))).toBe(false);
      expect(existsSync(join(dir, "exports", "chosen.md"))).toBe(false);
    } finally {
      await rm(resolve(relative), { force: true });
    }
  });

  it("writes into the project's exports folder, and never over a file already there", async () => {
    const { call, dir, finished } = await withSample();
    const first = await call<ExportStarted>("exportStart", { request: markdown });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(dirname(first.value.path)).toBe(join(dir, "exports"));
    expect((await finished(first.value.jobId)).ok).toBe(true);
    // The user edited the first export by hand; the next one must not replace it.
    await writeFile(first.value.path, "edited by hand");
    const second = await call<ExportStarted>("exportStart", { request: markdown });
    if (!second.ok) throw new Error(JSON.stringify(second.error));
    await finished(second.value.jobId);
    expect(basename(second.value.path)).toBe(basename(first.value.path).replace(/\.md$/, " (2).md"));
    expect(await readFile(first.value.path, "utf8")).toBe("edited by hand");
    expect(await readFile(second.value.path, "utf8")).toMatch(/^# Coded summary: /);
  });

  it("two exports started together get two names, so neither overwrites the other", async () => {
    const { call, dir, finished } = await withSample();
    const request = { kind: "report", format: "docx", language: "en" };
    const started = await Promise.all([call<ExportStarted>("exportStart", { request }), call<ExportStarted>("exportStart", { request })]);
    const paths = started.map((s) => (s.ok ? s.value.path : JSON.stringify(s.error)));
    expect(paths[0]).not.toBe(paths[1]);
    for (const s of started) if (s.ok) expect(await finished(s.value.jobId)).toMatchObject({ ok: true, value: { state: "done" } });
    expect((await readdir(join(dir, "exports"))).sort()).toEqual(paths.map((p) => basename(p)).sort());
  });
});
