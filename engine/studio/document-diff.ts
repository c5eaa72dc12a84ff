// A readable difference between two versions of a plan or scenario, shown before a version is
// saved: one line per change, named the way an author thinks of the document (the Sev 2 level's
// response deadline, the role incident-commander's title, an action added), not as a text diff.
// It compares the documents as written (durations as "1h", not milliseconds). A plan's renamed
// role or action reads as one rename, not as one item removed and another added, and the places
// the plan names it by its new id are no change at all.

import { withRenames, type PlanRenames } from './plan-renames.js';

export interface DiffLine {
  /** Where the change is, in the document's words: severityLevels[level 2].responseDeadline */
  path: string;
  change: 'added' | 'removed' | 'changed' | 'renamed';
  /** The value before and after, shortened to one line (absent for what was added or removed whole). */
  before?: string;
  after?: string;
  /** The whole change as a sentence a person reads. */
  text: string;
}

/** The fields that identify an item of a list, in the order they are looked for. */
const KEYS = ['id', 'level', 'threat', 'name'] as const;

/** A list's items are keyed when each is a mapping with the same identifying field, all different. */
function keyOf(items: unknown[]): (typeof KEYS)[number] | undefined {
  if (items.length === 0) return undefined;
  for (const key of KEYS) {
    const values = items.map((item) => (isRecord(item) ? item[key] : undefined));
    if (values.every((value) => typeof value === 'string' || typeof value === 'number') && new Set(values).size === values.length) return key;
  }
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value on one line, at most 80 characters. */
export function shortValue(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) && value.every((item) => typeof item !== 'object') ? `[${value.join(', ')}]` : JSON.stringify(value);
  const line = text.replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

const itemLabel = (key: string, value: unknown) => (key === 'level' ? `level ${String(value)}` : String(value));
const join = (path: string, field: string) => (path === '' ? field : `${path}.${field}`);

/** What an item is called in a sentence: its title or name beside its key, when it has one. */
function describe(item: unknown, key?: string): string {
  if (!isRecord(item)) return shortValue(item);
  const id = key ? itemLabel(key, item[key]) : undefined;
  const title = typeof item.title === 'string' ? item.title : typeof item.name === 'string' && key !== 'name' ? item.name : typeof item.label === 'string' ? item.label : undefined;
  if (id !== undefined && title !== undefined) return `"${id}" (${shortValue(title).replace(/^"|"$/g, '')})`;
  return id !== undefined ? `"${id}"` : title !== undefined ? shortValue(title) : shortValue(item);
}

/** For the lists of a plan whose ids were renamed ('roles', 'actions'): new id -> old id. */
type Renamed = ReadonlyMap<string, ReadonlyMap<unknown, string>>;

const RENAMED_LISTS = { roles: 'Role', actions: 'Action' } as const;

function compare(before: unknown, after: unknown, path: string, lines: DiffLine[], renamed: Renamed): void {
  if (Object.is(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const inner = join(path, field);
      if (!(field in after)) lines.push({ path: inner, change: 'removed', before: shortValue(before[field]), text: `${inner}: removed (was ${shortValue(before[field])})` });
      else if (!(field in before)) lines.push({ path: inner, change: 'added', after: shortValue(after[field]), text: `${inner}: set to ${shortValue(after[field])}` });
      else compare(before[field], after[field], inner, lines, renamed);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const key = keyOf(before) ?? keyOf(after);
    if (key && (after.length === 0 || keyOf(after) === key) && (before.length === 0 || keyOf(before) === key)) return compareKeyed(before as Record<string, unknown>[], after as Record<string, unknown>[], key, path, lines, renamed);
    if ([...before, ...after].every((item) => typeof item !== 'object' || item === null)) return compareSet(before, after, path, lines);
    return compareByPosition(before, after, path, lines, renamed);
  }
  lines.push({ path, change: 'changed', before: shortValue(before), after: shortValue(after), text: `${path}: ${shortValue(before)} → ${shortValue(after)}` });
}

function compareKeyed(before: Record<string, unknown>[], after: Record<string, unknown>[], key: string, path: string, lines: DiffLine[], renamed: Renamed): void {
  const old = new Map(before.map((item) => [item[key], item]));
  const now = new Map(after.map((item) => [item[key], item]));
  for (const item of after) {
    const id = item[key];
    const at = `${path}[${itemLabel(key, id)}]`;
    const previous = old.get(id);
    const formerId = key === 'id' ? renamed.get(path)?.get(id) : undefined;
    if (formerId !== undefined) {
      const what = RENAMED_LISTS[path as keyof typeof RENAMED_LISTS];
      lines.push({ path: at, change: 'renamed', before: formerId, after: String(id), text: `${what} ${formerId} renamed to ${String(id)}` });
    }
    if (previous === undefined) lines.push({ path: at, change: 'added', text: `${path}: added ${describe(item, key)}` });
    else compare(previous, item, at, lines, renamed);
  }
  for (const item of before) {
    if (!now.has(item[key])) lines.push({ path: `${path}[${itemLabel(key, item[key])}]`, change: 'removed', text: `${path}: removed ${describe(item, key)}` });
  }
  const kept = (list: Record<string, unknown>[], other: Map<unknown, unknown>) => list.map((item) => item[key]).filter((id) => other.has(id));
  const order = kept(before, now);
  const reordered = kept(after, old);
  if (order.some((id, index) => reordered[index] !== id)) {
    lines.push({ path, change: 'changed', text: `${path}: order changed (now ${reordered.map((id) => itemLabel(key, id)).join(', ')})`.slice(0, 300) });
  }
}

/** Lists of ids or words (recipients, expected actions): what came in and what went out. */
function compareSet(before: unknown[], after: unknown[], path: string, lines: DiffLine[]): void {
  const added = after.filter((item) => !before.includes(item));
  const removed = before.filter((item) => !after.includes(item));
  if (added.length === 0 && removed.length === 0) {
    if (before.some((item, index) => after[index] !== item)) lines.push({ path, change: 'changed', before: shortValue(before), after: shortValue(after), text: `${path}: order changed to ${shortValue(after)}` });
    return;
  }
  const parts = [added.length > 0 ? `added ${added.map(String).join(', ')}` : '', removed.length > 0 ? `removed ${removed.map(String).join(', ')}` : ''].filter(Boolean);
  lines.push({ path, change: 'changed', before: shortValue(before), after: shortValue(after), text: `${path}: ${parts.join('; ')}` });
}

function compareByPosition(before: unknown[], after: unknown[], path: string, lines: DiffLine[], renamed: Renamed): void {
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const at = `${path}[${index}]`;
    if (index >= after.length) lines.push({ path: at, change: 'removed', text: `${path}: removed item ${index + 1}, ${describe(before[index])}` });
    else if (index >= before.length) lines.push({ path: at, change: 'added', text: `${path}: added item ${index + 1}, ${describe(after[index])}` });
    else compare(before[index], after[index], at, lines, renamed);
  }
}

/**
 * Every change from `before` to `after` (two documents as their YAML reads), in document order.
 * `renames`: the roles and actions a plan's new version renames (see renamesBetween); each one
 * whose old id is gone and whose new id is new is shown as a rename.
 */
export function documentDiff(before: unknown, after: unknown, renames: PlanRenames = {}): DiffLine[] {
  const lines: DiffLine[] = [];
  const ids = (document: unknown, field: string) => new Set(isRecord(document) && Array.isArray(document[field]) ? document[field].map((item: unknown) => (isRecord(item) ? item.id : undefined)) : []);
  const kept: PlanRenames = {};
  const renamed = new Map<string, Map<unknown, string>>();
  for (const [kind, field] of [['role', 'roles'], ['action', 'actions']] as const) {
    const earlier = ids(before, field);
    const later = ids(after, field);
    const real = Object.entries(renames[kind] ?? {}).filter(([from, to]) => earlier.has(from) && !later.has(from) && later.has(to) && !earlier.has(to));
    if (real.length === 0) continue;
    kept[kind] = Object.fromEntries(real);
    renamed.set(field, new Map(real.map(([from, to]) => [to, from])));
  }
  compare(renamed.size > 0 ? withRenames(before, kept) : before, after, '', lines, renamed);
  return lines;
}
