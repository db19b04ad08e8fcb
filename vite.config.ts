import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

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
  },
});
