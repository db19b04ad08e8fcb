import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * A nearly full disk, for real: a 4 MB tmpfs mounted for a test file (root only; `mounted` is
 * false elsewhere, and the test says it is skipped). `fill(leave)` fills it and gives back `leave`
 * bytes; `clear()` removes the filler and the project; `unmount()` takes it away (lazily: a file
 * handle of a crashed store may still be open).
 */
export function smallDisk(name: string) {
  const mountPoint = mkdtempSync(path.join(os.tmpdir(), `tandai-${name}-`));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint]).status === 0;
  if (!mounted) console.warn(`${name}: cannot mount a tmpfs (needs root); the disk-full tests are skipped`);
  const filler = path.join(mountPoint, "filler");
  return {
    mountPoint,
    mounted,
    filler,
    async fill(leave: number): Promise<void> {
      const handle = await open(filler, "w");
      const chunk = Buffer.alloc(64 * 1024, 1);
      let size = 0;
      try {
        for (;;) {
          const { bytesWritten } = await handle.write(chunk, 0, chunk.length, size);
          size += bytesWritten;
          if (bytesWritten < chunk.length) break;
        }
      } catch {
        // ENOSPC: full.
      }
      await handle.truncate(Math.max(0, size - leave));
      await handle.close();
    },
    async clear(): Promise<void> {
      if (!mounted) return;
      for (const entry of ["filler", "tesis"]) await rm(path.join(mountPoint, entry), { recursive: true, force: true });
    },
    unmount(): void {
      if (mounted) spawnSync("umount", ["-l", mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    },
  };
}
