import { Document } from 'yaml';
import { formatDuration } from '../format/duration.js';
import { PLAN_FORMAT, type Plan } from '../format/plan.js';
import { SCENARIO_FORMAT } from '../format/scenario.js';
import { DRAFT_PRINT, editDraft, flowShortLists } from './draft-edit.js';

// Where an author starts: the bundled plan (or any plan) as it is, a blank plan that already
// validates (one of each thing, the four severity levels, the NIST SP 800-61 r2 phases and the
// CSF 2.0 functions), a blank scenario for a plan, or a copy of a scenario under a new id.

const NIST_PHASES: [string, string][] = [
  ['preparation', 'Preparation'],
  ['detection-analysis', 'Detection and Analysis'],
  ['containment', 'Containment'],
  ['eradication', 'Eradication'],
  ['recovery', 'Recovery'],
  ['post-incident', 'Post-Incident Activity'],
];
const CSF_FUNCTIONS: [string, string][] = [
  ['govern', 'Govern'],
  ['identify', 'Identify'],
  ['protect', 'Protect'],
  ['detect', 'Detect'],
  ['respond', 'Respond'],
  ['recover', 'Recover'],
];

/** A plan with one of everything, valid as it is, for an author to fill in. */
export function blankPlanYaml(id = 'my-plan', title = 'My incident response plan'): string {
  const plan = {
    format: PLAN_FORMAT,
    id,
    title,
    version: '1.0',
    scoreBy: 'nist-800-61r2',
    roles: [{ id: 'incident-commander', title: 'Incident Commander', responsibilities: ['Leads the response and declares the severity.'] }],
    severityLevels: [
      { level: 1, name: 'Critical', criteria: 'Active data theft or a severe outage.', example: 'Ransomware encrypting production databases.', responseDeadline: '15m', targets: { detect: '1h', contain: '1h', recover: '8h' } },
      { level: 2, name: 'High', criteria: 'A confirmed intrusion that may lose data.', example: 'Unauthorised access to a sensitive storage account.', responseDeadline: '1h', targets: { detect: '4h', contain: '4h', recover: '1d' } },
      { level: 3, name: 'Medium', criteria: 'Suspicious activity to investigate.', example: 'Failed logins from an unusual country.', responseDeadline: '4h', targets: { detect: '1d', contain: '12h', recover: '3d' } },
      { level: 4, name: 'Low', criteria: 'Informational alerts, low-risk deviations.', example: 'A test bucket made public for a day.', responseDeadline: '24h', targets: { detect: '3d', contain: '2d', recover: '7d' } },
    ],
    severityDeclaredBy: ['incident-commander'],
    phases: [
      ...NIST_PHASES.map(([phase, phaseTitle]) => ({ id: phase, title: phaseTitle, framework: 'nist-800-61r2' })),
      ...CSF_FUNCTIONS.map(([phase, phaseTitle]) => ({ id: phase, title: phaseTitle, framework: 'csf-2.0' })),
    ],
    actions: [
      { id: 'open-incident-bridge', title: 'Open the incident bridge', description: 'Page the response team and open the bridge.', roles: ['incident-commander'], phase: 'detection-analysis', function: 'respond', duration: '5m' },
    ],
    playbooks: [
      { threat: 'general', title: 'Any incident', steps: [{ id: 'open-bridge', title: 'Open the incident bridge', actions: ['open-incident-bridge'], owner: 'incident-commander', due: { from: 'detection', within: '30m' } }] },
    ],
    duties: [],
  };
  const document = new Document(plan, { aliasDuplicateObjects: false });
  flowShortLists(document);
  document.commentBefore = ' A new plan: rename it, then add your roles, actions, playbooks and communication duties.';
  return document.toString(DRAFT_PRINT);
}

/** The plan's first action of a phase, or its first action. */
const actionIn = (plan: Plan, phases: string[]) => (plan.actions.find((action) => phases.includes(action.phase)) ?? plan.actions[0]!).id;

/** A scenario for a plan with one inject, one objective and milestones reached by the plan's own actions. */
export function blankScenarioYaml(plan: Plan, options: { id?: string; title?: string; startsAt?: string } = {}): string {
  const playbook = plan.playbooks[0]!;
  const level = plan.severityLevels[Math.min(1, plan.severityLevels.length - 1)]!;
  const first = actionIn(plan, ['detection-analysis']);
  const scenario = {
    format: SCENARIO_FORMAT,
    id: options.id ?? 'my-scenario',
    title: options.title ?? 'My scenario',
    summary: 'What happens, in a few sentences, as the facilitator would introduce it.',
    plan: plan.id,
    threat: playbook.threat,
    expectedSeverity: level.level,
    providers: ['aws'],
    attack: ['T1078'],
    estimatedDuration: '1h',
    difficulty: 'introductory',
    startsAt: options.startsAt ?? '2025-06-10T09:00:00+00:00',
    groundTruth: { compromiseAt: '-1h', narrative: 'What really happened, for the facilitator: how the attacker got in and when.' },
    objectives: [{ id: 'OBJ-1', title: 'Classify the incident', capability: 'Operational Coordination', severity: true }],
    injects: [
      {
        id: 'INJ-01', title: 'The first alert', at: '0m', to: [plan.roles[0]!.id], channel: 'siem-alert', from: 'SIEM',
        body: 'What the team sees first.', expects: [first],
      },
    ],
    milestones: {
      detected: { when: { action: first } },
      contained: { when: { action: actionIn(plan, ['containment']) } },
      eradicated: { when: { action: actionIn(plan, ['eradication']) } },
      recovered: { when: { action: actionIn(plan, ['recovery']) } },
    },
    end: { when: { milestone: 'recovered' }, timeLimit: formatDuration(2 * 3_600_000) },
  };
  const document = new Document(scenario, { aliasDuplicateObjects: false });
  flowShortLists(document);
  document.commentBefore = ` A new scenario for plan "${plan.id}": give it its injects, decisions and milestones.`;
  return document.toString(DRAFT_PRINT);
}

/** A copy of a plan or scenario under a new id and title, its comments kept. */
export function duplicateYaml(text: string, id: string, title: string): string {
  return editDraft(text, [
    { op: 'set', path: ['id'], value: id },
    { op: 'set', path: ['title'], value: title },
  ]);
}

/** An id not in `taken`: the base, or the base with -2, -3... */
export function freeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
