// Finds the line of a key path (`flags.beta`, `tags[2]`) in front matter YAML, for file:line errors.
//
// js-yaml returns plain objects without positions. Front matter is small and written by hand in
// block style, so an indentation-aware scan of the text finds keys reliably; when it can't, the
// caller falls back to the parent key's line.

type PathPart = string | number;

interface Line {
  indent: number;
  text: string;
}

function keyOf(text: string): string | undefined {
  const m = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"][^:#]*?))\s*:(?:\s|$)/.exec(text);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** 0-based index into `yamlLines` of the path's line, or undefined. */
export function locateKey(yaml: string, path: readonly PathPart[]): number | undefined {
  const lines: Line[] = yaml.split("\n").map((raw) => {
    const text = raw.replace(/\r$/, "");
    const indent = text.length - text.trimStart().length;
    return { indent, text: text.trimStart() };
  });

  let from = 0;
  let to = lines.length;
  let minIndent = 0;
  let found: number | undefined;

  for (const part of path) {
    let hit: number | undefined;
    let baseIndent: number | undefined;
    let item = -1;
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      if (line.text === "" || line.text.startsWith("#")) continue;
      if (line.indent < minIndent) break;
      baseIndent ??= line.indent;
      if (line.indent !== baseIndent) continue;
      if (typeof part === "number") {
        if (line.text.startsWith("- ") || line.text === "-") item++;
        if (item === part) {
          hit = i;
          break;
        }
      } else if (keyOf(line.text.replace(/^-\s+/, "")) === part) {
        hit = i;
        break;
      }
    }
    if (hit === undefined) {
      // Flow style (`tags: [a, b]`) or a value on the same line: the parent line is the best answer.
      return found;
    }
    found = hit;
    const indent = lines[hit]!.indent;
    from = hit + 1;
    minIndent = indent + 1;
    to = lines.length;
    // A list item holding a mapping (`- key: v`) keeps its first key on the item line.
    if (typeof part === "number" && keyOf(lines[hit]!.text.replace(/^-\s+/, ""))) {
      from = hit;
      minIndent = indent;
    }
  }
  return found;
}
