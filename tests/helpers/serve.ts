// A tiny static file server for browser tests: serves a built site on 127.0.0.1 with the site's CSP.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { CONTENT_SECURITY_POLICY } from "../../src/layouts/csp.ts";
import { contentType, resolveRequest } from "../../src/serve/static-files.ts";

export interface StaticServer {
  url: string;
  close(): Promise<void>;
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
    const resolved = urlPath.startsWith(pathPrefix) ? resolveRequest(root, urlPath, pathPrefix) : undefined;
    const file = Object.hasOwn(extra, urlPath) ? extra[urlPath] : resolved?.kind === "file" ? resolved.file : undefined;
    if (!file) {
      const notFound = path.join(root, "404.html");
      res.writeHead(resolved?.kind === "bad-request" ? 400 : 404, { ...headers, "Content-Type": contentType("404.html") });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : "not found");
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": contentType(file) });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${pathPrefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
