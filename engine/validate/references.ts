import type { FieldPath } from './located-error.js';

/** A problem at a field of one document; the document's source turns it into a located error. */
export interface FieldProblem {
  path: FieldPath;
  message: string;
}

/**
 * The problems one document's checks report at most. The rest usually follow from the same
 * mistakes, and working out "did you mean" hints for 100,000 unknown ids would stall validation.
 */
export const MAX_PROBLEMS = 100;

/** A list of problems that stops at MAX_PROBLEMS; a message given as a function is worked out only if kept. */
export function problemList() {
  const problems: FieldProblem[] = [];
  const report = (path: FieldPath, message: string | (() => string)) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message: typeof message === 'string' ? message : message() });
  };
  const reportAll = (more: readonly FieldProblem[]) => more.forEach((problem) => report(problem.path, problem.message));
  return { problems, report, reportAll };
}

/** Reports each id that appears more than once in a list, at its second and later places. */
export function duplicateIds<T>(items: readonly T[], idOf: (item: T) => string | number, path: (index: number) => FieldPath, what: string): FieldProblem[] {
  const firstIndex = new Map<string | number, number>();
  const problems: FieldProblem[] = [];
  items.forEach((item, index) => {
    const id = idOf(item);
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else problems.push({ path: path(index), message: `duplicate ${what} "${id}" (first defined at index ${first})` });
  });
  return problems;
}

/**
 * The message for an id that names nothing known, with the closest known id as a hint:
 * unknown option "later" of decision "DEC-01" (known: notify, wait). `of` says whose id it is.
 */
export function unknownId(what: string, id: string, known: Iterable<string>, of?: string): string {
  const candidates = [...new Set(known)];
  const head = `unknown ${what} "${id}"${of ? ` ${of}` : ''}`;
  const hint = closestId(id, candidates);
  if (hint) return `${head} (did you mean "${hint}"?)`;
  if (candidates.length === 0) return `${head} (there are none)`;
  const shown = candidates.slice(0, 8).join(', ');
  return `${head} (known: ${shown}${candidates.length > 8 ? ', ...' : ''})`;
}

/** The known id closest to a mistyped one, when it is close enough to be the one meant. */
export function closestId(id: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(id.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(id.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Finds the cycles of a graph given as node -> the nodes it depends on: one per edge that closes
 * a loop in a depth-first walk, each as a closed walk (a -> b -> a). Iterative, so a long chain
 * of dependencies cannot overflow the stack.
 */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const path: string[] = [];
  const frames: { node: string; targets: readonly string[]; next: number }[] = [];
  const enter = (node: string) => {
    state.set(node, 'visiting');
    path.push(node);
    frames.push({ node, targets: edges.get(node) ?? [], next: 0 });
  };
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.next < frame.targets.length) {
        const next = frame.targets[frame.next++]!;
        const seen = state.get(next);
        if (seen === 'visiting') cycles.push([...path.slice(path.lastIndexOf(next)), next]);
        else if (seen === undefined && edges.has(next)) enter(next);
      } else {
        frames.pop();
        path.pop();
        state.set(frame.node, 'done');
      }
    }
  }
  return cycles;
}
