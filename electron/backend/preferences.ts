import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { lazySchema } from "../../shared/model/lazySchema.js";
// Direct imports, not the shared/ barrel: `tandai code` reads preferences at start-up.
import { languageFromLocale } from "../../shared/i18n/catalogues.js";
import type { RecentProject } from "../../shared/ipc/contract.js";
import { Preferences } from "../../shared/ipc/preferences.js";
import { writeFileAtomic } from "../store/index.js";

const Settings = lazySchema(() => z.object({
  preferences: Preferences.partial().default({}),
  recent: z.array(z.object({ dir: z.string(), name: z.string(), openedAt: z.string() })).default([]),
}));
type Settings = z.infer<typeof Settings>;

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
      this.settings = Settings.parse(JSON.parse(await readFile(this.file, "utf8")));
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
