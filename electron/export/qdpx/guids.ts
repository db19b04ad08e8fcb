import { createHash } from "node:crypto";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The GUID a Tandai record travels under: its own id when that is a GUID (it came from a REFI
 * file), otherwise a name-based UUID (version 5 layout) of the project and the id, so the same
 * record has the same GUID in every export and another tool's re-export can be matched back.
 */
export function guidFor(projectId: string, kind: string, id: string): string {
  if (GUID.test(id)) return id;
  const hex = createHash("sha1").update(`${projectId}\u0000${kind}\u0000${id}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
