import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTERN_HACK, LAZY_INTERN_HACK, internHackProbe, lazyInternHack } from "../../build/internHackProbe.js";

/**
 * The renderer's build rewrites prosemirror-model's V8 probe (build/internHackProbe.ts): reading a
 * stack as the module loads made V8 parse the editor chunk a second time during every cold start.
 * These tests hold the rewrite to the library's own answer, and to asking nothing as it loads.
 */

/** Runs a snippet declaring `v8InternHack` with `Error` bound to the given constructor. */
function load(snippet: string, ErrorClass: unknown): (s: string) => string {
  return new Function("Error", `${snippet}\nreturn v8InternHack;`)(ErrorClass) as (s: string) => string;
}

/** An Error that counts its constructions and the stack depth asked for at each. */
function countingError() {
  const limits: number[] = [];
  const restored: number[] = [];
  class Counting extends Error {
    static override stackTraceLimit = 10;
    constructor(message: string) {
      super(message);
      limits.push(Counting.stackTraceLimit);
      // What the real probe reads: a stack with a V8 frame.
      this.stack = `Error: ${message}\n    at probe (chunk.js:1:1)`;
      queueMicrotask(() => restored.push(Counting.stackTraceLimit));
    }
  }
  return { Counting, limits, restored };
}

describe("prosemirror-model's V8 probe in the renderer's build", () => {
  // The ES module the renderer's build bundles (require resolves to its CommonJS twin beside it).
  const source = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve("prosemirror-model")), "index.js"), "utf8");

  it("is the probe prosemirror-model ships, replaced once by the lazy one", () => {
    expect(source).toContain(INTERN_HACK);
    const rewritten = lazyInternHack(source);
    expect(rewritten).not.toContain(INTERN_HACK);
    expect(rewritten.split(LAZY_INTERN_HACK)).toHaveLength(2);
    expect(rewritten.length - source.length).toBe(LAZY_INTERN_HACK.length - INTERN_HACK.length);
  });

  it("makes no Error as the module loads, one on the first slice with a one-frame stack, and none after", async () => {
    const { Counting, limits, restored } = countingError();
    const intern = load(LAZY_INTERN_HACK, Counting);
    expect(limits).toEqual([]);
    expect(intern("kata")).toBe("kata");
    expect(intern("lain")).toBe("lain");
    expect(limits).toEqual([1]);
    expect(Counting.stackTraceLimit).toBe(10);
    await Promise.resolve();
    expect(restored).toEqual([10]);
  });

  it("gives the library's own answer on this engine and on one without V8 frames", () => {
    const chosen = (snippet: string, ErrorClass: unknown) => {
      const probe = new Function("Error", `${snippet}\nreturn typeof v8InternHackProbe === "function" ? v8InternHackProbe() : v8InternHack;`)(ErrorClass) as (s: string) => string;
      return probe.toString();
    };
    // V8 (Node and Chromium): the interning function, as the original picks.
    expect(chosen(LAZY_INTERN_HACK, Error)).toBe(chosen(INTERN_HACK, Error));
    expect(chosen(LAZY_INTERN_HACK, Error)).toContain("obj[s]");
    // An engine whose stacks have no `at` frames (SpiderMonkey's are `fn@file:line`): the identity.
    class Gecko extends Error {
      static override stackTraceLimit = 10;
      constructor(message: string) {
        super(message);
        this.stack = "probe@chunk.js:1:1\n";
      }
    }
    expect(chosen(LAZY_INTERN_HACK, Gecko)).toBe(chosen(INTERN_HACK, Gecko));
    expect(chosen(LAZY_INTERN_HACK, Gecko)).not.toContain("obj[s]");
  });

  it("fails the build, naming the file, when the library's probe changed", () => {
    expect(() => lazyInternHack(source.replace('new Error("/")', 'new Error("?")'), "/x/prosemirror-model/dist/index.js")).toThrow(/\/x\/prosemirror-model\/dist\/index\.js: prosemirror-model no longer probes/);
  });

  it("rewrites prosemirror-model only, and fails a build that bundled none", () => {
    const plugin = internHackProbe();
    const hook = (name: "buildStart" | "transform" | "buildEnd") => plugin[name] as (...args: unknown[]) => unknown;
    hook("buildStart")();
    expect(hook("transform")(source, "/m/node_modules/prosemirror-view/dist/index.js")).toBeNull();
    expect(() => hook("buildEnd")()).toThrow(/no prosemirror-model\/dist\/index\.js was bundled/);
    hook("buildStart")();
    expect((hook("transform")(source, "/m/node_modules/prosemirror-model/dist/index.js") as { code: string }).code).toContain(LAZY_INTERN_HACK);
    expect(() => hook("buildEnd")()).not.toThrow();
    // A build failing for its own reason is not reported as this one.
    hook("buildStart")();
    expect(() => hook("buildEnd")(new Error("elsewhere"))).not.toThrow();
  });
});
