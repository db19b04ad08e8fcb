import { promises as fsp } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { TandaiError } from "../../../shared/errors.js";
import { ROLES } from "../server/tokens.js";
import { writePrivateFileAtomic } from "./privateFile.js";

export const TEAM_FILE = "team.json";

/** A shared project's link to its team server, beside project.json. */
export const TeamConfig = z.object({
  format: z.literal(1),
  /** ws(s):// addresses of the server's instances, tried in order (another when one is down). */
  servers: z.array(z.string().regex(/^wss?:\/\//)).min(1),
  projectId: z.string().min(1),
  member: z.string().min(1),
  role: z.enum(ROLES),
  token: z.string().min(1),
});
export type TeamConfig = z.infer<typeof TeamConfig>;

export const teamFilePath = (dir: string) => path.join(dir, TEAM_FILE);

/** Reads team.json; a project that was never shared or joined says so, naming the folder. */
export async function readTeamConfig(dir: string): Promise<TeamConfig> {
  const file = teamFilePath(dir);
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new TandaiError("teamCli.errors.notShared", { dir });
    throw new TandaiError("teamCli.errors.badTeamFile", { file, detail: String((error as Error).message) });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TandaiError("teamCli.errors.badTeamFile", { file, detail: (error as Error).message });
  }
  const result = TeamConfig.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new TandaiError("teamCli.errors.badTeamFile", { file, detail: `${issue.path.join(".") || "(file)"}: ${issue.message}` });
  }
  return result.data;
}

/** Writes team.json readable by its owner only (it holds the member's token). */
export async function writeTeamConfig(dir: string, config: TeamConfig): Promise<void> {
  await writePrivateFileAtomic(teamFilePath(dir), `${JSON.stringify(config, null, 2)}\n`, 0o600);
}
