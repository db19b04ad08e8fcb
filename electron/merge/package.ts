import fsp from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { checkIntegrity, DocumentContent, integrityParams, ProjectState, TandaiError, type DocumentId } from "../../shared/index.js";
import { textHash } from "../import/batch.js";
import { writeFileAtomic } from "../store/files.js";
import { firstIssue } from "../store/snapshot.js";
import type { CoderCopy } from "./copy.js";

/** What a `.tandai` package says it is, so any other gzip file is refused by name. */
const KIND = "tandai-package";
const VERSION = 1;

/** A project in one file, for a USB stick or an e-mail: the state and every document's content, gzipped JSON. */
export const isPackage = (file: string) => file.toLowerCase().endsWith(".tandai");

export async function writePackage(file: string, state: ProjectState, contents: ReadonlyMap<DocumentId, DocumentContent>): Promise<void> {
  const json = JSON.stringify({ kind: KIND, version: VERSION, state, contents: Object.fromEntries(contents) });
  await writeFileAtomic(file, await promisify(gzip)(json));
}

/** Reads and checks a package: its kind, the project's schema and integrity, every document's content. */
export async function readPackage(file: string): Promise<CoderCopy> {
  const name = path.basename(file);
  const bad = (detail: string) => new TandaiError("agreement.errors.badPackage", { file: name, detail });
  let raw: unknown;
  try {
    raw = JSON.parse((await promisify(gunzip)(await fsp.readFile(file))).toString("utf8"));
  } catch (error) {
    throw bad(error instanceof Error ? error.message : String(error));
  }
  const body = raw as { kind?: unknown; version?: unknown; state?: unknown; contents?: Record<string, unknown> };
  if (body?.kind !== KIND || body.version !== VERSION) throw bad(`kind ${String(body?.kind)}, version ${String(body?.version)}`);
  const parsed = ProjectState.safeParse(body.state);
  if (!parsed.success) throw bad(firstIssue(parsed.error));
  const state = parsed.data as ProjectState;
  const issues = checkIntegrity(state);
  if (issues.length) throw bad(integrityParams(name, issues).detail);
  const contents = new Map<DocumentId, DocumentContent>();
  for (const id of Object.keys(state.documents) as DocumentId[]) {
    const content = DocumentContent.safeParse(body.contents?.[id]);
    if (!content.success) throw bad(`contents.${id}: ${firstIssue(content.error)}`);
    contents.set(id, content.data);
  }
  return { dir: path.resolve(file), state, contents, hashes: new Map([...contents].map(([id, c]) => [id, textHash(c.text)])) };
}
