import type { Plugin } from "vite";

/**
 * prosemirror-model (1.25) tells V8 apart at its top level by reading `new Error("/").stack`, to
 * intern the text it slices (its #1609). Formatting a stack needs the source positions of every
 * function on it, and V8 keeps none until asked: the outermost frame is the top-level code of the
 * whole chunk the module is bundled into, so that one read made V8 parse the editor chunk
 * (≈ 640 kB) a second time on the main thread as the app's bundle ran — about 15 ms of CPU in a
 * Chromium with no DevTools attached, twice that under a benchmark's (docs/PERFORMANCE.md, "the
 * app's bundle until its first render").
 *
 * The probe below gives the library the same answer (a stack with a V8 frame, `at …`) from a
 * one-frame stack (`Error.stackTraceLimit = 1`, restored at once), asked for on the first slice
 * instead of as the module loads: only the small probe's positions are needed, and none at load.
 */
export const INTERN_HACK = `const v8InternHack = (() => {
    let { stack } = new Error("/");
    if (!stack || !/\\n\\s*at\\s/.test(stack))
        return s => s;
    let obj = Object.create(null);
    return s => { obj[s]; return s; };
})();`;

/** The same function, probing once on its first call with a one-frame stack. */
export const LAZY_INTERN_HACK = `let v8InternHackChosen;
function v8InternHackProbe() {
    const limit = Error.stackTraceLimit;
    let stack;
    try {
        Error.stackTraceLimit = 1;
        stack = new Error("/").stack;
    }
    finally {
        Error.stackTraceLimit = limit;
    }
    if (!stack || !/\\n\\s*at\\s/.test(stack))
        return s => s;
    let obj = Object.create(null);
    return s => { obj[s]; return s; };
}
const v8InternHack = s => (v8InternHackChosen ??= v8InternHackProbe())(s);`;

const PROSEMIRROR_MODEL = /[\\/]prosemirror-model[\\/]dist[\\/]index\.js$/;

/** prosemirror-model's source with the lazy probe; fails when the library's probe changed, so an upgrade is looked at. */
export function lazyInternHack(code: string, id = "prosemirror-model/dist/index.js"): string {
  const at = code.indexOf(INTERN_HACK);
  if (at < 0 || code.indexOf(INTERN_HACK, at + 1) >= 0) {
    throw new Error(`${id}: prosemirror-model no longer probes for V8 as build/internHackProbe.ts expects (INTERN_HACK): compare its v8InternHack with it`);
  }
  return code.slice(0, at) + LAZY_INTERN_HACK + code.slice(at + INTERN_HACK.length);
}

/**
 * The Vite plugin: prosemirror-model's V8 probe made lazy and one frame deep (see above). A build
 * that bundled no prosemirror-model file this matches fails, so a moved path cannot silently
 * bring the second parse back.
 */
export function internHackProbe(): Plugin {
  let rewritten = 0;
  return {
    name: "tandai-lazy-intern-hack-probe",
    apply: "build",
    buildStart() {
      rewritten = 0;
    },
    transform(code, id) {
      if (!PROSEMIRROR_MODEL.test(id.split("?")[0]!)) return null;
      rewritten++;
      return { code: lazyInternHack(code, id), map: null };
    },
    buildEnd(error) {
      if (!error && rewritten === 0) throw new Error("build/internHackProbe.ts: no prosemirror-model/dist/index.js was bundled, so its V8 probe was not made lazy: check the path it matches");
    },
  };
}
