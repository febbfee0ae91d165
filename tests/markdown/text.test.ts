// Text: smart quotes only (no_auto_typographic), from fixtures.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runFixtures } from "./fixture-runner.ts";

runFixtures(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "text.md"));
