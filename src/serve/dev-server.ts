// The writers' preview: rebuild on every change, serve the last good build, live reload, error overlay.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { build } from "../build/build.ts";
import { createBuildContext, type BuildOptions } from "../build/context.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { CLIENT_JS, INJECT, NO_BUILD_PAGE, OVERLAY_CSS } from "./client.ts";
import { contentType, resolveRequest } from "./static-files.ts";
import { CONTENT_SECURITY_POLICY } from "../layouts/csp.ts";

// The preview enforces the production CSP, so a writer sees a blocked inline script before readers do.
const HEADERS = { "content-security-policy": CONTENT_SECURITY_POLICY, "cache-control": "no-store" };

export interface ServeOptions {
  port: number;
  /** Default 127.0.0.1: the preview is for the writer's own machine. */
  host: string;
  /** Called after every build with its diagnostics. */
  report?: (diagnostics: Diagnostic[], ok: boolean) => void;
  /** Milliseconds to wait for more file events before rebuilding. */
  debounceMs?: number;
}

export interface DevServer {
  url: string;
  /** Rebuild now (also what a file change triggers). Resolves when the build has finished. */
  rebuild(): Promise<void>;
  /** Errors of the last build, or [] when it passed. */
  readonly errors: Diagnostic[];
  close(): Promise<void>;
}

export async function serve(options: Partial<BuildOptions>, serveOptions: ServeOptions): Promise<DevServer> {
  const base = createBuildContext({ ...options, mode: "serve" });
  const output = base.dirs.output;
  // The build settles the prefix (`--path-prefix`, else `baseurl` in site data or _config.yml).
  let prefix = "/";
  const clients = new Set<http.ServerResponse>();
  let failing: Diagnostic[] = [];

  const send = (event: string, data: unknown) => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  let running: Promise<void> | undefined;
  let again = false;
  const runBuild = async () => {
    const outcome = await build({ ...options, mode: "serve" }).catch((error: unknown) => {
      // A crash of our own code: show it in the overlay too, and keep serving.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { ok: false as const, diagnostics: [{ severity: "error" as const, code: "INTERNAL", message }] };
    });
    const diagnostics = "ctx" in outcome ? outcome.ctx.diagnostics.sorted() : outcome.diagnostics;
    if ("ctx" in outcome) prefix = outcome.ctx.options.pathPrefix ?? "/";
    serveOptions.report?.(diagnostics, outcome.ok);
    failing = outcome.ok ? [] : diagnostics;
    if (outcome.ok) send("reload", {});
    else send("errors", failing);
  };
  const rebuild = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runBuild();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  await rebuild();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://preview.invalid");
    if (url.pathname === "/__dev/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      if (failing.length) res.write(`event: errors\ndata: ${JSON.stringify(failing)}\n\n`);
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (url.pathname === "/__dev/client.js" || url.pathname === "/__dev/overlay.css") {
      const js = url.pathname.endsWith(".js");
      res.writeHead(200, { "content-type": js ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8", "cache-control": "no-store" });
      res.end(js ? CLIENT_JS : OVERLAY_CSS);
      return;
    }
    const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
    const resolved = fs.existsSync(output) ? resolveRequest(output, rawPath, prefix) : { kind: "not-found" as const };
    if (resolved.kind === "bad-request") {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      res.end("Bad request\n");
      return;
    }
    let file = resolved.kind === "file" ? resolved.file : path.join(output, "404.html");
    const status = resolved.kind === "file" ? 200 : 404;
    if (!fs.existsSync(file)) {
      res.writeHead(fs.existsSync(output) ? 404 : 503, { ...HEADERS, "content-type": "text/html; charset=utf-8" });
      res.end(NO_BUILD_PAGE);
      return;
    }
    const type = contentType(file);
    let body: Buffer | string = fs.readFileSync(file);
    if (type.startsWith("text/html")) {
      const html = body.toString("utf8");
      body = html.includes("</head>") ? html.replace("</head>", `${INJECT}</head>`) : INJECT + html;
    }
    res.writeHead(status, { ...HEADERS, "content-type": type });
    res.end(body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(serveOptions.port, serveOptions.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : serveOptions.port;
  const url = `http://${serveOptions.host}:${port}${prefix}`;

  // Watch the content and the theme; any change rebuilds. Node 20 watches recursively on Linux.
  let timer: NodeJS.Timeout | undefined;
  const onChange = (_event: string, name: string | Buffer | null) => {
    if (name && /(^|[\\/])\.|~$|\.swp$/.test(String(name))) return; // editor temp files
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), serveOptions.debounceMs ?? 80);
  };
  const watched = [base.dirs.input, base.dirs.includes, base.dirs.data, path.join(base.dirs.project, "assets")].filter((d) => fs.existsSync(d));
  const watchers = watched.map((dir) => fs.watch(dir, { recursive: true }, onChange));

  process.stderr.write(`Serving ${output} at ${url} (live reload on). Press Ctrl+C to stop.\n`);

  return {
    url,
    rebuild,
    get errors() {
      return failing;
    },
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const res of clients) res.end();
      await running;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
