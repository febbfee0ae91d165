// Critical path of a trace, the way Jaeger's UI computes it: from the end of the root, walk back
// through the last-finishing child, then up to the parent from where that child started.
import type { Span, Trace } from "./model.ts";

/** A stretch of time during which `span` itself (not a child) is what the trace waits on. */
export interface CriticalSection {
  spanId: string;
  /** Microseconds since the epoch. */
  start: number;
  end: number;
}

interface Clipped {
  span: Span;
  start: number;
  end: number;
  parent?: Clipped;
  /** Children that finished while the parent ran, latest end first. */
  children: Clipped[];
  /** Index of the next candidate in `children` (the walk only ever moves back in time). */
  next: number;
}

/**
 * Jaeger's preparation: only CHILD_OF children count (our model keeps one parent per span, so FOLLOWS_FROM
 * spans only appear when they were the sole reference), and a child is clipped to its parent's time
 * (children that outlive an async parent would otherwise pull the path past the parent's end).
 */
function clipTree(root: Span): Clipped {
  const top: Clipped = { span: root, start: root.start, end: root.start + root.duration, children: [], next: 0 };
  const stack: Clipped[] = [top];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.span.children) {
      const start = Math.max(child.start, node.start);
      const end = Math.min(child.start + child.duration, node.end);
      if (start > node.end || end < start) continue;
      const c: Clipped = { span: child, start, end, parent: node, children: [], next: 0 };
      node.children.push(c);
      stack.push(c);
    }
    node.children.sort((a, b) => b.end - a.end || (a.span.id < b.span.id ? -1 : 1));
  }
  return top;
}

/**
 * Sections on the critical path, latest first. Linear in the number of spans: each parent keeps a
 * pointer into its children sorted by end time, and the walk only ever moves backwards in time.
 */
export function criticalPath(trace: Trace, root: Span | undefined = trace.roots[0]): CriticalSection[] {
  if (!root) return [];
  const sections: CriticalSection[] = [];
  let node: Clipped | undefined = clipTree(root);
  let returningChildStart: number | undefined;
  while (node) {
    const sectionEnd: number = returningChildStart ?? node.end;
    // The last-finishing child that ended before the returning child started (Jaeger: strictly before).
    let child: Clipped | undefined;
    while (node.next < node.children.length) {
      const candidate: Clipped = node.children[node.next]!;
      if (returningChildStart === undefined || candidate.end < returningChildStart) {
        child = candidate;
        break;
      }
      node.next++;
    }
    if (child) {
      node.next++;
      if (child.end !== sectionEnd) sections.push({ spanId: node.span.id, start: child.end, end: sectionEnd });
      node = child;
      returningChildStart = undefined;
    } else {
      if (node.start !== sectionEnd) sections.push({ spanId: node.span.id, start: node.start, end: sectionEnd });
      returningChildStart = node.start;
      node = node.parent;
    }
  }
  return sections;
}

/** Ids of the spans that own at least one critical section. */
export function criticalSpanIds(sections: readonly CriticalSection[]): Set<string> {
  return new Set(sections.map((s) => s.spanId));
}
