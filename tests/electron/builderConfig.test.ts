import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The installers' Electron fuses, read from build/electron-builder.yml and checked against
 * electron-builder's own schema (a misspelt fuse would be silently ignored when packaging).
 */
const config = readFileSync("build/electron-builder.yml", "utf8");
const schema = JSON.parse(readFileSync("node_modules/app-builder-lib/scheme.json", "utf8")) as {
  definitions: { FuseOptionsV1: { properties: Record<string, { type: string }> } };
};

/** The `electronFuses:` block: each indented `key: true|false` line up to the next top-level key. */
function fuses(yaml: string): Record<string, boolean> {
  const lines = yaml.split("\n");
  const start = lines.findIndex((l) => l.trimEnd() === "electronFuses:");
  expect(start, "electronFuses block").toBeGreaterThanOrEqual(0);
  const found: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith(" ")) break;
    const match = /^ {2}(\w+): (true|false)\s*$/.exec(line);
    expect(match, `fuse line "${line}"`).not.toBeNull();
    found[match![1]!] = match![2] === "true";
  }
  return found;
}

describe("electron-builder config", () => {
  it("flips the fuses that keep other code out of the installed app's process", () => {
    expect(fuses(config)).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it("names only fuses electron-builder knows", () => {
    const known = schema.definitions.FuseOptionsV1.properties;
    for (const name of Object.keys(fuses(config))) expect(known[name]?.type, name).toBe("boolean");
  });

  it("packs the app into an asar archive, which onlyLoadAppFromAsar requires", () => {
    expect(config).toMatch(/^asar: true$/m);
  });
});
