/**
 * `bytes` random bytes as hex, for the names of temp files and the lock's token. These need to be
 * unique between processes, not secret: Math.random (seeded per process from the OS's entropy) is
 * enough, and loading node:crypto for them was ≈ 5 ms of every `tandai` call that opens a project.
 */
export function randomHex(bytes: number): string {
  let hex = "";
  while (hex.length < bytes * 2) hex += Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, "0");
  return hex.slice(0, bytes * 2);
}
