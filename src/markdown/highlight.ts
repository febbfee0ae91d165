// Build-time syntax highlighting with Prism: class-only markup (`token keyword`), so it works under our CSP.
import Prism from "prismjs";
import loadLanguages from "prismjs/components/index.js";
import components from "prismjs/components.js";
import { escapeHtml } from "markdown-it/lib/common/utils.mjs";

// Prism warns on the console for unknown ids; we check them first, and never want its output.
(loadLanguages as typeof loadLanguages & { silent?: boolean }).silent = true;

interface ComponentInfo {
  alias?: string | string[];
}

/** Every id and alias Prism knows (`yml` → `yaml`, `sh` → `bash`), to the language's id. */
const LANGUAGE_IDS: ReadonlyMap<string, string> = (() => {
  const ids = new Map<string, string>();
  for (const [id, info] of Object.entries(components.languages as Record<string, ComponentInfo>)) {
    if (id === "meta") continue;
    ids.set(id, id);
    for (const alias of [info.alias ?? []].flat()) ids.set(alias, id);
  }
  return ids;
})();

/** The Prism id for a fence's language name, or undefined if Prism has no such language. */
export function prismLanguage(lang: string): string | undefined {
  return LANGUAGE_IDS.get(lang.toLowerCase());
}

/** Highlighted HTML for `code`; plain escaped text for an unknown language or a grammar failure. */
export function highlight(code: string, lang: string): string {
  const id = prismLanguage(lang);
  if (!id) return escapeHtml(code);
  try {
    if (!Prism.languages[id]) loadLanguages([id]);
    const grammar = Prism.languages[id];
    return grammar ? Prism.highlight(code, grammar, id) : escapeHtml(code);
  } catch {
    return escapeHtml(code);
  }
}
