import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeBuiltins = ["node:*", "fs", "fs/*", "path", "os", "child_process", "http", "crypto", "url", "util", "stream"];

/** The layering of architecture.md, enforced: shared/ is pure, the renderer never reaches the OS. */
export default tseslint.config(
  { ignores: ["dist/", ".tsbuild/", "release/", "node_modules/", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["electron", "react", "react-dom", "lowdb", "lowdb/*", "@tiptap/*", ...nodeBuiltins], message: "shared/ is pure TypeScript: no electron, react, node or lowdb." },
            { group: ["../electron/*", "../../electron/*", "../renderer/*", "../../renderer/*"], message: "shared/ must not import from other layers." },
          ],
        },
      ],
    },
  },
  {
    files: ["renderer/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["electron", "lowdb", "lowdb/*", "mammoth", "pdfjs-dist", "pdfjs-dist/*", ...nodeBuiltins], message: "The renderer talks to the backend only through the typed API." },
            { group: ["**/electron/*"], message: "The renderer must not import main-process code." },
            { group: ["prosemirror-*"], message: "Import ProseMirror through @tiptap/pm/*." },
          ],
        },
      ],
    },
  },
  {
    files: ["electron/**/*.ts"],
    ignores: ["electron/store/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["lowdb", "lowdb/*"], message: "Only electron/store/ imports lowdb." }, { group: ["**/renderer/*"], message: "The main process must not import renderer code." }] }],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
