// shared/ runs in Node, the renderer and tests alike; it may use only what all of them provide.
declare global {
  var crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
  function btoa(data: string): string;
  function atob(data: string): string;
}
export {};
