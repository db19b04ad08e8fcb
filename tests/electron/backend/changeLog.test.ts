import { describe, expect, it } from "vitest";
import { ChangeLog } from "../../../electron/backend/changeLog.js";
import type { Operation } from "../../../shared/index.js";

const op = (name: string): Operation => ({ type: "renameProject", name });

describe("the backend's numbered changes, which the renderer's mirror follows", () => {
  it("gives what came after a revision, in order, and null once part of it is no longer kept", () => {
    const log = new ChangeLog(3);
    expect(log.since(0)).toEqual({ revision: 0, changes: [] });
    for (const name of ["a", "b", "c", "d"]) log.record(op(name));
    expect(log.current).toBe(4);
    expect(log.since(2)).toEqual({ revision: 4, changes: [{ revision: 3, op: op("c") }, { revision: 4, op: op("d") }] });
    expect(log.since(1)).toEqual({ revision: 4, changes: [{ revision: 2, op: op("b") }, { revision: 3, op: op("c") }, { revision: 4, op: op("d") }] });
    // Revision 1 fell out of the three kept: a mirror at 0 must reload the project.
    expect(log.since(0)).toBeNull();
    expect(log.since(4)).toEqual({ revision: 4, changes: [] });
    log.reset();
    expect(log.current).toBe(0);
    expect(log.since(0)).toEqual({ revision: 0, changes: [] });
  });
});
