import { userInfo } from "node:os";
import { defaultLocations } from "../backend/context.js";
import { SettingsFile } from "../backend/preferences.js";

/**
 * The coder's name from the user's preferences (as the app has it), read without a whole Backend:
 * `tandai code` would otherwise load every importer and exporter just to learn a name.
 */
export async function cliCoderName(): Promise<string> {
  const settings = new SettingsFile(defaultLocations().home, process.env.LC_ALL || process.env.LANG, userInfo().username);
  await settings.load();
  return settings.preferences.coderName;
}
