import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * The boot script (renderer/boot/index.ts) sends the first screen's requests, then, in a task of
 * its own, makes the page's first `localeCompare` (ICU's collation data, 8–25 ms of the first
 * render otherwise, docs/PERFORMANCE.md) while the main thread waits for the app's bundle.
 */
describe("the boot script", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it("sends the first screen's requests first, then warms the default collator the document list sorts with", async () => {
    const order: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn((url: string) => {
        order.push(url);
        return Promise.resolve(new Response(JSON.stringify({ ok: true, value: null })));
      }),
    );
    const compare = vi.spyOn(String.prototype, "localeCompare");
    compare.mockImplementation(function (this: string, ...args: unknown[]) {
      order.push(`localeCompare(${args.length})`);
      return 0;
    });
    await import("../../renderer/boot/index.js");
    expect(order).toEqual(["/api/startProject", "/api/getPreferences", "/api/appInfo"]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Once, without locales or options: the call whose collator V8 keeps for the app's own ones.
    expect(order).toEqual(["/api/startProject", "/api/getPreferences", "/api/appInfo", "localeCompare(1)"]);
  });
});
