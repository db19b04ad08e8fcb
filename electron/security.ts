/**
 * The Content-Security-Policy of every page of the app, in Electron (as a response header and in
 * index.html) and in the browser. Scripts only from the app itself; styles may be inline because
 * ProseMirror positions and highlights with style attributes; no plugins, frames or form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join("; ");
