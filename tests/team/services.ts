import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Throwaway PostgreSQL and Redis servers for the team tests: each on 127.0.0.1, on a free port,
 * in its own temp folder, stopped (and the folder removed) by `stop()`. Nothing is shared with a
 * system instance. When a server is not installed the test FAILS with the package to install —
 * CI installs both (.ci/run); a skipped test would hide that the team server is untested.
 */
export interface Service {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port (or rejects when `child` exits first). */
async function waitForPort(port: number, child: ChildProcess, name: string, log: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited before accepting connections:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => (socket.destroy(), resolve(false)));
      socket.connect(port, "127.0.0.1");
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not accept connections on port ${port} within ${timeoutMs / 1000} s:\n${log()}`);
}

function stopper(child: ChildProcess, signal: NodeJS.Signals, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
}

const captured = (child: ChildProcess) => {
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return () => text.slice(-4000);
};

export async function startRedis(): Promise<Service> {
  const binary = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((file) => existsSync(file));
  if (!binary) throw new Error("redis-server is not installed: the team tests need it (apt-get install redis-server; .ci/run installs it).");
  const dir = await mkdtemp(join(tmpdir(), "tandai-redis-"));
  const port = await freePort();
  const child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  await waitForPort(port, child, "redis-server", captured(child));
  return { url: `redis://127.0.0.1:${port}`, port, stop: stopper(child, "SIGTERM", dir) };
}

/** The newest installed PostgreSQL's bin folder (Debian keeps them in /usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, "bin", "initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error("PostgreSQL is not installed: the team tests need it (apt-get install postgresql; .ci/run installs it).");
  return join(root, versions[0]!, "bin");
}

/**
 * PostgreSQL refuses to run as root: as root (CI), the cluster belongs to `nobody` and runs as it —
 * spawned with that uid directly (not through runuser), so our signals reach postgres itself.
 */
const NOBODY = 65534;
const asNobody = () => (process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {});

export async function startPostgres(): Promise<Service> {
  const bin = postgresBin();
  const dir = await mkdtemp(join(tmpdir(), "tandai-pg-"));
  await chmod(dir, 0o755);
  const data = join(dir, "data");
  if (process.getuid?.() === 0) chownSync(dir, NOBODY, NOBODY);
  const init = spawnSync(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions"], { encoding: "utf8", cwd: dir, ...asNobody() });
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}):\n${init.stderr || init.stdout}`);
  const port = await freePort();
  // A test cluster: no fsync (the tests kill Hocuspocus instances, never this server), sockets in its own folder.
  const args = ["-D", data, "-p", String(port), "-h", "127.0.0.1", "-k", dir, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
  const child = spawn(join(bin, "postgres"), args, { stdio: ["ignore", "pipe", "pipe"], cwd: dir, ...asNobody() });
  await waitForPort(port, child, "postgres", captured(child));
  // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, not waited for.
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop: stopper(child, "SIGINT", dir) };
}
