// Git in a test's own repository, with a fixed author and commit date (the "last updated" dates come from git).
import { execFileSync } from "node:child_process";

/** Run `git args` in `repo`; `date` (ISO 8601) is the commit's author and committer date. */
export function git(repo: string, args: string[], date?: string): string {
  const who = { GIT_AUTHOR_NAME: "Writer", GIT_AUTHOR_EMAIL: "writer@example.com", GIT_COMMITTER_NAME: "Writer", GIT_COMMITTER_EMAIL: "writer@example.com" };
  return execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: "pipe", env: { ...process.env, ...who, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}
