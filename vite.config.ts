import react from "@vitejs/plugin-react";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { internHackProbe } from "./build/internHackProbe.js";

const renderer = fileURLToPath(new URL("./renderer/", import.meta.url));

/** The app's page and the coding-view benchmark page (tests/bench/editor.ts), each if present. */
const pages = { main: "index.html", bench: "bench/index.html" };
const input = Object.fromEntries(
  Object.entries(pages)
    .map(([name, page]) => [name, renderer + page] as const)
    .filter(([, path]) => existsSync(path)),
);
/** The boot script (renderer/boot/index.ts): an entry of its own, so the page can load it ahead of the app's bundle. */
const BOOT = renderer + "boot/index.ts";

/**
 * Vite bundles every module script of a page into the page's one entry, so the boot script is
 * built as an entry of its own and its tag put first in the app's page here: an async module runs
 * as soon as its few kB are in, while the main chunk (≈ 1.2 MB with the editor's) still downloads
 * and parses. main.tsx imports the same module, so it runs once and the app takes its answers.
 */
function bootScriptFirst(): Plugin {
  return {
    name: "tandai-boot-script-first",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        if (!context.bundle || path.resolve(context.filename) !== path.resolve(input.main ?? "")) return html;
        // The chunk holding the module itself: its entry is only a facade importing it (main imports it too).
        const boot = Object.values(context.bundle).find((chunk) => chunk.type === "chunk" && chunk.moduleIds.includes(BOOT));
        if (!boot || boot.type !== "chunk") throw new Error("the boot script's chunk is missing from the bundle");
        // It must run on its own bytes: a chunk it imports (code shared with the app, split out) would be one more fetch first.
        if (boot.imports.length) throw new Error(`the boot script's chunk imports ${boot.imports.join(", ")}: keep renderer/boot/ free of the app's modules`);
        // Before the main chunk's tag, so it is asked for first (after the CSP's meta tag, which must come first).
        const tag = `<script type="module" async crossorigin src="./${boot.fileName}"></script>\n    `;
        if (!html.includes("<script")) throw new Error("the app's page has no script tag to put the boot script before");
        return html.replace("<script", `${tag}<script`);
      },
    },
  };
}

// The renderer is a static bundle loaded by Electron from disk or by the local web server.
export default defineConfig({
  root: "renderer",
  base: "./",
  plugins: [react(), bootScriptFirst(), internHackProbe()],
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    target: "chrome120",
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { ...input, boot: BOOT } },
  },
});
