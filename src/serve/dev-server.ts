// The writers' preview: rebuild on every change (one saved page on its own), serve the last good build, live reload, error overlay.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { build } from "../build/build.ts";
import { createBuildContext, type BuildOptions } from "../build/context.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { CLIENT_JS, INJECT, NO_BUILD_PAGE, OVERLAY_CSS } from "./client.ts";
import { contentType, resolveRequest } from "./static-files.ts";
import { CONTENT_SECURITY_POLICY } from "../layouts/csp.ts";
import { LiveSearchIndex } from "../search/live-index.ts";
import type { EleventyInstance } from "./eleventy-handle.ts";
import { LiveSite } from "./live-edit.ts";

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
  /** Full rebuild now. Resolves when the build has finished. */
  rebuild(): Promise<void>;
  /**
   * What the watcher calls with the files it saw change (absolute paths): saved content pages are
   * rendered on their own when they can be, anything else rebuilds. Resolves when the new HTML is on disk
   * (the search index follows, see `searchSettled`).
   */
  changed(files: string[]): Promise<void>;
  /** Resolves when the search index has caught up with the last change. */
  searchSettled(): Promise<void>;
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

  // The fast path for a single saved page, over the last full build that passed (see live-edit.ts),
  // and the search index kept open beside it.
  let live: LiveSite | undefined;
  let search: LiveSearchIndex | undefined;
  let searchDone: Promise<unknown> = Promise.resolve();
  const publish = (diagnostics: Diagnostic[], ok: boolean) => {
    serveOptions.report?.(diagnostics, ok);
    failing = ok ? [] : diagnostics;
    // Sent after the new HTML is on disk: the browser reloads into the new page.
    if (ok) send("reload", {});
    else send("errors", failing);
  };

  const runBuild = async () => {
    // Pagefind runs one service per process: the build's own index must not share it with ours.
    await search?.close();
    search = undefined;
    live = undefined;
    const outcome = await build({ ...options, mode: "serve" }).catch((error: unknown) => {
      // A crash of our own code: show it in the overlay too, and keep serving.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { ok: false as const, diagnostics: [{ severity: "error" as const, code: "INTERNAL", message }] };
    });
    const diagnostics = "ctx" in outcome ? outcome.ctx.diagnostics.sorted() : outcome.diagnostics;
    if ("ctx" in outcome) prefix = outcome.ctx.options.pathPrefix ?? "/";
    if ("ctx" in outcome && outcome.ok) live = LiveSite.open(outcome.ctx, outcome.ctx.eleventy as EleventyInstance | undefined, output);
    // The build left its search index open: the fast path replaces a saved page's record in it.
    const open = "ctx" in outcome ? outcome.ctx.searchIndex : undefined;
    if (open && !live) await open.close();
    publish(diagnostics, outcome.ok);
    if (live && open) search = new LiveSearchIndex({ open, outputDir: output });
    // Without it (the build's index failed), after the reload: reading every page back is not what the writer waits for.
    else if (live) search = new LiveSearchIndex({ pages: live.searchPages(), outputDir: output });
  };

  const runEdit = async (file: string): Promise<boolean> => {
    if (!live) return false;
    const edit = await live.edit(file);
    if (edit.kind === "full") return false;
    const strict = options.strict ?? false;
    const ok = !edit.diagnostics.some((d) => d.severity === "error" || strict);
    // Same HTML as on disk and nothing to clear from the overlay: a reload would only lose the reader's place.
    if (edit.kind === "unchanged" && ok && failing.length === 0) return true;
    publish(edit.diagnostics, ok);
    if (edit.kind === "written" && search) {
      const index = search;
      searchDone = index.update(edit.pages).catch((error: unknown) => {
        // The HTML is fine; only the preview's search is stale. The next full build starts a new index.
        serveOptions.report?.([{ severity: "warning", code: "SEARCH_INDEX_FAILED", message: error instanceof Error ? error.message : String(error) }], true);
        if (search === index) void index.close();
        search = undefined;
      });
    }
    return true;
  };

  // One build or edit at a time; what arrives meanwhile is merged into the next run.
  let running: Promise<void> | undefined;
  let pending: { full: boolean; files: Set<string> } = { full: false, files: new Set() };
  const schedule = (full: boolean, files: string[] = []): Promise<void> => {
    pending.full ||= full;
    for (const f of files) pending.files.add(f);
    running ??= (async () => {
      while (pending.full || pending.files.size > 0) {
        const next = pending;
        pending = { full: false, files: new Set() };
        // Saved pages go the fast path one by one; the first that can't (a layout, a new or deleted
        // page, changed front matter) rebuilds everything. A fault in the fast path is not the
        // writer's: the full build then runs and reports what it finds.
        let handled = !next.full;
        for (const file of handled ? [...next.files].sort() : []) {
          handled = await runEdit(file).catch(() => false);
          if (!handled) break;
        }
        if (!handled) await runBuild();
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const rebuild = () => schedule(true);
  const changed = (files: string[]) => schedule(false, files.map((f) => path.resolve(f)));

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
  let seen = new Set<string>();
  const onChange = (dir: string) => (_event: string, name: string | Buffer | null) => {
    if (name && /(^|[\\/])\.|~$|\.swp$/.test(String(name))) return; // editor temp files
    // No name: the platform could not say which file; rebuild everything.
    seen.add(name ? path.join(dir, String(name)) : "");
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...seen];
      seen = new Set();
      void (files.includes("") ? rebuild() : changed(files));
    }, serveOptions.debounceMs ?? 80);
  };
  const watched = [base.dirs.input, base.dirs.includes, base.dirs.data, path.join(base.dirs.project, "assets")].filter((d) => fs.existsSync(d));
  const watchers = watched.map((dir) => fs.watch(dir, { recursive: true }, onChange(dir)));

  process.stderr.write(`Serving ${output} at ${url} (live reload on). Press Ctrl+C to stop.\n`);

  return {
    url,
    rebuild,
    changed,
    async searchSettled() {
      await running;
      await searchDone;
    },
    get errors() {
      return failing;
    },
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const res of clients) res.end();
      await running;
      await searchDone;
      await search?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
