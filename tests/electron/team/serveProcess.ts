import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

/** A `tandai team serve` process (the real bundled CLI), with what its first --json line said. */
export interface ServeProcess {
  url: string;
  port: number;
  adminToken?: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM (a clean stop) unless told; resolves when the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ["bin/tandai.js", "team", "serve", "--port", "0", "--json", ...args], {
    env: { ...process.env, LANG: "en_US.UTF-8", LC_ALL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve(line));
    child.once("exit", (code) => reject(new Error(`tandai team serve exited (${code}) before listening:\n${log}`)));
  });
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const report = JSON.parse(first) as { url: string; port: number; adminToken?: string };
  return {
    ...report,
    child,
    output: () => log,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await gone;
    },
  };
}
