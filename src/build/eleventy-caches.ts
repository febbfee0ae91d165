// Eleventy's process-wide template caches, emptied before each build so one process can build again.
//
// With its template cache off, Eleventy compiles every layout afresh for every page (a new
// TemplateLayout per page): 1.3 s of a 1,000-page build went to compiling the same two Nunjucks
// layouts. With it on, Eleventy keeps file contents and layouts in module-level caches keyed by path
// that outlive an Eleventy instance, so the preview's next build (or a test's) would see an edited
// page or layout as it was. Eleventy exports no API to reset them, so this reaches its modules
// by file: the same module instances Eleventy itself imported, as ESM caches modules by URL.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface EventBus {
  emit(event: string, ...args: unknown[]): Promise<unknown>;
}
interface TemplateContentStatics {
  _inputCache: Map<string, string>;
}
interface LayoutCacheInstance {
  removeAll(): void;
}

const src = path.dirname(fileURLToPath(import.meta.resolve("@11ty/eleventy")));
const load = async <T>(file: string): Promise<T> => ((await import(pathToFileURL(path.join(src, file)).href)) as { default: T }).default;

/** Forget every page's text, compiled template and layout that an earlier build in this process read. */
export async function resetEleventyCaches(): Promise<void> {
  const [bus, content, layouts] = await Promise.all([
    load<EventBus>("EventBus.js"),
    load<TemplateContentStatics>("TemplateContent.js"),
    load<LayoutCacheInstance>("LayoutCache.js"),
  ]);
  content._inputCache.clear();
  await bus.emit("eleventy.compileCacheReset");
  layouts.removeAll();
}
