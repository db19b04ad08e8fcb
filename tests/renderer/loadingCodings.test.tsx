import { act } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it } from "vitest";
import { initI18n } from "../../renderer/i18n.js";
import { AppContext } from "../../renderer/state/app.js";
import { ProjectContext } from "../../renderer/state/context.js";
import { CodeDetails } from "../../renderer/components/codebook/index.js";
import { DeleteDocumentDialog } from "../../renderer/components/documents/DeleteDocumentDialog.js";
import { AllCodings } from "../../renderer/components/loading/index.js";
import { testApp } from "./harness.js";
import { fixture } from "./partialBackend.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The views that need every coding, over a mirror opened with the first document's codings only. */
async function mount(language: "en" | "id" = "en") {
  const i18n = await initI18n(language);
  if ((i18n as { language: string }).language !== language) await (i18n as { changeLanguage(l: string): Promise<unknown> }).changeLanguage(language);
  const f = fixture();
  f.backend.holding = true;
  const host = document.createElement("div");
  document.body.append(host);
  const root = createRoot(host);
  await act(async () =>
    root.render(
      <AppContext.Provider value={testApp()}>
        <ProjectContext.Provider value={f.mirror}>
          <AllCodings>
            <p data-testid="gated">all codings</p>
          </AllCodings>
          <CodeDetails codeId={f.x.id} />
          <DeleteDocumentDialog documentId={f.docs[2]!.id} onConfirm={() => {}} onCancel={() => {}} />
        </ProjectContext.Provider>
      </AppContext.Provider>,
    ),
  );
  const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
  /** Lets every held chunk through and waits until the mirror holds every coding. */
  const loadEverything = async () => {
    f.backend.holding = false;
    await act(async () => {
      while (f.backend.deliver()) await Promise.resolve();
      await f.mirror.loadAll();
    });
  };
  return { ...f, host, text, loadEverything, unmount: () => (act(() => root.unmount()), host.remove(), f.mirror.stop()) };
}

describe("views that need every coding, while the rest loads (issue 13)", () => {
  it("say how far the load is instead of a number that is not final, then show it", async () => {
    const view = await mount();
    // 3 of 12 codings are in the first screen's answer.
    expect(view.text("codings-loading")).toBe("Loading codings… 25 %");
    expect(view.text("gated")).toBeNull();
    expect(view.text("code-details-facts")).toBeNull();
    // The delete question for a document not loaded asks for its codings first, and waits for them.
    expect(document.querySelector('[data-testid="delete-document-dialog"] [data-testid="confirm"]')?.hasAttribute("disabled")).toBe(true);
    expect(view.backend.asked).toContainEqual([view.docs[2]!.id]);
    await view.loadEverything();
    expect(view.text("codings-loading")).toBeNull();
    expect(view.text("gated")).toBe("all codings");
    // X codes 2 codings in A, 1 in B, 3 in C (every other coding of each document).
    const x = Object.values(view.backend.state.codings).filter((c) => c.codeId === view.x.id);
    expect(view.text("code-details-facts")).toContain(`${x.length} codings`);
    expect(view.text("delete-document-question")).toContain("5 codings");
    view.unmount();
  });

  it("speaks Indonesian too", async () => {
    const view = await mount("id");
    expect(view.text("codings-loading")).toBe("Memuat pengodean… 25 %");
    await view.loadEverything();
    view.unmount();
  });
});
