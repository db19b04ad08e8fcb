import { homedir } from "node:os";
import { join } from "node:path";
import { existsSync } from "node:fs";
import type { ImportLimits } from "../import/inWorker.js";

/** What differs between the Electron app, the web server and tests: where things live, and how to pick a folder. */
export interface BackendContext {
  /** Where preferences and the recent-projects list are kept. */
  home: string;
  /** Where new projects and the sample project are created by default. */
  projectsDir: string;
  version: string;
  transport: "electron" | "web";
  systemLocale: string | undefined;
  /** The login name, the coder's name until the user sets one. */
  userName?: string;
  /** A native folder picker; absent in the web transport, where the user types a path. */
  pickFolder?: () => Promise<string | null>;
  /** A native dialog for a `.tandai` package to open or to save under a name (Electron); absent in the web transport. */
  pickPackage?: (purpose: "open" | "save", defaultName: string) => Promise<string | null>;
  /** A native save dialog (Electron); without one, exports go to the project's `exports` folder. */
  pickSavePath?: (defaultName: string) => Promise<string | null>;
  /** Prints a report's HTML to PDF with the browser engine (Electron); else LibreOffice is used. */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** The bundled export worker (dist/electron/exportWorker.mjs); without it exports run in-process. */
  exportWorker?: URL;
  /** The bundled import worker (dist/electron/importWorker.mjs); without it imports run in-process, unguarded. */
  importWorker?: URL;
  /** Memory and time an import may use on the worker (default DEFAULT_IMPORT_LIMITS). */
  importLimits?: ImportLimits;
  /**
   * Whether the search index is built in the background after open and after imports (default
   * true: the app and `tandai serve`). A one-shot command (`tandai import`) says false: a search
   * indexes what it needs first anyway, and indexing a document of a million lines it will never
   * search doubled the command's peak memory.
   */
  indexInBackground?: boolean;
  /**
   * Keep a project shared with a team in sync while it is open (the app and `tandai serve`); a
   * CLI command syncs only when told (`tandai team sync`).
   */
  teamSync?: boolean;
}

/**
 * Default locations outside Electron (CLI, web server). TANDAI_HOME and TANDAI_PROJECTS override
 * them, which is how tests keep to a temp folder.
 */
export function defaultLocations(): { home: string; projectsDir: string } {
  const user = homedir();
  const config = process.env.XDG_CONFIG_HOME ?? (process.platform === "win32" ? process.env.APPDATA : undefined) ?? join(user, process.platform === "darwin" ? "Library/Application Support" : ".config");
  const documents = existsSync(join(user, "Documents")) ? join(user, "Documents") : user;
  return {
    home: process.env.TANDAI_HOME ?? join(config, "Tandai"),
    projectsDir: process.env.TANDAI_PROJECTS ?? join(documents, "Tandai"),
  };
}
