import type { z } from 'zod';
import type { FieldPath } from './located-error.js';

export interface FieldIssue {
  path: FieldPath;
  message: string;
}

/** Turns zod's issues into one plain message per field, choosing the closest branch of a union. */
export function schemaIssues(error: z.ZodError): FieldIssue[] {
  const issues: FieldIssue[] = [];
  collect(error.issues, [], issues);
  // One message per field is enough for a person to act on.
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join('\u0000')}\u0001${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function collect(issues: readonly z.core.$ZodIssue[], base: FieldPath, out: FieldIssue[]): void {
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A branch whose complaints are all below the top means the value had that branch's shape:
      // its nested messages are the useful ones.
      const nested = issue.errors
        .filter((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0 && i.code !== 'unrecognized_keys'))
        .sort((a, b) => a.length - b.length)[0];
      if (nested) {
        collect(nested, path, out);
        continue;
      }
      // A branch that only failed its own refinement (not its shape) also knows best.
      const refined = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.code === 'custom'));
      if (refined) {
        collect(refined, path, out);
        continue;
      }
    }
    out.push({ path, message: describe(issue) });
  }
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = (issue as { input?: unknown }).input;
      if (received === undefined) return `is required (expected ${issue.expected})`;
      return `expected ${issue.expected}, found ${kindOf(received)}`;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `is longer than ${issue.maximum} characters`;
      if (issue.origin === 'array') return `has more than ${issue.maximum} items`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return 'must be an ISO 8601 date and time with its offset, like 2026-03-14T02:10:00+08:00';
      return issue.message;
    default:
      return issue.message;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}
