import { afterEach, describe, expect, it } from "vitest";
import { OnlineMembers } from "../../renderer/components/team/OnlineMembers.js";
import { documentMeta, project } from "../shared/fixtures.js";
import { render, type Rendered } from "./harness.js";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe("the team dialog's line of who is online", () => {
  const state = project();
  const interview = documentMeta("Wawancara kepala desa");
  state.documents[interview.id] = interview;

  it("names each member with the title of the document they have open, from this copy", async () => {
    const online = [
      { member: "Rina", role: "coder", documentId: interview.id },
      // Rina's second window on the same text is one entry; Budi has nothing open; Sari's document has not reached this copy yet.
      { member: "Rina", role: "coder", documentId: interview.id },
      { member: "Budi", role: "viewer", documentId: null },
      { member: "Sari", role: "coder", documentId: "not-here-yet" },
    ];
    view = await render(<OnlineMembers online={online} />, { state });
    expect(view.host.textContent).toBe("Online now: Rina (in “Wawancara kepala desa”), Budi, Sari.");
    view.unmount();
    view = await render(<OnlineMembers online={online} />, { state, language: "id" });
    expect(view.host.textContent).toBe("Sedang daring: Rina (membuka “Wawancara kepala desa”), Budi, Sari.");
  });

  it("says nobody else is online when nobody is", async () => {
    view = await render(<OnlineMembers online={[]} />, { state });
    expect(view.host.textContent).toBe("No other member is online now.");
  });
});
