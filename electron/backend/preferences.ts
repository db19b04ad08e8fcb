import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { lazySchema } from "../../shared/model/lazySchema.js";
// Direct imports, not the shared/ barrel: `tandai code` reads preferences at start-up.
import { LANGUAGES, languageFromLocale } from "../../shared/i18n/catalogues.js";
import type { RecentProject } from "../../shared/ipc/contract.js";
import { Preferences } from "../../shared/ipc/preferences.js";
import { writeFileAtomic } from "../store/index.js";

export const Settings = lazySchema(() => z.object({
  preferences: Preferences.partial().default({}),
  recent: z.array(z.object({ dir: z.string(), name: z.string(), openedAt: z.string() })).default([]),
}));
type Settings = z.infer<typeof Settings>;

const SETTINGS_KEYS = new Set(["preferences", "recent"]);
const PREFERENCES_KEYS = new Set(["language", "coderName"]);
const RECENT_KEYS = new Set(["dir", "name", "openedAt"]);
const only = (value: object, keys: ReadonlySet<string>) => Object.keys(value).every((key) => keys.has(key));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether preferences.json's JSON is what the Settings schema would accept and return unchanged (no
 * default to fill in, nothing to strip or trim): then it is taken as it is, and `tandai code`, which
 * reads the coder's name here, loads no zod. Anything else goes through the schema, as before.
 */
export function isPlainSettings(json: unknown): json is Settings {
  if (!isRecord(json) || !only(json, SETTINGS_KEYS) || !isRecord(json.preferences) || !Array.isArray(json.recent)) return false;
  const p = json.preferences;
  if (!only(p, PREFERENCES_KEYS)) return false;
  if ("language" in p && !(LANGUAGES as readonly unknown[]).includes(p.language)) return false;
  if ("coderName" in p && !(typeof p.coderName === "string" && p.coderName.length <= 100 && p.coderName === p.coderName.trim())) return false;
  return json.recent.every((r) => isRecord(r) && only(r, RECENT_KEYS) && typeof r.dir === "string" && typeof r.name === "string" && typeof r.openedAt === "string");
}

const MAX_RECENT = 10;

/** The user's preferences and recent projects, one small JSON file in the app's home folder. */
export class SettingsFile {
  private settings: Settings = { preferences: {}, recent: [] };
  private readonly file: string;

  constructor(
    private readonly home: string,
    private readonly systemLocale: string | undefined,
    private readonly userName = "",
  ) {
    this.file = join(home, "preferences.json");
  }

  async load(): Promise<void> {
    try {
      const json: unknown = JSON.parse(await readFile(this.file, "utf8"));
      this.settings = isPlainSettings(json) ? json : Settings.parse(json);
    } catch {
      // Missing or unreadable preferences are not worth stopping the app for: start from defaults.
      this.settings = { preferences: {}, recent: [] };
    }
  }

  get preferences(): Preferences {
    return {
      language: this.settings.preferences.language ?? languageFromLocale(this.systemLocale),
      coderName: this.settings.preferences.coderName ?? this.userName,
    };
  }

  /** Whether the language is the user's choice rather than the system locale's default. */
  get languageChosen(): boolean {
    return this.settings.preferences.language !== undefined;
  }

  get recent(): RecentProject[] {
    return this.settings.recent;
  }

  async setPreferences(patch: Partial<Preferences>): Promise<Preferences> {
    this.settings.preferences = { ...this.settings.preferences, ...patch };
    await this.save();
    return this.preferences;
  }

  async touchRecent(dir: string, name: string): Promise<void> {
    const entry = { dir, name, openedAt: new Date().toISOString() };
    this.settings.recent = [entry, ...this.settings.recent.filter((r) => r.dir !== dir)].slice(0, MAX_RECENT);
    await this.save();
  }

  private async save(): Promise<void> {
    await mkdir(this.home, { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(this.settings, null, 2));
  }
}
