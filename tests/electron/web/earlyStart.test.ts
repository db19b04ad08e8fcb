import { describe, expect, it } from "vitest";
import { raw, useWebServer } from "./harness.js";

/** The web server begins the app's start when the app's page is asked for by its address (with the token). */
describe("the web server's early start", () => {
  const start = useWebServer();

  it("begins the backend's start for the page asked with the token, and only then", async () => {
    const { server, origin, backend } = await start();
    let begun = 0;
    const beginStart = backend.beginStart.bind(backend);
    backend.beginStart = () => {
      begun++;
      beginStart();
    };
    // Without the token (anyone on this machine), and other files: nothing begins.
    expect((await raw(`${origin}/`)).status).toBe(200);
    expect((await raw(`${origin}/index.html?token=wrong`)).status).toBe(200);
    expect(begun).toBe(0);
    expect((await raw(server.url)).status).toBe(200);
    expect(begun).toBe(1);
    // A first start (nothing recent): the page's own request gets the answer begun.
    expect(await backend.startProject()).toEqual({ from: "none" });
  });
});
