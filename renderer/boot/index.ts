import { askFirstScreen } from "./start.js";

/**
 * The boot script: the app's page loads this module by its own script tag before the main bundle
 * (vite.config.ts adds it), so the first screen's requests go out as soon as the HTML is parsed;
 * main.tsx imports the same module (one instance per page) and takes the answers from it. Without
 * that tag (the dev server, tests) the import sends them, later but the same.
 */
export const firstScreen = askFirstScreen();
