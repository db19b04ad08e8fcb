import { randomBytes } from "node:crypto";
import { promises as fsp } from "node:fs";
import path from "node:path";

/**
 * Writes a file atomically (temp beside it, fsync, rename, fsync the folder — as the project store
 * does) with a mode of its own: team.json holds a token, so it is 0600 from its first byte, never
 * briefly readable by others. The temp name is the store's leftover pattern, so a crash's temp is
 * cleaned at the next open.
 */
export async function writePrivateFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(temp, "wx", mode);
    await handle.writeFile(data);
    // open's mode is masked by the umask; chmod is not.
    await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsp.rename(temp, file);
    if (process.platform !== "win32") {
      const folder = await fsp.open(dir, "r");
      await folder.sync().finally(() => folder.close());
    }
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
