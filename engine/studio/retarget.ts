import type { Plan } from '../format/plan.js';
import { formatPath, type FieldPath, type LocatedError } from '../validate/located-error.js';
import { closestId } from '../validate/references.js';
import { parseYamlSource } from '../validate/yaml-source.js';
import { draftValue, editDraft, type DraftEdit } from './draft-edit.js';

// Retargeting a scenario written for another plan: every id it takes from its plan (roles,
// actions, communication duties, playbook steps, the threat's playbook) is mapped to an id of
// this plan. The author picks each mapping (the same id or the same title is proposed); what
// stays unmapped is a located error at each place it is used, so nothing is dropped silently.

export const PLAN_REFERENCE_KINDS = ['role', 'action', 'duty', 'step', 'threat'] as const;
export type PlanReferenceKind = (typeof PLAN_REFERENCE_KINDS)[number];

export interface PlanReference {
  kind: PlanReferenceKind;
  id: string;
  path: FieldPath;
}

/** Old id -> new id, per kind. */
export type RetargetMapping = Partial<Record<PlanReferenceKind, Record<string, string>>>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The action ids of a condition (anywhere inside all / any / not). */
function conditionActions(condition: unknown, path: FieldPath, found: PlanReference[]): void {
  if (!isRecord(condition)) return;
  if (typeof condition.action === 'string') found.push({ kind: 'action', id: condition.action, path: [...path, 'action'] });
  for (const key of ['all', 'any'] as const) list(condition[key]).forEach((inner, index) => conditionActions(inner, [...path, key, index], found));
  if (condition.not !== undefined) conditionActions(condition.not, [...path, 'not'], found);
}

/** Every place a scenario (as its YAML reads) uses an id of its plan. */
export function planReferences(scenario: unknown): PlanReference[] {
  const found: PlanReference[] = [];
  if (!isRecord(scenario)) return found;
  const ids = (kind: PlanReferenceKind, value: unknown, path: FieldPath) =>
    list(value).forEach((id, index) => typeof id === 'string' && found.push({ kind, id, path: [...path, index] }));
  if (typeof scenario.threat === 'string') found.push({ kind: 'threat', id: scenario.threat, path: ['threat'] });
  ids('duty', scenario.duties, ['duties']);
  ids('step', scenario.notApplicable, ['notApplicable']);
  list(scenario.objectives).forEach((objective, index) => {
    if (!isRecord(objective)) return;
    ids('step', objective.steps, ['objectives', index, 'steps']);
    ids('duty', objective.duties, ['objectives', index, 'duties']);
  });
  list(scenario.injects).forEach((inject, index) => {
    if (!isRecord(inject)) return;
    ids('role', inject.to, ['injects', index, 'to']);
    ids('action', inject.expects, ['injects', index, 'expects']);
    for (const key of ['when', 'unless'] as const) conditionActions(inject[key], ['injects', index, key], found);
  });
  list(scenario.decisions).forEach((decision, index) => {
    if (!isRecord(decision)) return;
    if (typeof decision.role === 'string') found.push({ kind: 'role', id: decision.role, path: ['decisions', index, 'role'] });
    conditionActions(decision.when, ['decisions', index, 'when'], found);
  });
  list(scenario.actionEffects).forEach((effect, index) => {
    if (isRecord(effect) && typeof effect.action === 'string') found.push({ kind: 'action', id: effect.action, path: ['actionEffects', index, 'action'] });
  });
  if (isRecord(scenario.milestones)) {
    for (const [name, rule] of Object.entries(scenario.milestones)) if (isRecord(rule)) conditionActions(rule.when, ['milestones', name, 'when'], found);
  }
  if (isRecord(scenario.end)) conditionActions(scenario.end.when, ['end', 'when'], found);
  return found;
}

/** The ids and titles a plan offers for each kind of reference. */
export function planChoices(plan: Plan): Record<PlanReferenceKind, { id: string; title: string }[]> {
  return {
    role: plan.roles.map((role) => ({ id: role.id, title: role.title })),
    action: plan.actions.map((action) => ({ id: action.id, title: action.title })),
    duty: plan.duties.map((duty) => ({ id: duty.id, title: duty.title })),
    step: plan.playbooks.flatMap((playbook) => playbook.steps.map((step) => ({ id: step.id, title: `${playbook.title}: ${step.title}` }))),
    threat: plan.playbooks.map((playbook) => ({ id: playbook.threat, title: playbook.title })),
  };
}

const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The ids this plan lacks, per kind, each with the id proposed for it: the same title in the
 * scenario's own plan (when it is known), else the closest id; undefined when nothing is close.
 */
export function proposeMapping(scenario: unknown, target: Plan, source?: Plan): { kind: PlanReferenceKind; id: string; uses: number; proposed?: string }[] {
  const choices = planChoices(target);
  const sourceTitles = source ? planChoices(source) : undefined;
  const missing = new Map<string, { kind: PlanReferenceKind; id: string; uses: number; proposed?: string }>();
  for (const reference of planReferences(scenario)) {
    const offered = choices[reference.kind];
    if (offered.some((choice) => choice.id === reference.id)) continue;
    const key = `${reference.kind}:${reference.id}`;
    const known = missing.get(key);
    if (known) {
      known.uses++;
      continue;
    }
    const title = sourceTitles?.[reference.kind].find((choice) => choice.id === reference.id)?.title;
    const byTitle = title !== undefined ? offered.find((choice) => words(choice.title) === words(title))?.id : undefined;
    const proposed = byTitle ?? closestId(reference.id, offered.map((choice) => choice.id));
    missing.set(key, { kind: reference.kind, id: reference.id, uses: 1, ...(proposed !== undefined ? { proposed } : {}) });
  }
  return [...missing.values()];
}

const KIND_WORDS: Record<PlanReferenceKind, string> = { role: 'role', action: 'action', duty: 'communication duty', step: 'playbook step', threat: 'playbook (threat type)' };

/**
 * The scenario's YAML written for `target`: its plan field and every mapped id changed in
 * place (comments kept), and a located error at each use of an id the mapping leaves
 * unmapped and the target plan does not have.
 */
export function retargetScenario(file: string, text: string, target: Plan, mapping: RetargetMapping): { text: string; errors: LocatedError[] } {
  const value = draftValue(text);
  if (value === undefined) {
    const parsed = parseYamlSource(file, text);
    return { text, errors: parsed.ok ? [] : parsed.errors };
  }
  const choices = planChoices(target);
  const edits: DraftEdit[] = [{ op: 'set', path: ['plan'], value: target.id }];
  const unmapped: PlanReference[] = [];
  for (const reference of planReferences(value)) {
    const mapped = mapping[reference.kind]?.[reference.id];
    const exists = (id: string) => choices[reference.kind].some((choice) => choice.id === id);
    if (mapped !== undefined && exists(mapped)) {
      if (mapped !== reference.id) edits.push({ op: 'set', path: reference.path, value: mapped });
    } else if (!exists(reference.id)) unmapped.push(reference);
  }
  const retargeted = editDraft(text, edits);
  const parsed = parseYamlSource(file, retargeted);
  const errors = parsed.ok
    ? unmapped.map((reference) => parsed.source.error(reference.path, `${KIND_WORDS[reference.kind]} "${reference.id}" is not in plan "${target.id}": map it to one of the plan's ${KIND_WORDS[reference.kind]}s (${formatPath(reference.path)})`))
    : parsed.errors;
  return { text: retargeted, errors };
}
