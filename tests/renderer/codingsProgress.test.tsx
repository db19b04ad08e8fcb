import { act } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it } from "vitest";
import { initI18n } from "../../renderer/i18n.js";
import { AppContext } from "../../renderer/state/app.js";
import { ProjectContext, useProject } from "../../renderer/state/context.js";
import { AllCodings } from "../../renderer/components/loading/index.js";
import { testApp } from "./harness.js";
import { fixture } from "./partialBackend.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Counts the renders of a view that reads the project (as the document list and codebook do). */
function ProjectReader({ renders }: { renders: { n: number } }) {
  useProject();
  renders.n++;
  return null;
}

describe("the background load's progress (issue 13)", () => {
  it("moves on in the line that shows it while the views that read the project are not re-rendered", async () => {
    await initI18n("en");
    // Four documents of 3, 4, 5, 6 codings; one document per request.
    const f = fixture(["A", "B", "C", "D"], 4);
    f.backend.holding = true;
    const renders = { n: 0 };
    const host = document.createElement("div");
    document.body.append(host);
    const root = createRoot(host);
    await act(async () =>
      root.render(
        <AppContext.Provider value={testApp()}>
          <ProjectContext.Provider value={f.mirror}>
            <ProjectReader renders={renders} />
            <AllCodings>
              <p data-testid="gated">all codings</p>
            </AllCodings>
          </ProjectContext.Provider>
        </AppContext.Provider>,
      ),
    );
    const progress = () => document.querySelector('[data-testid="codings-loading"]')?.textContent ?? null;
    // 3 of 18 codings in the first screen's answer.
    expect(progress()).toBe("Loading codings… 16 %");
    const rendered = renders.n;
    const version = f.mirror.current.version;
    // B's chunk (4 codings) is told at once: 7 of 18.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
      f.backend.deliver();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(progress()).toBe("Loading codings… 38 %");
    expect(f.mirror.current.version).toBe(version);
    expect(renders.n).toBe(rendered);
    // The rest: the load completes, a new version, the gated view shows.
    await act(async () => {
      f.backend.holding = false;
      while (f.backend.deliver()) await Promise.resolve();
      await f.mirror.loadAll();
    });
    expect(progress()).toBeNull();
    expect(document.querySelector('[data-testid="gated"]')).not.toBeNull();
    expect(renders.n).toBeGreaterThan(rendered);
    act(() => root.unmount());
    host.remove();
    f.mirror.stop();
  });
});
