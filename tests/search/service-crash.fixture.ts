// Run by failure.test.ts in its own process: Pagefind's service panics (and exits) during a call.
// Writing the bundle over an existing file is one real way to make Pagefind 1.6 panic.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { indexSite, SearchIndexError } from "../../src/search/pagefind.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "search-crash-"));
const blocker = path.join(dir, "a-file");
fs.writeFileSync(blocker, "not a folder");

indexSite({
  pages: [{ url: "/a/", content: "<html><body><main data-pagefind-body><p>words</p></main></body></html>", inputPath: "a.md" }],
  outputDir: dir,
  api: {
    createIndex: async (config) => {
      const created = await pagefind.createIndex(config);
      const index = created.index;
      if (!index) return created;
      return { ...created, index: { ...index, writeFiles: () => index.writeFiles({ outputPath: blocker }) } };
    },
    close: pagefind.close,
  },
})
  .then(
    () => console.log("indexed"),
    (error: unknown) => {
      console.log(error instanceof SearchIndexError ? `${error.code} ${error.message}` : `crash ${String(error)}`);
      process.exitCode = 1;
    },
  )
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
