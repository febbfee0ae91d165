// Smart quotes as kramdown prints them ('90s, ,"x"), from fixtures checked against kramdown.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runFixtures } from "./fixture-runner.ts";

runFixtures(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "smart-quotes.md"));
