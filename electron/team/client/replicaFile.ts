import { promises as fsp } from "node:fs";
import path from "node:path";
import type { DocumentId } from "../../../shared/model/ids.js";
import type { ProjectState } from "../../../shared/model/project.js";
import { TandaiError } from "../../../shared/errors.js";
import { writePrivateFileAtomic } from "./privateFile.js";

export const REPLICA_FILE = "team.replica";
const MAGIC = "TANDAI-REPLICA-1\n";

/** What a member keeps of the last sync, so the next one continues from there. */
export interface ReplicaRecord {
  /** The Y document's whole state (Y.encodeStateAsUpdate). */
  update: Uint8Array;
  /** The project as of the last sync (the replica's base). */
  base: ProjectState;
  /** sha-256 of each document's content: texts are immutable, so each is hashed once. */
  contentHashes: Record<DocumentId, string>;
  /** Hashes of texts the server is known to have (uploaded or downloaded): not sent again. */
  onServer: string[];
  /** When the last sync converged with the server, ISO. */
  lastSyncedAt: string | null;
  /** The project's operation count at that moment: status counts what came after. */
  syncedSequence: number;
}

type Header = Omit<ReplicaRecord, "update">;

/**
 * One file, written atomically (temp + rename): a magic line, the header's length, the header as
 * JSON (base, hashes, when), then the Y update's raw bytes — base64 in JSON would cost a third more
 * on a 100k-coding project.
 */
export async function writeReplica(dir: string, record: ReplicaRecord): Promise<void> {
  const { update, ...header } = record;
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  await writePrivateFileAtomic(path.join(dir, REPLICA_FILE), Buffer.concat([Buffer.from(MAGIC, "ascii"), length, json, update]), 0o600);
}

/** The last sync's record, or undefined before the first one. Damage is an error naming the file. */
export async function readReplica(dir: string): Promise<ReplicaRecord | undefined> {
  const file = path.join(dir, REPLICA_FILE);
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const damaged = (detail: string) => new TandaiError("teamCli.errors.badReplica", { file, detail });
  if (bytes.subarray(0, MAGIC.length).toString("ascii") !== MAGIC) throw damaged("not a Tandai replica file");
  const start = MAGIC.length + 4;
  if (bytes.length < start) throw damaged("truncated");
  const length = bytes.readUInt32BE(MAGIC.length);
  if (bytes.length < start + length) throw damaged("truncated");
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(start, start + length).toString("utf8")) as Header;
  } catch (error) {
    throw damaged((error as Error).message);
  }
  if (!header.base || typeof header.contentHashes !== "object" || !Array.isArray(header.onServer)) throw damaged("header incomplete");
  return { ...header, update: new Uint8Array(bytes.subarray(start + length)) };
}
