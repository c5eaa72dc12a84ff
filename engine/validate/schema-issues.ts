import type { z } from 'zod';
import { quote, type FieldPath } from './located-error.js';
import { closestId } from './references.js';

export interface FieldIssue {
  path: FieldPath;
  message: string;
  /** Point at the key of the last path segment rather than at its value (an unknown field). */
  atKey?: boolean;
}

export type SchemaCheck<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

/**
 * Checks a value against a schema and returns plain field issues. Prefer this to calling
 * safeParse and schemaIssues yourself: it also names the fields an unknown field could have
 * meant, and tells a missing field from a field of the wrong type.
 */
export function checkSchema<T>(schema: z.ZodType<T>, value: unknown): SchemaCheck<T> {
  const result = schema.safeParse(value, { error: knownFieldsMap, reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: schemaIssues(result.error, value) };
}

// zod drops the schema from its issues; this error map keeps the field names a strict object
// knows, so "prerequisite" can be answered with "did you mean prerequisites?".
const KNOWN_FIELDS = '\u0000known-fields:';
const knownFieldsMap = (issue: z.core.$ZodRawIssue): string | undefined => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? KNOWN_FIELDS + JSON.stringify(Object.keys(shape)) : undefined;
};

/**
 * Turns zod's issues into one plain message per field, choosing the closest branch of a union.
 * Given the value that was checked, it says "is required" only of fields that are really absent.
 */
export function schemaIssues(error: z.ZodError, input?: unknown): FieldIssue[] {
  const issues: CollectedIssue[] = [];
  collect(error.issues, [], issues, input);
  // A misspelt field is reported once, as unknown with its right name: not also as missing.
  const meant = new Set(issues.flatMap((issue) => (issue.meant ? [pathKey([...issue.path.slice(0, -1), issue.meant])] : [])));
  // One message per field is enough for a person to act on.
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (issue.missing && meant.has(pathKey(issue.path))) return false;
    const key = `${issue.path.join('\u0000')}\u0001${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map(({ path, message, atKey }) => (atKey ? { path, message, atKey } : { path, message }));
}

const pathKey = (path: FieldPath) => path.join('\u0000');

interface CollectedIssue extends FieldIssue {
  /** This field is absent. */
  missing?: boolean;
  /** This unknown field is probably a misspelling of that one. */
  meant?: string;
}

function collect(issues: readonly z.core.$ZodIssue[], base: FieldPath, out: CollectedIssue[], input: unknown): void {
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A branch whose complaints are all below the top means the value had that branch's shape:
      // its nested messages are the useful ones.
      const nested = issue.errors
        .filter((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0 && i.code !== 'unrecognized_keys'))
        .sort((a, b) => a.length - b.length)[0];
      if (nested) {
        collect(nested, path, out, input);
        continue;
      }
      // A branch that only failed its own refinement (not its shape) also knows best.
      const refined = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.code === 'custom'));
      if (refined) {
        collect(refined, path, out, input);
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      // One issue per unknown field, at the field itself.
      const known = issue.message.startsWith(KNOWN_FIELDS) ? (JSON.parse(issue.message.slice(KNOWN_FIELDS.length)) as string[]) : undefined;
      for (const key of issue.keys) {
        const meant = known && closestId(key, known);
        out.push({ path: [...path, key], message: unknownField(key, meant, known), atKey: true, ...(meant ? { meant } : {}) });
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A key of a free-form mapping (state variables) that is not an id: point at the key.
      const key = path[path.length - 1];
      out.push({ path, message: `the key ${quote(String(key))} is not a valid id: use letters, digits, ".", "_" and "-"`, atKey: true });
      continue;
    }
    const found = input === undefined ? undefined : lookup(input, path);
    if (found?.missing) out.push({ path, message: missingMessage(issue), missing: true });
    else out.push({ path, message: describe(issue, found?.value) });
  }
}

function unknownField(key: string, hint: string | undefined, known: string[] | undefined): string {
  if (!known) return `unknown field ${quote(key)}`;
  if (hint) return `unknown field ${quote(key)} (did you mean "${hint}"?)`;
  return `unknown field ${quote(key)} (the fields here are ${known.join(', ')})`;
}

/** The value at a path, and whether its last key is absent from an existing mapping. */
function lookup(root: unknown, path: FieldPath): { missing: boolean; value: unknown } | undefined {
  let node = root;
  for (const [index, segment] of path.entries()) {
    if (node === null || typeof node !== 'object') return undefined;
    const has = Object.prototype.hasOwnProperty.call(node, segment);
    if (!has) return index === path.length - 1 && !Array.isArray(node) ? { missing: true, value: undefined } : undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return { missing: false, value: node };
}

function missingMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `is required: ${describe(issue, undefined)}`;
    case 'invalid_type':
      return `is required (${expectedText(issue.expected)})`;
    default:
      // A refinement's own message says what to write (at or when, a default...).
      return describe(issue, undefined);
  }
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = value !== undefined ? value : (issue as { input?: unknown }).input;
      if (received === undefined) return `is required (${expectedText(issue.expected)})`;
      // A schema's own message says what to write (a duration's unit); zod's own begins "Invalid input".
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      return `expected ${expectedText(issue.expected)}, found ${kindOf(received)}${percentHint(issue.expected, received)}`;
    }
    case 'invalid_value':
      return `${value === null ? 'is empty; it ' : ''}must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${issue.minimum}`;
    case 'too_big': {
      const max = Number(issue.maximum).toLocaleString('en');
      if (issue.origin === 'string') return `is too long: ${typeof value === 'string' ? `${value.length.toLocaleString('en')} characters, ` : ''}at most ${max} here`;
      if (issue.origin === 'array') return `has too many items: ${Array.isArray(value) ? `${value.length.toLocaleString('en')}, ` : ''}at most ${max} here`;
      return `must be at most ${issue.maximum}`;
    }
    case 'invalid_format':
      if (issue.format === 'datetime') return 'must be an ISO 8601 date and time with its offset, like 2026-03-14T02:10:00+08:00';
      return issue.message;
    case 'invalid_union': {
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      // A union of plain types (text, number or true/false): say which, and what was found.
      const expected = issue.errors.map((branch) => (branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0 ? branch[0]!.expected : undefined));
      if (expected.every((e) => e !== undefined)) {
        const names = [...new Set(expected.map((e) => expectedText(e!)))];
        const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
        return value === undefined ? `expected ${list}` : `expected ${list}, found ${kindOf(value)}`;
      }
      return 'does not match any of the forms allowed here';
    }
    default:
      return issue.message;
  }
}

/** zod's type names in the words of someone writing YAML. */
function expectedText(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a text value';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true/false';
    case 'object':
    case 'record':
    case 'map':
      return 'a mapping of fields';
    case 'array':
    case 'tuple':
    case 'set':
      return 'a list';
    default:
      return expected;
  }
}

/** "30%" where a number goes: a chance is written as a share (0.3), which the message says. */
function percentHint(expected: string, received: unknown): string {
  const percent = expected === 'number' && typeof received === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(received) : null;
  return percent ? ` (a chance is written from 0 to 1: ${Number(percent[1]) / 100} for ${percent[1]}%)` : '';
}

function kindOf(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${quote(value, 40)}`;
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : Number.isNaN(value) ? 'NaN (.nan, not a number)' : 'an infinite number (.inf, or one too large to use)';
  return `${typeof value} ${String(value)}`;
}
