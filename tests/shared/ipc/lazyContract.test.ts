import { describe, expect, it, vi } from "vitest";

/**
 * The renderer loads the whole shared barrel at its start, the contract among it; it built ≈ 120
 * zod schemas there before the first screen (issue 13), though the renderer never validates its
 * own requests with them (the backend does, dispatch.ts).
 * zod's factories are counted here (the library, not our code, is wrapped) to show that loading
 * the barrel builds none of them and that the first use builds the schema, which then validates
 * as before.
 */
let built = 0;
vi.mock("zod", async (importOriginal) => {
  const real = await importOriginal<typeof import("zod")>();
  const counted = new Proxy(real.z, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== "function" || typeof key !== "string" || !/^[a-z]/.test(key)) return value;
      return (...args: unknown[]) => {
        built++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { ...real, z: counted };
});

describe("the IPC contract's schemas", () => {
  it("are not built when the shared modules load, and are built and validate on first use", async () => {
    const shared = await import("../../../shared/index.js");
    expect(built).toBe(0);
    const before = built;

    const { channels, ExportRequest, SearchRequest } = shared;
    expect(channels.documentContent.args.safeParse({ documentId: "doc1" }).success).toBe(true);
    expect(built).toBeGreaterThan(before);
    const bad = channels.documentContent.args.safeParse({ documentId: 5 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["documentId"]);
    // Strictness and defaults survive the deferral: the renderer takes these defaults.
    expect(channels.openProject.args.safeParse({ dir: "/x", extra: 1 }).success).toBe(false);
    expect(SearchRequest.parse({ query: "kota" })).toMatchObject({ sort: "document", offset: 0, limit: 200, options: { stem: true }, scope: { documentIds: [] } });
    expect(ExportRequest.parse({ kind: "table", format: "csv", language: "id" })).toMatchObject({ table: "codings", scope: { caseIds: [] } });
    // The team channels' arguments too (shared/ipc/team.ts): trimmed, strict.
    expect(channels.teamShare.args.parse({ server: " ws://x ", adminToken: "t" })).toEqual({ server: "ws://x", adminToken: "t" });
    expect(channels.teamInvite.args.safeParse({ name: "Rina", role: "owner" }).success).toBe(false);
  });
});
