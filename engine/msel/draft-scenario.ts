import { MILESTONES, type Milestone } from '../format/common.js';
import type { Condition } from '../format/condition.js';
import { formatDuration } from '../format/duration.js';
import type { Plan } from '../format/plan.js';
import { SCENARIO_FORMAT, type Channel } from '../format/scenario.js';

// The scenario around the injects of an MSEL: an MSEL holds injects, not the rest of a
// scenario (its threat, severity, milestones, objectives...), so the draft guesses them from
// the plan and the sheet's words, and says so in a comment beside each guess.

/** An inject of the draft, in the scenario file's own form (durations as text). */
export interface DraftInject {
  id: string;
  title: string;
  at?: string;
  when?: Condition;
  delay?: string;
  unless?: Condition;
  to: string[];
  channel: Channel;
  from?: string;
  body: string;
  expects?: string[];
  facilitatorNotes?: string;
  attack?: string;
  /** From the scenario the sheet updates: what an MSEL does not carry. */
  artifacts?: unknown[];
  set?: Record<string, unknown>;
}

/** A comment of the draft: beside the value at a path, or on the line before it. */
export interface DraftComment {
  path: (string | number)[];
  text: string;
  before?: boolean;
}

export interface DraftFacts {
  file: string;
  sheet: string;
  plan: Plan;
  scenarioId?: string;
  title?: string;
  /** A title found above the header row (a sheet's own heading). */
  sheetTitle?: string;
  threat?: string;
  /** T+0 as ISO with its offset, and why it was guessed, if it was. */
  startsAt?: string;
  startNote?: string;
  injects: DraftInject[];
  /** The objectives each inject carried (by inject index). */
  objectives: string[][];
  /** Offsets of the injects that have one, in ms. */
  offsets: number[];
  /** Every text of the sheet: the threat and the clouds are guessed from its words. */
  text: string;
}

const GUESSED = 'guessed';

/** A scenario id from a file name: lower-case words joined by hyphens. */
export function scenarioIdOf(file: string): string {
  const base = (file.split(/[\\/]/).at(-1) ?? file).replace(/\.(csv|xlsx|xlsm|txt)$/i, '');
  const id = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return /^[a-z0-9]/.test(id) ? id : 'imported-msel';
}

const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ');

/**
 * The playbook that fits the sheet best, and whether that was a guess: the one with the most
 * steps the injects expect (strong evidence), then the most of its words in the sheet.
 */
function threatOf(plan: Plan, given: string | undefined, text: string, expected: ReadonlySet<string>): { threat: string; note?: string } {
  if (given !== undefined) return { threat: given };
  const sheet = ` ${words(text)} `;
  let best = plan.playbooks[0]!;
  let bestScore = 0;
  for (const playbook of plan.playbooks) {
    const terms = new Set(words(`${playbook.threat.replace(/-/g, ' ')} ${playbook.title}`).split(' ').filter((w) => w.length >= 4));
    const steps = playbook.steps.filter((step) => step.actions.some((action) => expected.has(action))).length;
    const score = 10 * steps + [...terms].reduce((n, term) => n + (sheet.split(` ${term} `).length - 1), 0);
    if (score > bestScore) {
      best = playbook;
      bestScore = score;
    }
  }
  const threats = plan.playbooks.map((p) => p.threat).join(', ');
  return { threat: best.threat, note: `${GUESSED}${bestScore > 0 ? ' from the expected responses and the sheet\'s words' : ''}: the plan has playbooks for ${threats}` };
}

const CLOUDS: [RegExp, 'aws' | 'azure' | 'gcp'][] = [
  [/\b(aws|amazon|s3|ec2|iam|cloudtrail|guardduty|security hub|lambda|rds|eks)\b/, 'aws'],
  [/\b(azure|entra|defender|sentinel|intune)\b/, 'azure'],
  [/\b(gcp|google cloud|gke|bigquery|cloud storage|security command center|gcs)\b/, 'gcp'],
];

/** Which phase of the plan a milestone is reached in, by the phase's words. */
const MILESTONE_PHASE: Record<Milestone, RegExp> = { detected: /detect|analys/, contained: /contain/, eradicated: /eradicat/, recovered: /recover/ };

/** A milestone reached by any action of its phase in the threat's playbook (or in the plan). */
function milestoneOf(plan: Plan, threat: string, milestone: Milestone): Condition {
  const nist = plan.phases.filter((phase) => phase.framework === 'nist-800-61r2' && MILESTONE_PHASE[milestone].test(`${phase.id} ${phase.title}`.toLowerCase())).map((phase) => phase.id);
  const inPhase = (id: string) => nist.includes(plan.actions.find((action) => action.id === id)?.phase ?? '');
  const playbook = plan.playbooks.find((p) => p.threat === threat);
  let actions = [...new Set(playbook?.steps.flatMap((step) => step.actions).filter(inPhase) ?? [])];
  if (actions.length === 0) actions = plan.actions.filter((action) => inPhase(action.id)).map((action) => action.id);
  if (actions.length === 0) actions = [plan.actions[0]!.id];
  const leaves = actions.slice(0, 6).map((action) => ({ action }));
  return leaves.length === 1 ? leaves[0]! : { any: leaves };
}

const roundUp = (ms: number, step: number) => Math.ceil(ms / step) * step;

/** The whole draft scenario (in the file's form) and its comments. */
export function draftScenario(facts: DraftFacts): { scenario: Record<string, unknown>; comments: DraftComment[] } {
  const { plan } = facts;
  const comments: DraftComment[] = [];
  const note = (path: (string | number)[], text: string, before = false) => comments.push({ path, text, ...(before ? { before } : {}) });

  const id = facts.scenarioId ?? scenarioIdOf(facts.file);
  if (facts.scenarioId === undefined) note(['id'], `from the file name ${facts.file}`);
  const title = facts.title ?? facts.sheetTitle ?? `MSEL ${facts.file.split(/[\\/]/).at(-1)}`;
  if (facts.title === undefined) note(['title'], facts.sheetTitle ? 'the heading above the sheet\'s header row' : `${GUESSED}: name the scenario`);

  const { threat, note: threatNote } = threatOf(plan, facts.threat, facts.text, new Set(facts.injects.flatMap((inject) => inject.expects ?? [])));
  if (threatNote) note(['threat'], threatNote);
  const levels = plan.severityLevels.map((level) => level.level).sort((a, b) => a - b);
  const expectedSeverity = levels.includes(2) ? 2 : levels[0]!;
  note(['expectedSeverity'], `${GUESSED}: the severity the plan expects the team to declare for this incident (levels ${levels.join(', ')})`);

  const sheetWords = ` ${facts.text.toLowerCase()} `;
  const clouds = CLOUDS.filter(([pattern]) => pattern.test(sheetWords)).map(([, cloud]) => cloud);
  note(['providers'], clouds.length > 0 ? 'from the services the sheet names' : `${GUESSED}: the sheet names no cloud`);

  const attack = [...new Set(facts.injects.flatMap((inject) => (inject.attack ? [inject.attack] : [])))];
  if (attack.length === 0) note(['attack'], `${GUESSED}: the sheet names no ATT&CK technique; list the ones the scenario exercises`);

  const last = facts.offsets.length > 0 ? Math.max(...facts.offsets) : 0;
  const estimated = Math.max(30 * 60_000, roundUp(last + 30 * 60_000, 15 * 60_000));
  note(['estimatedDuration'], `${GUESSED}: the last timed inject and half an hour`);

  const startsAt = facts.startsAt ?? '2025-01-06T09:00:00Z';
  if (facts.startsAt === undefined) note(['startsAt'], `${GUESSED}: the sheet gives no date; the scenario's date and time at T+0`);
  else if (facts.startNote) note(['startsAt'], facts.startNote);

  // The objectives the sheet names, each measured by the playbook steps its injects expect.
  const playbook = plan.playbooks.find((p) => p.threat === threat);
  const stepsFor = (actions: Set<string>) => playbook?.steps.filter((step) => step.actions.some((a) => actions.has(a))).map((step) => step.id) ?? [];
  const named = [...new Set(facts.objectives.flat())];
  const objectives = (named.length > 0 ? named : ['Respond to the incident as the plan says']).map((objectiveTitle, index): { id: string; title: string; capability: string; steps: string[]; severity?: true } => {
    const injects = named.length > 0 ? facts.injects.filter((_, i) => facts.objectives[i]!.includes(objectiveTitle)) : facts.injects;
    const steps = stepsFor(new Set(injects.flatMap((inject) => inject.expects ?? [])));
    const measured = steps.length > 0;
    return { id: `OBJ-${index + 1}`, title: objectiveTitle, capability: 'Operational Coordination', steps: measured ? steps : playbook?.steps.map((step) => step.id) ?? [], ...(measured ? {} : { severity: true as const }) };
  });
  objectives.forEach((objective, index) => {
    note(['objectives', index, 'capability'], `${GUESSED}: the HSEEP core capability it exercises`);
    if (objective.severity) note(['objectives', index, 'steps'], `${GUESSED}: no expected response of its injects names a plan action; the playbook's steps`);
  });
  if (named.length === 0) note(['objectives'], `${GUESSED}: the sheet names no objective`, true);

  const milestones = Object.fromEntries(MILESTONES.map((milestone) => [milestone, { when: milestoneOf(plan, threat, milestone) }]));
  const phaseWords: Record<Milestone, string> = { detected: 'detection and analysis', contained: 'containment', eradicated: 'eradication', recovered: 'recovery' };
  for (const milestone of MILESTONES) note(['milestones', milestone, 'when'], `${GUESSED}: any action of the ${phaseWords[milestone]} phase in the plan's ${threat} playbook`);

  const scenario = {
    format: SCENARIO_FORMAT,
    id,
    title,
    summary: `Imported from the MSEL ${facts.file.split(/[\\/]/).at(-1)}${facts.sheet ? ` (sheet ${facts.sheet})` : ''}: ${facts.injects.length} ${facts.injects.length === 1 ? 'inject' : 'injects'}.`,
    plan: plan.id,
    threat,
    expectedSeverity,
    providers: clouds.length > 0 ? clouds : ['aws'],
    attack: attack.length > 0 ? attack : ['T1078'],
    estimatedDuration: formatDuration(estimated),
    difficulty: 'intermediate',
    startsAt,
    groundTruth: { compromiseAt: '-1h', narrative: 'Not in the spreadsheet: write what really happened before T+0, and when the compromise began.' },
    duties: [],
    objectives,
    state: {},
    injects: facts.injects,
    decisions: [],
    actionEffects: [],
    milestones,
    end: { when: { milestone: 'recovered' }, timeLimit: formatDuration(estimated + 60 * 60_000) },
  };
  note(['summary'], `${GUESSED}: say what the exercise is about`);
  note(['difficulty'], GUESSED);
  note(['groundTruth', 'compromiseAt'], `${GUESSED}: when the compromise really began, before T+0 (time to detect is measured from it)`);
  note(['duties'], 'the sheet names no communication duty: add the plan\'s duties that apply');
  note(['end', 'timeLimit'], `${GUESSED}: the exercise stops at this simulated time whatever happened`);
  return { scenario, comments };
}
