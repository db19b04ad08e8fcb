import react from "@vitejs/plugin-react";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const renderer = fileURLToPath(new URL("./renderer/", import.meta.url));

/** The app's page and the coding-view benchmark page (tests/bench/editor.ts), each if present. */
const pages = { main: "index.html", bench: "bench/index.html" };
const input = Object.fromEntries(
  Object.entries(pages)
    .map(([name, page]) => [name, renderer + page] as const)
    .filter(([, path]) => existsSync(path)),
);

// The renderer is a static bundle loaded by Electron from disk or by the local web server.
export default defineConfig({
  root: "renderer",
  base: "./",
  plugins: [react()],
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    target: "chrome120",
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input },
  },
});
