import { describe, expect, it } from "vitest";
import { linesToBlocks, type DocumentContent, type DocumentId } from "../../shared/index.js";
import { seedDocumentContent, useDocumentContent } from "../../renderer/state/documents.js";
import { render } from "./harness.js";

/** The first document's text that came with the app's start (StartProject.firstText) is drawn at the first render. */
describe("the first document's text from the app's start", () => {
  it("is ready at the first render, with no loading state and no request of its own", async () => {
    const documentId = "dFirstText" as DocumentId;
    const text = "Narasumber: motif ekonomi.";
    const content: DocumentContent = { text, blocks: linesToBlocks(text) };
    // The harness's mirror is the project at /tmp/skripsi.
    seedDocumentContent("/tmp/skripsi", documentId, content);
    const seen: string[] = [];
    function Probe() {
      const state = useDocumentContent(documentId);
      seen.push(state.status);
      return <p data-testid="probe">{state.status === "ready" ? state.content.text : state.status}</p>;
    }
    const view = await render(<Probe />);
    expect(seen[0]).toBe("ready");
    expect(seen).not.toContain("loading");
    expect(view.host.textContent).toBe("Narasumber: motif ekonomi.");
    view.unmount();
  });
});
