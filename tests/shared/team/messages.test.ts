import { describe, expect, it } from "vitest";
import { TandaiError, emptyProject, translate, type ProjectId } from "../../../shared/index.js";
import { TeamReplica } from "../../../shared/team/index.js";

describe("team messages", () => {
  it("the replica's errors read in both languages with their details filled in", () => {
    const replica = new TeamReplica({ state: emptyProject("teamproj" as ProjectId, "Proyek", "2026-01-01T00:00:00.000Z"), actor: "Rani", contentHashes: {} });
    let thrown: unknown;
    try {
      replica.resolve("nope", "keep");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TandaiError);
    const error = thrown as TandaiError;
    for (const language of ["en", "id"] as const) {
      const text = translate(language, error.code, error.params);
      expect(text).toContain("“nope”");
      expect(text).not.toContain("{{");
      expect(text).not.toBe(error.code);
    }
    for (const code of ["team.errors.pullRejected", "team.errors.noOtherSide"]) {
      for (const language of ["en", "id"] as const) expect(translate(language, code, { op: "addCoding", detail: "x", id: "y" })).not.toBe(code);
    }
  });
});
