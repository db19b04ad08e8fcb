import { describe, expect, it } from "vitest";
import { isPlainSettings, Settings } from "../../../electron/backend/preferences.js";

const VALID = { preferences: { language: "id", coderName: "Rina" }, recent: [{ dir: "/tesis", name: "Tesis", openedAt: "2026-01-01T00:00:00.000Z" }] };
const VALUES: unknown[] = [undefined, null, "", " Rina ", "x".repeat(101), "en", "fr", 3, [], {}, [{ dir: "/a" }]];

/** preferences.json's JSON with one field removed, replaced or added at a time. */
function variants(): unknown[] {
  const out: unknown[] = [VALID, { preferences: {}, recent: [] }, { preferences: { coderName: "" }, recent: [] }, {}, [], null, "x"];
  const paths: string[][] = [[], ["preferences"], ["recent", "0"]];
  for (const path of paths) {
    const keys = Object.keys(path.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, VALID));
    for (const key of [...keys, "extra", "__proto__"]) {
      for (const value of VALUES) {
        const copy = structuredClone(VALID) as Record<string, unknown>;
        const target = path.reduce<Record<string, unknown>>((node, k) => node[k] as Record<string, unknown>, copy);
        if (value === undefined) delete target[key];
        else target[key] = value;
        // Through JSON, as the file is read (a `__proto__` key survives only that way).
        out.push(JSON.parse(JSON.stringify(copy).replace('"extra":', key === "__proto__" ? '"__proto__":' : '"extra":')));
      }
    }
  }
  return out;
}

describe("the quick check of preferences.json", () => {
  it("passes only what the Settings schema accepts and returns unchanged", () => {
    let passed = 0;
    for (const json of variants()) {
      if (!isPlainSettings(json)) continue;
      passed++;
      const parsed = Settings.safeParse(json);
      expect(parsed.success, JSON.stringify(json)).toBe(true);
      expect(parsed.data).toEqual(json);
    }
    expect(isPlainSettings(VALID)).toBe(true);
    expect(passed).toBeGreaterThan(5);
    // And leaves the rest to the schema: a padded name is trimmed there, a missing list defaulted.
    expect(isPlainSettings({ preferences: { coderName: " Rina " }, recent: [] })).toBe(false);
    expect(isPlainSettings({ preferences: {} })).toBe(false);
  });
});
