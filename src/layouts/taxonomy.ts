// Tag and contributor listings: the collections behind /tags/, /contributors/ and their per-item pages.
import type { ContributorsData, TagsData } from "../site/schema.ts";
import { byTitle, summarize, type CollectionApi, type PageSummary } from "./collection.ts";
import { asList } from "./page-data.ts";

export interface TagEntry {
  name: string;
  slug: string;
  description?: string;
  pages: PageSummary[];
}

export interface ContributorEntry {
  /** The key in contributors.yaml, as pages write it. */
  key: string;
  /** URL segment of the contributor's page. */
  slug: string;
  name: string;
  github?: string;
  pages: PageSummary[];
}

/** URL segment for a tag: lower case, runs of anything but letters and digits become one `-`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

function compareStrings(a: string, b: string): number {
  return a.localeCompare(b, "en") || (a < b ? -1 : a > b ? 1 : 0);
}

/** Pages of the collection grouped by a front matter list (tags or contributors). */
function groupBy(api: CollectionApi, field: "tags" | "contributors"): Map<string, PageSummary[]> {
  const groups = new Map<string, PageSummary[]>();
  for (const item of api.getAll()) {
    if (item.data.generatedPage) continue;
    const summary = summarize(item);
    if (!summary) continue;
    for (const key of new Set(asList(item.data[field]))) {
      const list = groups.get(key) ?? [];
      list.push(summary);
      groups.set(key, list);
    }
  }
  for (const list of groups.values()) list.sort(byTitle);
  return groups;
}

/** Known tags (listed in tags.yaml) that at least one page uses. Unknown tags get no page. */
export function tagIndex(api: CollectionApi, known: TagsData): TagEntry[] {
  const groups = groupBy(api, "tags");
  return [...groups.entries()]
    .filter(([name]) => Object.hasOwn(known, name))
    .map(([name, pages]) => ({ name, slug: slugify(name), description: known[name]?.description, pages }))
    .sort((a, b) => compareStrings(a.name, b.name));
}

/** Known contributors (listed in contributors.yaml) with at least one page. */
export function contributorIndex(api: CollectionApi, known: ContributorsData): ContributorEntry[] {
  const groups = groupBy(api, "contributors");
  return [...groups.entries()]
    .flatMap(([key, pages]) => {
      const person = Object.hasOwn(known, key) ? known[key] : undefined;
      return person ? [{ key, slug: slugify(key), name: person.name, github: person.github, pages }] : [];
    })
    .sort((a, b) => compareStrings(a.name, b.name));
}
