import { formatDuration } from '../format/duration.js';
import type { Plan } from '../format/plan.js';
import type { Inject, Scenario } from '../format/scenario.js';
import { COLUMN_SETS } from './columns.js';
import { CHANNEL_LABELS } from './match-plan.js';
import { formatTPlus } from './msel-time.js';
import { conditionText } from './trigger-text.js';

// A scenario as the controllers' MSEL: one row per inject, in the HSEEP columns plus what
// Firedrill needs to read it back (the trigger, the delay, the unless, the title, the ATT&CK
// technique). Times are T+hh:mm, roles and actions by their titles: what a controller reads.
// Imported again, it gives the same injects.

export interface MselColumnSpec {
  header: string;
  /** Width in characters, for a spreadsheet. */
  width: number;
  /** Long text: wrapped in a spreadsheet. */
  wrap?: boolean;
}

const WIDTHS: Record<string, number> = {
  'Event #': 9, 'Scenario Time': 12, Trigger: 28, Delay: 8, Unless: 24, 'Event Type': 16, 'Inject Mode': 15, From: 24, To: 26, Title: 34, Message: 70,
  'Expected Participant Response': 40, Objective: 30, Notes: 50, 'ATT&CK': 11, Artifacts: 26,
};
const WRAPPED = new Set(['Message', 'Expected Participant Response', 'Notes', 'Title', 'Objective', 'Artifacts', 'Trigger', 'Unless']);

export const MSEL_EXPORT_COLUMNS: MselColumnSpec[] = COLUMN_SETS.firedrill.headers.map((header) => ({
  header,
  width: WIDTHS[header] ?? 14,
  ...(WRAPPED.has(header) ? { wrap: true } : {}),
}));

export interface MselTable {
  columns: MselColumnSpec[];
  rows: string[][];
}

/** The scenario's injects as the controllers' MSEL, in scenario order. */
export function mselTable(scenario: Scenario, plan: Plan): MselTable {
  const roleTitle = new Map(plan.roles.map((role) => [role.id, role.title]));
  const actionTitle = new Map(plan.actions.map((action) => [action.id, action.title]));
  const playbook = plan.playbooks.find((p) => p.threat === scenario.threat);
  const stepActions = new Map(playbook?.steps.map((step) => [step.id, new Set(step.actions)]) ?? []);
  const objectivesOf = (inject: Inject) =>
    scenario.objectives.filter((objective) => objective.steps.some((step) => inject.expects.some((action) => stepActions.get(step)?.has(action)))).map((objective) => objective.title);
  const rows = scenario.injects.map((inject) => [
    inject.id,
    inject.at !== undefined ? formatTPlus(inject.at) : '',
    inject.when ? conditionText(inject.when) : '',
    inject.delay !== undefined ? formatDuration(inject.delay) : '',
    inject.unless ? conditionText(inject.unless) : '',
    inject.unless ? 'Contingency inject' : 'Inject',
    CHANNEL_LABELS[inject.channel],
    inject.from ?? '',
    inject.to.map((role) => roleTitle.get(role) ?? role).join('; '),
    inject.title,
    inject.body,
    inject.expects.map((action) => actionTitle.get(action) ?? action).join('; '),
    objectivesOf(inject).join('; '),
    inject.facilitatorNotes ?? '',
    inject.attack ?? '',
    inject.artifacts.map((artifact) => artifact.title).join('; '),
  ]);
  return { columns: MSEL_EXPORT_COLUMNS, rows };
}
