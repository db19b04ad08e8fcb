import { readFile, writeFile } from "node:fs/promises";
import type { Coding, ProjectState } from "../../shared/index.js";

/** Edits of project.json by hand, for the tests of damaged files (store, backend, e2e). */

/** project.json as Tandai wrote it before checksums: the same, without the last field. */
export const withoutChecksum = (text: string) => text.replace(/,"crc":"[0-9a-f]{8}"\}\n$/, "}\n");

/**
 * project.json's text as the one JSON document of file format 1 (written before the by-document
 * layout, electron/store/codingLines.ts) and without its checksum: what an edit by hand starts from.
 */
export function onePiece(text: string): { format: number; seq: number; state: ProjectState } {
  const json = JSON.parse(withoutChecksum(text)) as { format: number; seq: number; state: ProjectState; codings?: Coding[][] };
  if (json.format !== 2) return json;
  const codings = Object.fromEntries((json.codings ?? []).flat().map((c) => [c.id, c])) as ProjectState["codings"];
  return { format: 1, seq: json.seq, state: { ...json.state, codings } };
}

/**
 * Damages project.json by hand, as a person editing it would: the checksum dropped (a file from
 * before checksums) and the first coding on the first line of codings (file format 2, a line per
 * document) pointed at a document that does not exist.
 */
export async function pointCodingNowhere(file: string): Promise<{ damaged: string; codingId: string }> {
  const lines = withoutChecksum(await readFile(file, "utf8")).split("\n");
  const codingId = (JSON.parse(lines[1]!.replace(/,$/, "")) as { id: string }[])[0]!.id;
  lines[1] = lines[1]!.replace(/"documentId":"[\w-]+"/, '"documentId":"dGone1234"');
  const damaged = lines.join("\n");
  await writeFile(file, damaged);
  return { damaged, codingId };
}
