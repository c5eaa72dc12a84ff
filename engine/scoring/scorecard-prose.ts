import type { ScenarioIndex } from '../session/scenario-index.js';
import type { StepScore } from './components/actions.js';
import type { ScoredFinding } from './findings.js';
import { METRIC_DEFINITIONS } from './metrics.js';
import { minutesText, tPlus, toMinutes } from './minutes.js';
import type { Finding } from './scorecard.js';

// The scorecard's words: each finding's sentence and each step's notes, written from the numbers
// and ids the scoring parts give, with the plan's and the scenario's titles. Nothing here
// changes a score; a simulation that needs only the numbers never comes here.

/** Simulated milliseconds as the scorecard writes them. */
const span = (ms: number) => minutesText(ms / 60_000);
const at = (ms: number) => tPlus(ms / 60_000);

/** The words of a scenario and its plan that sentences name things by. */
export interface Words {
  role(id: string): string;
  step(id: string): { title: string };
  duty(id: string): { title: string; reference?: string | undefined };
  decision(id: string): { prompt: string; options: { id: string; label: string; quality: string; rationale?: string | undefined }[] };
  actionTitle(id: string): string;
  index: ScenarioIndex;
}

export function wordsOf(index: ScenarioIndex): Words {
  const { plan, scenario } = index;
  const roles = new Map(plan.roles.map((r) => [r.id, r.title]));
  const playbook = plan.playbooks.find((p) => p.threat === scenario.threat)!;
  return {
    role: (id) => roles.get(id) ?? id,
    step: (id) => playbook.steps.find((s) => s.id === id)!,
    duty: (id) => index.duties.find((d) => d.id === id)!,
    decision: (id) => index.decisions.get(id)!,
    actionTitle: (id) => index.actions.get(id)!.title,
    index,
  };
}

/** What a step was started before, by the titles the rest of the scorecard uses (never an id). */
const before = (f: ScoredFinding, words: Words) =>
  [...(f.figures.beforeSteps ?? []).map((id) => `"${words.step(id).title}"`), ...(f.figures.beforeActions ?? []).map((id) => `"${words.actionTitle(id)}"`)].join(', ');

/** The sentence of one finding. */
export function findingMessage(f: ScoredFinding, words: Words): string {
  const { figures: n, subject } = f;
  const expected = words.index.expectedLevel;
  const role = (id: string | undefined) => words.role(id!);
  const option = () => words.decision(subject.id).options.find((o) => o.id === n.option)!;
  const metric = () => METRIC_DEFINITIONS[subject.id as keyof typeof METRIC_DEFINITIONS];
  switch (f.kind) {
    case 'evidence-destroyed':
      return `Evidence destroyed: "${words.actionTitle(subject.id)}" was taken at ${tPlus(toMinutes(n.at!))} by ${role(n.by)} before ${n.beforeActions!.map((id) => `"${words.actionTitle(id)}"`).join(', ')} had completed`;
    case 'missed-step':
      return `Missed: ${words.step(subject.id).title}${n.action ? ' (started, never completed)' : ''}`;
    case 'late-step':
      return `Late: ${words.step(subject.id).title} completed at ${at(n.at!)}, ${span(n.lateBy!)} after its deadline`;
    case 'out-of-order':
      return `Out of order: ${words.step(subject.id).title} was started before ${before(f, words)} had completed`;
    case 'step-on-time':
      return `${words.step(subject.id).title}: done on time by ${role(n.by)} (${at(n.at!)})`;
    case 'wrong-role':
      if (subject.kind === 'severity') return `Severity declared by ${role(n.by)}; the plan gives it to ${words.index.plan.severityDeclaredBy.map(words.role).join(' or ')}`;
      return `Wrong role: ${subject.kind === 'step' ? words.step(subject.id).title : words.duty(subject.id).title} was done by ${role(n.by)}, owned by ${role(n.owner)}`;
    case 'severity-missing':
      return `No severity was declared (expected Sev ${expected.level}, ${expected.name}, within ${span(expected.responseDeadline)} of detection)`;
    case 'severity-right':
      return `Severity classified correctly as Sev ${n.level} (${expected.name})`;
    case 'severity-wrong':
      return `Severity declared as Sev ${n.level}; the scenario is Sev ${expected.level} (${expected.name}): ${expected.criteria}`;
    case 'severity-late':
      return `Severity declared at ${at(n.at!)}, after its deadline ${at(n.deadline!)} (${span(expected.responseDeadline)} from detection)`;
    case 'missed-duty': {
      const duty = words.duty(subject.id);
      return `Missed duty: ${duty.title}${duty.reference ? ` (${duty.reference})` : ''}`;
    }
    case 'late-duty':
      return `Late duty: ${words.duty(subject.id).title} met at ${at(n.at!)}, ${span(n.lateBy!)} after its deadline`;
    case 'duty-on-time':
      return `${words.duty(subject.id).title}: met on time (${at(n.at!)})`;
    case 'decision-unanswered':
      return `Unanswered: ${words.decision(subject.id).prompt}`;
    case 'decision-timed-out':
      return `No answer in time to "${words.decision(subject.id).prompt}"; the default (${option().label}) was applied`;
    case 'decision-best':
      return `Good decision: ${option().label}`;
    case 'decision-poor': {
      const chosen = option();
      return `${chosen.quality === 'harmful' ? 'Harmful' : 'Poor'} decision: "${chosen.label}"${chosen.rationale ? `: ${chosen.rationale}` : ''}`;
    }
    case 'not-detected':
      return 'The compromise was never detected';
    case 'target-missed':
      if (n.minutes === null) return `${metric().title}: not reached (${metric().definition}; target ${minutesText(n.targetMinutes!)})`;
      return `${metric().title}: ${minutesText(n.minutes!)} against a target of ${minutesText(n.targetMinutes!)} (${metric().definition})`;
    case 'late-detection':
      return `Late detection: ${minutesText(n.minutes!)} against a target of ${minutesText(n.targetMinutes!)} (${metric().definition})`;
    case 'target-met':
      return `${metric().title}: ${minutesText(n.minutes!)}, within the target of ${minutesText(n.targetMinutes!)} (${metric().definition})`;
  }
}

/** A finding as the scorecard carries it: with its sentence. */
export function writtenFinding(f: ScoredFinding, words: Words): Finding {
  return { kind: f.kind, type: f.type, message: findingMessage(f, words), seq: f.seq, objective: f.objective, subject: f.subject };
}

/** The notes of one expected action's row: what its findings say, briefly. */
export function stepNotes(step: StepScore, words: Words): string[] {
  const notes: string[] = [];
  for (const f of step.findings) {
    const n = f.figures;
    if (f.kind === 'missed-step' && n.action) notes.push(`${words.actionTitle(n.action)} was started at ${at(n.at!)} but had not completed when the session ended`);
    if (f.kind === 'late-step') notes.push(`late by ${span(n.lateBy!)}`);
    if (f.kind === 'wrong-role') notes.push(`done by ${words.role(n.by!)}; the plan gives it to ${words.role(n.owner!)}`);
    if (f.kind === 'out-of-order') notes.push(`out of order: before ${before(f, words)}`);
  }
  if (step.result.evidenceDestroyed) notes.push('destroyed evidence');
  return notes;
}
