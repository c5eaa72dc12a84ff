import { hseepRating } from '../scoring/rules.js';
import { metricsAcrossDrills, type MetricsAcrossDrills } from '../scoring/metrics.js';
import { HSEEP_LABELS, type Finding, type HseepRating, type Scorecard } from '../scoring/scorecard.js';
import { idWords, isoDay, meanScore, minutesText, providersText, tPlus } from './figures.js';
import type { ImprovementEdit } from './improvement-plan.js';
import { CAPABILITY_ELEMENTS, PRIORITY, REMEDIES, type CapabilityElement, type RemedyKind, type Subject } from './improvement-catalogue.js';

// The after-action report / improvement plan (AAR/IP) of one or more sessions, in the HSEEP
// structure, built from their scorecards alone: a pure function, so the desktop app, the
// browser and the CLI make the same report from the same sessions.

/** Days from the exercise to the start and the completion of a corrective action, by capability element. */
export const IMPROVEMENT_START_DAYS = 30;
export const IMPROVEMENT_COMPLETION_DAYS: Record<CapabilityElement, number> = { planning: 90, organisation: 90, training: 90, equipment: 120, exercise: 180 };

/** HSEEP's cover fields, as the facilitator gives them (in the app or on the command line). */
export interface AarCover {
  /** The exercise's name; by default from the scenario. */
  name?: string;
  /** The exercise dates as written ("14-15 March 2026"); by default the sessions' days. */
  dates?: string;
  location?: string;
  sponsor?: string;
  /** The organisation the report is for. */
  organisation?: string;
  participatingOrganisations?: string[];
  /** Who to contact about the exercise (name, role, e-mail). */
  pointOfContact?: string;
}

export interface AarOptions extends AarCover {
  /** The improvement plan as the facilitator edited it; replaces the generated one. */
  improvementPlan?: readonly ImprovementEdit[];
}

export interface AarSession {
  sessionId: string;
  /** The name the facilitator gave the session, if any. */
  sessionName?: string;
  date: string;
  scenarioId: string;
  scenarioTitle: string;
  mode: string;
  overallScore: number;
  timeToDetectMinutes: number | null;
  timeToContainMinutes: number | null;
  timeToRecoverMinutes: number | null;
  provenance: string;
}

export interface AreaForImprovement {
  kind: RemedyKind;
  issue: string;
  /** What was seen, as the scorecard (or the facilitator) recorded it. */
  observation: string;
  rootCause: string;
  correctiveAction: string;
  capabilityElement: CapabilityElement;
  ownerRole: string;
  ownerTitle: string;
  /** Where it was seen: session and journal entries. */
  references: string[];
  sessions: string[];
}

export interface ObjectiveAnalysis {
  /** Scenario id and objective id, or "overall" for findings that belong to no single objective. */
  key: string;
  id: string;
  title: string;
  capability: string;
  scenarioTitle: string | null;
  rating: HseepRating | null;
  ratingLabel: string | null;
  percent: number | null;
  ratingsBySession: { sessionId: string; rating: HseepRating; percent: number | null }[];
  strengths: string[];
  areasForImprovement: AreaForImprovement[];
  notes: string[];
}

export interface ImprovementItem {
  number: number;
  objectiveId: string;
  objectiveTitle: string;
  capability: string;
  issue: string;
  correctiveAction: string;
  capabilityElement: CapabilityElement;
  capabilityElementTitle: string;
  ownerRole: string;
  ownerTitle: string;
  startDate: string;
  completionDate: string;
}

export interface ParticipantsByRole {
  roleId: string;
  role: string;
  participants: string[];
  sessions: string[];
}

export interface AfterActionReport {
  overview: {
    name: string;
    organisation: string | null;
    /** The dates as given, or the sessions' first to last day. */
    dates: string;
    location: string | null;
    sponsor: string | null;
    participatingOrganisations: string[];
    firstDate: string;
    lastDate: string;
    scope: string;
    missionArea: string;
    capabilities: string[];
    objectives: { id: string; title: string; capability: string; scenarioTitle: string }[];
    threats: string[];
    scenarios: { id: string; title: string }[];
    plans: { id: string; title: string }[];
    providers: string;
    participants: ParticipantsByRole[];
    pointOfContact: string | null;
    sessions: AarSession[];
  };
  executiveSummary: string[];
  metrics: MetricsAcrossDrills;
  /** The targets of the three times, from the first session (the plan's severity matrix). */
  targets: { detect: number; contain: number; recover: number };
  analysis: ObjectiveAnalysis[];
  improvementPlan: ImprovementItem[];
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const unique = <T>(values: T[]) => [...new Set(values)];
const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const OVERALL = 'overall';

/** What a finding is about, for its remedy's words and owner; null for strengths. */
function subjectOf(card: Scorecard, finding: Finding, lead: string): { kind: RemedyKind; subject: Subject } | null {
  const threat = idWords(card.threat);
  const { id } = finding.subject;
  const make = (kind: RemedyKind, key: string, title: string, owner: string | null, target?: string) => ({ kind, subject: { key, title, owner: owner ?? lead, threat, ...(target ? { target } : {}) } });
  const step = () => card.expectedActions.find((e) => e.step === id);
  const duty = () => card.duties.find((d) => d.duty === id);
  const decision = () => card.decisions.find((d) => d.decision === id);
  const metric = () => card.metrics.find((m) => m.milestone === id);

  switch (finding.kind) {
    case 'missed-step':
    case 'late-step':
    case 'out-of-order': {
      const s = step();
      return make(finding.kind, `step:${id}`, s?.title ?? id, s?.owner ?? null);
    }
    case 'wrong-role': {
      if (finding.subject.kind === 'step') return make('wrong-role', `step:${id}`, step()?.title ?? id, step()?.owner ?? null);
      if (finding.subject.kind === 'duty') return make('wrong-role', `duty:${id}`, duty()?.title ?? id, duty()?.owner ?? null);
      return make('wrong-role', 'severity', 'Severity classification', card.severity.declaredBy);
    }
    case 'missed-duty':
    case 'late-duty': {
      const d = duty();
      return make(finding.kind, `duty:${id}`, d?.title ?? id, d?.owner ?? null);
    }
    case 'evidence-destroyed': {
      const h = card.harmfulActions.find((a) => a.action === id && finding.seq.includes(a.seq));
      return make('evidence-destroyed', `harm:${id}`, h?.title ?? id, h?.by ?? null);
    }
    case 'late-detection':
    case 'not-detected': {
      // The step whose action detected it (the journal entry behind the finding) owns detection; else the playbook's first.
      const detectedBy = card.expectedActions.find((e) => e.seq !== null && finding.seq.includes(e.seq))?.owner ?? card.expectedActions[0]?.owner ?? null;
      return make(finding.kind, 'detect', 'Time to detect', detectedBy, minutesText(metric()?.targetMinutes ?? null));
    }
    case 'target-missed': {
      const m = metric();
      return make(id === 'contained' ? 'contain-target-missed' : 'recover-target-missed', id, m?.title ?? id, null, minutesText(m?.targetMinutes ?? null));
    }
    case 'severity-wrong':
    case 'severity-late':
    case 'severity-missing':
      return make(finding.kind, 'severity', 'Severity classification', card.severity.declaredBy);
    case 'decision-poor':
    case 'decision-timed-out':
    case 'decision-unanswered': {
      const d = decision();
      const title = finding.kind === 'decision-poor' ? d?.optionLabel ?? id : shorten(d?.prompt ?? id);
      return make(finding.kind, `decision:${id}`, title, d?.role ?? null);
    }
    default:
      return null;
  }
}

/** The after-action report of the sessions given (oldest first is the natural order; any order gives the same report). */
export function afterActionReport(cards: readonly Scorecard[], options: AarOptions = {}): AfterActionReport {
  if (cards.length === 0) throw new Error('an after-action report needs at least one session');
  const sessions = [...cards].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.sessionId.localeCompare(b.sessionId));
  const many = sessions.length > 1;
  const label = (card: Scorecard) => (many ? `[${card.sessionId}] ` : '');
  const roleTitle = new Map(sessions.flatMap((c) => c.byRole.map((r) => [r.id, r.title] as const)));
  const titleOf = (role: string) => roleTitle.get(role) ?? idWords(role);
  // The plan's first role leads the response (the incident commander in the bundled plan): it owns what has no other owner.
  const lead = sessions[0]!.byRole[0]?.id ?? 'facilitator';
  const lastDate = isoDay(sessions.at(-1)!.startedAt);

  // One analysis per objective of each scenario, and one for what belongs to no single objective.
  const analyses = new Map<string, ObjectiveAnalysis>();
  for (const card of sessions) {
    for (const o of card.objectives) {
      const key = `${card.scenarioId}/${o.id}`;
      const analysis = analyses.get(key) ?? {
        key, id: o.id, title: o.title, capability: o.capability, scenarioTitle: card.scenarioTitle,
        rating: null, ratingLabel: null, percent: null, ratingsBySession: [], strengths: [], areasForImprovement: [], notes: [],
      };
      analysis.ratingsBySession.push({ sessionId: card.sessionId, rating: o.rating, percent: o.percent });
      analyses.set(key, analysis);
    }
  }
  const overall: ObjectiveAnalysis = {
    key: OVERALL, id: 'Overall', title: 'Detection, response times and evidence handling', capability: 'Cross-cutting (no single objective)',
    scenarioTitle: null, rating: null, ratingLabel: null, percent: null, ratingsBySession: [], strengths: [], areasForImprovement: [], notes: [],
  };
  const analysisOf = (card: Scorecard, objective: string | null) => (objective && analyses.get(`${card.scenarioId}/${objective}`)) || overall;

  const addArea = (analysis: ObjectiveAnalysis, card: Scorecard, kind: RemedyKind, subject: Subject, observation: string, seq: number[]) => {
    const remedy = REMEDIES[kind];
    const reference = `session ${card.sessionId}${seq.length ? `, journal ${seq.map((s) => `#${s}`).join(', ')}` : ''}`;
    const existing = analysis.areasForImprovement.find((a) => a.kind === kind && a.issue === remedy.issue(subject));
    if (existing) {
      existing.references.push(reference);
      existing.sessions = unique([...existing.sessions, card.sessionId]);
      if (!existing.observation.includes(observation)) existing.observation += `\n${label(card)}${observation}`;
      return;
    }
    const owner = subject.owner ?? lead;
    analysis.areasForImprovement.push({
      kind, issue: remedy.issue(subject), observation: `${label(card)}${observation}`, rootCause: remedy.rootCause(subject),
      correctiveAction: remedy.correctiveAction(subject), capabilityElement: remedy.element, ownerRole: owner, ownerTitle: titleOf(owner),
      references: [reference], sessions: [card.sessionId],
    });
  };

  for (const card of sessions) {
    for (const finding of card.findings) {
      const analysis = analysisOf(card, finding.objective);
      if (finding.type === 'strength') {
        analysis.strengths.push(`${label(card)}${finding.message}`);
        continue;
      }
      const about = subjectOf(card, finding, lead);
      if (about) addArea(analysis, card, about.kind, about.subject, finding.message, finding.seq);
    }
    // The facilitator's observations: strengths, areas for improvement, and notes.
    for (const o of card.observations) {
      const analysis = analysisOf(card, o.objective);
      const text = `${label(card)}${o.text} (facilitator, ${tPlus(o.atMinutes)})`;
      if (o.tag === 'strength') analysis.strengths.push(text);
      else if (o.tag === 'note') analysis.notes.push(text);
      else addArea(analysis, card, 'observation', { key: `observation:${card.sessionId}:${o.seq}`, title: shorten(o.text, 70), owner: lead, threat: idWords(card.threat) }, o.text, [o.seq]);
    }
  }

  for (const analysis of analyses.values()) {
    const percents = analysis.ratingsBySession.map((r) => r.percent).filter((p): p is number => p !== null);
    analysis.percent = meanScore(percents);
    analysis.rating = hseepRating(analysis.percent === null ? null : analysis.percent / 100);
    analysis.ratingLabel = HSEEP_LABELS[analysis.rating];
  }
  const rank = (kind: RemedyKind) => PRIORITY.indexOf(kind);
  const analysis = [...analyses.values(), ...(overall.strengths.length + overall.areasForImprovement.length + overall.notes.length > 0 ? [overall] : [])];
  for (const a of analysis) a.areasForImprovement.sort((x, y) => rank(x.kind) - rank(y.kind));

  // The improvement plan: one corrective action per area for improvement, then a re-exercise of each objective rated M or U.
  const items: Omit<ImprovementItem, 'number'>[] = [];
  for (const a of analysis) {
    for (const area of a.areasForImprovement) {
      items.push({
        objectiveId: a.id, objectiveTitle: a.title, capability: a.capability, issue: area.issue, correctiveAction: area.correctiveAction,
        capabilityElement: area.capabilityElement, capabilityElementTitle: CAPABILITY_ELEMENTS[area.capabilityElement], ownerRole: area.ownerRole, ownerTitle: area.ownerTitle,
        startDate: addDays(lastDate, IMPROVEMENT_START_DAYS), completionDate: addDays(lastDate, IMPROVEMENT_COMPLETION_DAYS[area.capabilityElement]),
      });
    }
    if (a.rating === 'M' || a.rating === 'U') {
      items.push({
        objectiveId: a.id, objectiveTitle: a.title, capability: a.capability, issue: `Objective rated ${a.rating} (${a.ratingLabel?.toLowerCase()})`,
        correctiveAction: 'Re-exercise this objective with the same scenario once its corrective actions are complete, and compare the ratings',
        capabilityElement: 'exercise', capabilityElementTitle: CAPABILITY_ELEMENTS.exercise, ownerRole: lead, ownerTitle: titleOf(lead),
        startDate: addDays(lastDate, IMPROVEMENT_COMPLETION_DAYS.planning), completionDate: addDays(lastDate, IMPROVEMENT_COMPLETION_DAYS.exercise),
      });
    }
  }
  const improvementPlan: ImprovementItem[] = options.improvementPlan
    ? options.improvementPlan.map((edit, index) => ({ number: index + 1, ...edit, capabilityElementTitle: CAPABILITY_ELEMENTS[edit.capabilityElement], ownerTitle: titleOf(edit.ownerRole) }))
    : items.map((item, index) => ({ number: index + 1, ...item }));

  const participants = participantsByRole(sessions, titleOf);
  const metrics = metricsAcrossDrills(sessions);
  const first = sessions[0]!;
  const target = (milestone: string) => first.metrics.find((m) => m.milestone === milestone)?.targetMinutes ?? 0;
  const scenarios = unique(sessions.map((c) => c.scenarioId)).map((id) => ({ id, title: sessions.filter((c) => c.scenarioId === id).at(-1)!.scenarioTitle }));
  const plans = unique(sessions.map((c) => c.planId)).map((id) => ({ id, title: sessions.filter((c) => c.planId === id).at(-1)!.planTitle }));
  const threats = unique(sessions.map((c) => idWords(c.threat)));
  const phases = unique(sessions.flatMap((c) => c.byPhase.phases.filter((p) => p.possible > 0).map((p) => p.title)));
  const objectives = [...analyses.values()].map((a) => ({ id: a.id, title: a.title, capability: a.capability, scenarioTitle: a.scenarioTitle! }));

  const report: AfterActionReport = {
    overview: {
      name: options.name ?? (scenarios.length === 1 ? `${scenarios[0]!.title}: tabletop exercise` : 'Cloud incident response tabletop exercises'),
      organisation: options.organisation ?? null,
      dates: options.dates ?? (isoDay(sessions[0]!.startedAt) === lastDate ? lastDate : `${isoDay(sessions[0]!.startedAt)} to ${lastDate}`),
      location: options.location ?? null,
      sponsor: options.sponsor ?? null,
      participatingOrganisations: options.participatingOrganisations ?? [],
      firstDate: isoDay(sessions[0]!.startedAt),
      lastDate,
      scope: `Discussion-based tabletop exercise of the ${plans.map((p) => p.title).join(' and ')} against ${threats.join(', ')} in ${providersText(unique(sessions.flatMap((c) => c.providers)))}: `
        + `${sessions.length} ${many ? 'sessions' : 'session'} (${unique(sessions.map((c) => c.mode)).join(', ')}), covering ${phases.join(', ')}. Played on the simulated clock; no production system was touched.`,
      missionArea: 'Response',
      capabilities: unique(objectives.map((o) => o.capability)),
      objectives,
      threats,
      scenarios,
      plans,
      providers: providersText(unique(sessions.flatMap((c) => c.providers))),
      participants,
      pointOfContact: options.pointOfContact ?? null,
      sessions: sessions.map((c) => ({
        sessionId: c.sessionId, ...(c.sessionName !== undefined ? { sessionName: c.sessionName } : {}), date: isoDay(c.startedAt), scenarioId: c.scenarioId, scenarioTitle: c.scenarioTitle, mode: c.mode, overallScore: c.overallScore,
        timeToDetectMinutes: c.timeToDetectMinutes, timeToContainMinutes: c.timeToContainMinutes, timeToRecoverMinutes: c.timeToRecoverMinutes,
        provenance: `scenario ${c.scenarioHash.slice(0, 19)} · plan ${c.planHash.slice(0, 19)} · engine format ${c.engineFormat}`,
      })),
    },
    executiveSummary: [],
    metrics,
    targets: { detect: target('detected'), contain: target('contained'), recover: target('recovered') },
    analysis,
    improvementPlan,
  };
  report.executiveSummary = executiveSummary(report, sessions);
  return report;
}

function participantsByRole(sessions: readonly Scorecard[], titleOf: (role: string) => string): ParticipantsByRole[] {
  const roles = unique(sessions.flatMap((c) => c.byRole.map((r) => r.id)));
  return roles.map((roleId) => {
    const named = sessions.filter((c) => c.participants[roleId]);
    const solo = sessions.filter((c) => c.mode === 'solo' && !c.participants[roleId]);
    return {
      roleId,
      role: titleOf(roleId),
      participants: unique([...named.map((c) => c.participants[roleId]!), ...(solo.length ? ['the solo player (every role)'] : [])]),
      sessions: unique(sessions.filter((c) => c.byRole.some((r) => r.id === roleId)).map((c) => c.sessionId)),
    };
  });
}

function executiveSummary(report: AfterActionReport, sessions: readonly Scorecard[]): string[] {
  const { overview, metrics, analysis, improvementPlan } = report;
  const many = sessions.length > 1;
  const scores = sessions.map((c) => c.overallScore);
  const dates = overview.firstDate === overview.lastDate ? `on ${overview.firstDate}` : `from ${overview.firstDate} to ${overview.lastDate}`;
  const time = (title: string, spread: { mean: number | null; count: number }, target: number, definition: string) =>
    spread.mean === null
      ? `${title}: never reached${many ? ' in any session' : ''} (${definition})`
      : `${title} was ${minutesText(spread.mean)}${many ? ` on average over ${spread.count} of ${sessions.length} sessions` : ''} against a target of ${minutesText(target)} (${definition})`;
  const rated = analysis.filter((a) => a.rating !== null);
  const counts = (['P', 'S', 'M', 'U'] as const).map((r) => [r, rated.filter((a) => a.rating === r).length] as const).filter(([, n]) => n > 0);
  const areas = analysis.flatMap((a) => a.areasForImprovement).sort((x, y) => PRIORITY.indexOf(x.kind) - PRIORITY.indexOf(y.kind));
  const strengths = analysis.flatMap((a) => a.strengths);

  return [
    `"${overview.name}" tested the ${overview.plans.map((p) => p.title).join(' and ')} against the ${overview.scenarios.length === 1 ? 'scenario' : 'scenarios'} ${overview.scenarios.map((s) => `"${s.title}"`).join(', ')} `
      + `(${overview.threats.join(', ')}; ${overview.providers}) in ${sessions.length} ${many ? 'sessions' : 'session'} ${dates}. `
      + (many ? `The mean overall score was ${meanScore(scores)} / 100 (from ${Math.min(...scores)} to ${Math.max(...scores)}).` : `The overall score was ${meanScore(scores)} / 100.`),
    `${time('Time to detect', metrics.timeToDetect, report.targets.detect, metrics.timeToDetect.definition)}; `
      + `${time('time to contain', metrics.timeToContain, report.targets.contain, metrics.timeToContain.definition)}; `
      + `${time('time to recover', metrics.timeToRecover, report.targets.recover, metrics.timeToRecover.definition)}.`,
    `Of ${rated.length} objectives, ${counts.map(([r, n]) => `${n} ${n === 1 ? 'was' : 'were'} rated ${r} (${HSEEP_LABELS[r].toLowerCase()})`).join(', ')}.`,
    strengths.length ? `Strengths included: ${strengths.slice(0, 3).map((s) => s.replace(/\.$/, '')).join('; ')}.` : 'No strengths were recorded.',
    areas.length
      ? `The main areas for improvement are: ${unique(areas.map((a) => a.issue)).slice(0, 4).join('; ')}. The improvement plan lists ${improvementPlan.length} corrective actions with their owners and dates.`
      : 'No areas for improvement were recorded.',
  ];
}
