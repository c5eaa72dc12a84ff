import { z } from 'zod';
import { idSchema } from '../format/common.js';
import type { FieldPath } from '../validate/located-error.js';
import type { DraftEdit } from './draft-edit.js';

// Renaming a role or an action in the plan form: the plan names its roles and actions in many
// places (owners, prerequisites, playbook steps, duties), so an id changed in one place alone
// would leave every other one dangling. The edits rename the id and each place the plan names it.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Where a plan (as its YAML reads) names each role or action, by id. */
function placesNaming(plan: Record<string, unknown>, kind: 'role' | 'action', id: string): FieldPath[] {
  const places: FieldPath[] = [];
  const inList = (value: unknown, path: FieldPath) => list(value).forEach((item, index) => item === id && places.push([...path, index]));
  const one = (value: unknown, path: FieldPath) => value === id && places.push(path);
  if (kind === 'role') inList(plan.severityDeclaredBy, ['severityDeclaredBy']);
  list(plan.actions).forEach((action, a) => {
    if (!isRecord(action)) return;
    if (kind === 'role') inList(action.roles, ['actions', a, 'roles']);
    else inList(action.prerequisites, ['actions', a, 'prerequisites']);
  });
  list(plan.playbooks).forEach((playbook, p) => {
    if (!isRecord(playbook)) return;
    list(playbook.steps).forEach((step, s) => {
      if (!isRecord(step)) return;
      if (kind === 'role') one(step.owner, ['playbooks', p, 'steps', s, 'owner']);
      else inList(step.actions, ['playbooks', p, 'steps', s, 'actions']);
    });
  });
  list(plan.duties).forEach((duty, d) => {
    if (!isRecord(duty)) return;
    if (kind === 'role') one(duty.owner, ['duties', d, 'owner']);
    else inList(duty.actions, ['duties', d, 'actions']);
  });
  return places;
}

/**
 * The edits that give the role (or action) at `index` the id `to`, and rename it wherever the
 * plan names it. When `to` is another one's id already, only the id changes (the validator
 * reports the clash): two ids merged while typing could never be told apart again.
 */
export function renameInPlan(plan: unknown, kind: 'role' | 'action', index: number, to: string): DraftEdit[] {
  const field = kind === 'role' ? 'roles' : 'actions';
  const own: DraftEdit = { op: 'set', path: [field, index, 'id'], value: to };
  if (!isRecord(plan)) return [own];
  const items = list(plan[field]);
  const item = items[index];
  const from = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
  const taken = items.some((other, at) => at !== index && isRecord(other) && other.id === to);
  // Through empty too (the field cleared, then typed again): the references wait as "" meanwhile.
  if (from === undefined || from === to || taken || items.filter((other) => isRecord(other) && other.id === from).length > 1) return [own];
  return [own, ...placesNaming(plan, kind, from).map((path): DraftEdit => ({ op: 'set', path, value: to }))];
}

/** Role and action ids a plan's new version renames: old id -> new id. */
export const planRenamesSchema = z.strictObject({
  role: z.record(idSchema, idSchema).optional(),
  action: z.record(idSchema, idSchema).optional(),
});
export type PlanRenames = z.output<typeof planRenamesSchema>;

/**
 * The roles and actions renamed between two versions of a plan (as their YAML reads): an id
 * gone from the earlier one whose item is in the new one under a new id, found by its title,
 * or else at the same place in a list of the same length.
 */
export function renamesBetween(previous: unknown, current: unknown): PlanRenames {
  const renames: PlanRenames = {};
  if (!isRecord(previous) || !isRecord(current)) return renames;
  for (const [kind, field] of [['role', 'roles'], ['action', 'actions']] as const) {
    const items = (plan: Record<string, unknown>) => list(plan[field]).filter(isRecord).map((item) => ({ id: typeof item.id === 'string' ? item.id : '', title: typeof item.title === 'string' ? item.title : '' }));
    const before = items(previous);
    const after = items(current);
    const gone = before.map((item, index) => ({ ...item, index })).filter((item) => item.id !== '' && !after.some((other) => other.id === item.id));
    const added = after.map((item, index) => ({ ...item, index })).filter((item) => item.id !== '' && !before.some((other) => other.id === item.id));
    const mapped: Record<string, string> = {};
    for (const old of gone) {
      const sameTitle = added.filter((item) => item.title === old.title);
      const match = sameTitle.length === 1 ? sameTitle[0] : added.find((item) => item.index === old.index && before.length === after.length);
      if (match && !Object.values(mapped).includes(match.id)) mapped[old.id] = match.id;
    }
    if (Object.keys(mapped).length > 0) renames[kind] = mapped;
  }
  return renames;
}

/**
 * A copy of a plan (as its YAML reads) with the renamed roles and actions under their new ids,
 * wherever the plan names them: compared with the new version, a rename then reads as one change.
 */
export function withRenames(plan: unknown, renames: PlanRenames): unknown {
  if (!isRecord(plan)) return plan;
  // A plan as its YAML reads is plain data: a JSON copy is a whole one.
  const copy = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
  // Every place is found before any is changed, so renames that swap or chain ids stay apart.
  const changes: { path: FieldPath; to: string }[] = [];
  for (const [kind, field] of [['role', 'roles'], ['action', 'actions']] as const) {
    for (const [from, to] of Object.entries(renames[kind] ?? {})) {
      for (const path of placesNaming(copy, kind, from)) changes.push({ path, to });
      list(copy[field]).forEach((item, index) => isRecord(item) && item.id === from && changes.push({ path: [field, index, 'id'], to }));
    }
  }
  for (const { path, to } of changes) setAt(copy, path, to);
  return copy;
}

function setAt(root: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let at: unknown = root;
  for (const step of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[step];
  (at as Record<string | number, unknown>)[path[path.length - 1]!] = value;
}
