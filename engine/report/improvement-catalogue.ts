import type { FindingKind } from '../scoring/scorecard.js';

// What an area for improvement says about its cause and its fix, by the kind of finding behind
// it: the HSEEP improvement plan's root cause, corrective action and capability element
// (planning, organisation, equipment, training, exercise: "POETE").

export type CapabilityElement = 'planning' | 'organisation' | 'equipment' | 'training' | 'exercise';

export const CAPABILITY_ELEMENTS: Record<CapabilityElement, string> = {
  planning: 'Planning',
  organisation: 'Organisation',
  equipment: 'Equipment',
  training: 'Training',
  exercise: 'Exercise',
};

/** What the finding is about: a playbook step, a duty, a decision, the severity, a measure; the words fill the catalogue's texts. */
export interface Subject {
  key: string;
  title: string;
  /** The role that owns it in the plan (the improvement's owner), when known. */
  owner: string | null;
  threat: string;
  target?: string;
}

interface Remedy {
  issue: (s: Subject) => string;
  rootCause: (s: Subject) => string;
  correctiveAction: (s: Subject) => string;
  element: CapabilityElement;
}

type ImprovementKind = Exclude<FindingKind, 'target-met' | 'step-on-time' | 'duty-on-time' | 'severity-right' | 'decision-best'> | 'contain-target-missed' | 'recover-target-missed' | 'observation';

export const REMEDIES: Record<ImprovementKind, Remedy> = {
  'late-detection': {
    issue: (s) => `Detection slower than the plan's target (${s.target})`,
    rootCause: () => 'Detection engineering and monitoring: the first signal of the compromise was not raised, routed or triaged within the target',
    correctiveAction: (s) => `Review the detection rules and alert routing for ${s.threat} (SIEM correlation, cloud-native findings), and set and test an on-call triage time within ${s.target}`,
    element: 'equipment',
  },
  'not-detected': {
    issue: () => 'The compromise was never detected',
    rootCause: () => 'Detection engineering and monitoring: no alert or hunt brought the compromise to the team',
    correctiveAction: (s) => `Add a detection use case for ${s.threat} to the SIEM and confirm its alerts reach the analyst on call`,
    element: 'equipment',
  },
  'evidence-destroyed': {
    issue: (s) => `Evidence destroyed before it was preserved (${s.title})`,
    rootCause: () => 'Training in evidence preservation: snapshotting and capturing memory before terminating or rebuilding is not yet a reflex',
    correctiveAction: (s) => `Train responders in evidence preservation (snapshot volumes, capture memory, keep logs) before "${s.title}"; add a preservation hold-point to the runbook`,
    element: 'training',
  },
  'missed-duty': {
    issue: (s) => `Communication duty missed: ${s.title}`,
    rootCause: () => 'Planning and communications procedures: the duty, its deadline and its owner are not on the incident checklist',
    correctiveAction: (s) => `Add "${s.title}" with its deadline and owner to the communications procedure and the incident checklist; keep an approved notification template ready`,
    element: 'planning',
  },
  'late-duty': {
    issue: (s) => `Communication duty late: ${s.title}`,
    rootCause: () => 'Communications procedures: the duty\'s deadline was not tracked from the moment of detection',
    correctiveAction: (s) => `Start the clock for "${s.title}" at detection on the incident log and pre-approve its template so it can be sent on time`,
    element: 'planning',
  },
  'missed-step': {
    issue: (s) => `Playbook step not performed: ${s.title}`,
    rootCause: () => 'Training: the step of the playbook was not known to, or not taken by, the role that owns it',
    correctiveAction: (s) => `Walk the owning role through the ${s.threat} playbook step "${s.title}" in a focused drill; keep the playbook at hand during incidents`,
    element: 'training',
  },
  'late-step': {
    issue: (s) => `Playbook step late: ${s.title}`,
    rootCause: () => 'Planning: the step\'s due time is not visible to the team during the response',
    correctiveAction: (s) => `Put the due time of "${s.title}" on the playbook checklist and track it on the incident clock`,
    element: 'planning',
  },
  'wrong-role': {
    issue: (s) => `Done by a role that does not own it: ${s.title}`,
    rootCause: () => 'Organisation: who owns the task is unclear to the team',
    correctiveAction: (s) => `Restate the owner of "${s.title}" in the plan's roles and responsibilities (RACI) and brief the roles when the incident opens`,
    element: 'organisation',
  },
  'out-of-order': {
    issue: (s) => `Done out of order: ${s.title}`,
    rootCause: () => 'Planning: the playbook does not make the order of dependent steps explicit',
    correctiveAction: (s) => `Mark in the runbook what must be complete before "${s.title}", with a check before it is started`,
    element: 'planning',
  },
  'severity-wrong': {
    issue: () => 'Severity misclassified',
    rootCause: () => 'Training: the severity matrix is not applied consistently to the facts at hand',
    correctiveAction: (s) => `Train the incident commander and analysts on the severity matrix with worked ${s.threat} examples`,
    element: 'training',
  },
  'severity-late': {
    issue: () => 'Severity declared after its deadline',
    rootCause: () => 'Planning: nothing prompts the team to classify the severity as soon as the incident is detected',
    correctiveAction: () => 'Make severity classification the first step after detection in the plan, with its deadline on the incident clock',
    element: 'planning',
  },
  'severity-missing': {
    issue: () => 'No severity declared',
    rootCause: () => 'Planning: severity classification is not a required step of the response',
    correctiveAction: () => 'Make severity classification a required, timed step after detection, owned by the incident commander',
    element: 'planning',
  },
  'decision-poor': {
    issue: (s) => `Poor decision: ${s.title}`,
    rootCause: () => 'Training: the decision\'s trade-offs were not weighed against the plan\'s guidance',
    correctiveAction: (s) => `Hold a discussion-based session with the decision makers on "${s.title}" and write the decision criteria into the plan`,
    element: 'training',
  },
  'decision-timed-out': {
    issue: (s) => `No decision in time: ${s.title}`,
    rootCause: () => 'Organisation: decision authority and the escalation path are unclear',
    correctiveAction: (s) => `Name the decision owner and a deputy for "${s.title}", with a time limit, in the plan`,
    element: 'organisation',
  },
  'decision-unanswered': {
    issue: (s) => `Decision never taken: ${s.title}`,
    rootCause: () => 'Organisation: decision authority and the escalation path are unclear',
    correctiveAction: (s) => `Name the decision owner and a deputy for "${s.title}", with a time limit, in the plan`,
    element: 'organisation',
  },
  'target-missed': {
    issue: (s) => `${s.title} over the plan's target (${s.target})`,
    rootCause: () => 'Planning: the response was slower than the plan\'s target',
    correctiveAction: (s) => `Review the ${s.threat} playbook for the steps that set "${s.title}" and remove what delays them`,
    element: 'planning',
  },
  'contain-target-missed': {
    issue: (s) => `Containment slower than the plan's target (${s.target})`,
    rootCause: () => 'Planning: containment actions are not pre-approved, so responders wait for sign-off',
    correctiveAction: (s) => `Pre-approve the containment actions of the ${s.threat} playbook so responders can take them at once`,
    element: 'planning',
  },
  'recover-target-missed': {
    issue: (s) => `Recovery slower than the plan's target (${s.target}), or not reached`,
    rootCause: () => 'Equipment: clean recovery points and restore procedures are not ready or not tested',
    correctiveAction: () => 'Test restores from clean backups and golden images on a schedule, and time them against the target',
    element: 'equipment',
  },
  observation: {
    issue: (s) => `Facilitator observation: ${s.title}`,
    rootCause: () => 'To be confirmed at the after-action meeting (recorded by the facilitator during the exercise)',
    correctiveAction: () => 'Discuss at the after-action meeting, confirm the root cause and agree a corrective action and owner',
    element: 'planning',
  },
};

export type RemedyKind = keyof typeof REMEDIES;

/** Which findings come first in a summary: the ones that cost the most in a real incident. */
export const PRIORITY: readonly RemedyKind[] = [
  'evidence-destroyed', 'not-detected', 'late-detection', 'missed-duty', 'severity-wrong', 'decision-poor', 'missed-step', 'contain-target-missed',
  'recover-target-missed', 'severity-missing', 'decision-unanswered', 'decision-timed-out', 'late-duty', 'severity-late', 'wrong-role', 'out-of-order',
  'late-step', 'target-missed', 'observation',
];
