import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP relay in front of a server instance that SIGKILLs it at the worst moment of a sync: on
 * the first bytes a WebSocket client sends after the server has answered it on that socket (the
 * authentication done, the member's own state or updates now on the wire). Plain HTTP passes.
 */
export async function killingProxy(targetPort: number, kill: () => void): Promise<{ url: string; killed: () => boolean; close(): Promise<void> }> {
  let killed = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, "127.0.0.1");
    sockets.add(client).add(upstream);
    let upgraded = false;
    let answered = false;
    upstream.on("data", (chunk: Buffer) => {
      if (upgraded) answered = true;
      if (!upgraded && chunk.subarray(0, 12).toString("latin1") === "HTTP/1.1 101") upgraded = true;
      client.write(chunk);
    });
    client.on("data", (chunk: Buffer) => {
      if (upgraded && answered && !killed) {
        killed = true;
        kill();
      }
      upstream.write(chunk);
    });
    const end = () => (client.destroy(), upstream.destroy());
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    killed: () => killed,
    close: () => new Promise((resolve) => (sockets.forEach((socket) => socket.destroy()), server.close(() => resolve()))),
  };
}
