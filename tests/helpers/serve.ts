// A tiny static file server for browser tests: serves a built site on 127.0.0.1 with the site's CSP.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { CONTENT_SECURITY_POLICY } from "../../src/layouts/csp.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Resolve a request path the way static hosts do: `/a/` → a/index.html, `/a` → a.html. */
function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const base = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (base !== root && !base.startsWith(root + path.sep)) return undefined;
  const candidates = decoded.endsWith("/") ? [path.join(base, "index.html")] : [base, `${base}.html`, path.join(base, "index.html")];
  return candidates.find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

/**
 * Serve `dir` (with `pathPrefix` stripped from requests) on an ephemeral port of 127.0.0.1.
 * `extra` maps URL paths to files outside the site (e.g. axe-core), so test tools load as
 * same-origin scripts that the CSP allows.
 */
export async function serveStatic(dir: string, pathPrefix = "/", extra: Record<string, string> = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    // Path only; a URL starting with `//` must not be read as a host name.
    const urlPath = (req.url ?? "/").split(/[?#]/)[0] ?? "/";
    const headers = { "Content-Security-Policy": CONTENT_SECURITY_POLICY, "Cache-Control": "no-store" };
    const rel = urlPath.startsWith(pathPrefix) ? `/${urlPath.slice(pathPrefix.length)}` : undefined;
    const file = Object.hasOwn(extra, urlPath) ? extra[urlPath] : rel === undefined ? undefined : resolveFile(root, rel);
    if (!file) {
      const notFound = path.join(root, "404.html");
      res.writeHead(404, { ...headers, "Content-Type": TYPES[".html"] });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : "not found");
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${pathPrefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
