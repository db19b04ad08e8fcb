import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { IndexStart } from "../../../electron/backend/indexStart.js";
import type { DocumentId } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();
afterEach(() => void vi.useRealTimers());

describe("when the search index starts building (issue 13: after the renderer's background load)", () => {
  it("starts a quiet while after the open when no codings are asked for", () => {
    vi.useFakeTimers();
    const start = vi.fn();
    new IndexStart(start, 3_000);
    vi.advanceTimersByTime(2_999);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200_000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it("waits while chunks keep being asked for, and starts soon after the last document was served", () => {
    vi.useFakeTimers();
    const start = vi.fn();
    const when = new IndexStart(start, 3_000, 250);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(2_000);
      when.served(false);
    }
    expect(start).not.toHaveBeenCalled();
    when.served(true);
    vi.advanceTimersByTime(249);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
    // A request after the start (a prioritised document, a recount) does not start it again.
    when.served(true);
    vi.advanceTimersByTime(10_000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it("after a first-screen answer, waits longer for the renderer's first request (it draws its first screen first)", () => {
    vi.useFakeTimers();
    const start = vi.fn();
    const when = new IndexStart(start, 3_000, 250, 120_000, 10_000);
    vi.advanceTimersByTime(1_000);
    when.firstScreenAnswered();
    vi.advanceTimersByTime(9_000);
    expect(start).not.toHaveBeenCalled();
    when.served(false);
    vi.advanceTimersByTime(2_999);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it("starts at the latest a while after the open, and never once cancelled", () => {
    vi.useFakeTimers();
    const start = vi.fn();
    const when = new IndexStart(start, 3_000, 250, 60_000);
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(1_000);
      when.served(false);
    }
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20_000);
    expect(start).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    new IndexStart(cancelled, 3_000).cancel();
    vi.advanceTimersByTime(200_000);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it("in the backend: a first-screen open indexes once the renderer has every document's codings, not while it asks", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-US" }).init();
    const { dir } = await api.openSampleProject();
    await api.closeProject();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const open = (await api.openProject({ dir, firstScreen: true }))!;
    const refresh = vi.spyOn(api.searchService!, "refresh");
    const rest = (Object.keys(open.state.documents) as DocumentId[]).filter((id) => !open.loaded!.includes(id));
    expect(rest.length).toBeGreaterThan(0);
    // Requests 2 s apart (counts only, as after a change during the load): longer in all than the
    // quiet delay, and no start meanwhile.
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(2_000);
      await api.codingsOf({ documents: [] });
    }
    expect(refresh).not.toHaveBeenCalled();
    await api.codingsOf({ documents: rest });
    vi.advanceTimersByTime(250);
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    await api.searchService!.ready();
    expect(api.searchService!.index.size).toBe(Object.keys(open.state.documents).length);
    await api.closeProject();
  });

  it("in the backend: a whole-state open (the CLI, scripts) indexes a quiet while after it, as before", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-US" }).init();
    const { dir } = await api.openSampleProject();
    await api.closeProject();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await api.openProject({ dir });
    const refresh = vi.spyOn(api.searchService!, "refresh");
    vi.advanceTimersByTime(2_999);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    await api.closeProject();
  });
});
