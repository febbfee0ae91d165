// "Last updated" dates from git history, with a deterministic fallback (never file times).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface LastUpdatedOptions {
  /** Environment to read SOURCE_DATE_EPOCH from. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

interface RepoHistory {
  /** Absolute file path → ISO date of the last commit that touched it. */
  dates: Map<string, string>;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
  } catch {
    return undefined;
  }
}

/**
 * Reads `git log` once per repository and answers per file. A shallow clone only knows the last
 * commit, which would stamp every page with the same wrong date, so it counts as no history.
 *
 * The repository is found by looking for `.git` up from each page's folder, not by asking git:
 * asking cost a process per folder (about 200 ms for a 4,000-page site in 200 folders outside any
 * repository, and three processes and a `git log` per folder inside one).
 */
export class LastUpdated {
  /** Folder → the repository's top folder, or null outside any. */
  readonly #tops = new Map<string, string | null>();
  readonly #histories = new Map<string, RepoHistory>();
  readonly #env: NodeJS.ProcessEnv;

  constructor(options: LastUpdatedOptions = {}) {
    this.#env = options.env ?? process.env;
  }

  #topOf(dir: string): string | null {
    let top = this.#tops.get(dir);
    if (top !== undefined) return top;
    const parent = path.dirname(dir);
    top = fs.existsSync(path.join(dir, ".git")) ? dir : parent === dir ? null : this.#topOf(parent);
    this.#tops.set(dir, top);
    return top;
  }

  #history(top: string): RepoHistory {
    const cached = this.#histories.get(top);
    if (cached) return cached;
    const history: RepoHistory = { dates: new Map() };
    this.#histories.set(top, history);
    if (git(top, ["rev-parse", "--is-shallow-repository"])?.trim() !== "false") return history;
    const log = git(top, ["log", "--format=@%cI", "--name-only", "--no-renames", "--", "."]);
    if (log === undefined) return history;
    let date = "";
    for (const line of log.split("\n")) {
      if (line.startsWith("@")) date = line.slice(1);
      else if (line && date) {
        const file = path.join(top, line);
        // Newest commit first: the first date seen for a file is its last change.
        if (!history.dates.has(file)) history.dates.set(file, date);
      }
    }
    return history;
  }

  /** ISO 8601 date (YYYY-MM-DD, UTC) of the file's last commit, the fallback, or undefined to omit. */
  of(file: string): string | undefined {
    const abs = path.resolve(file);
    const top = this.#topOf(path.dirname(abs));
    const committed = top === null ? undefined : this.#history(top).dates.get(abs);
    if (committed) return new Date(committed).toISOString().slice(0, 10);
    return this.fallback();
  }

  /** SOURCE_DATE_EPOCH when set (reproducible builds), otherwise nothing: no date beats a wrong one. */
  fallback(): string | undefined {
    const epoch = this.#env.SOURCE_DATE_EPOCH;
    if (!epoch || !/^\d+$/.test(epoch)) return undefined;
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "March 4, 2025" from "2025-03-04", the same in every locale and time zone. */
export function readableDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}
