import { z } from 'zod';
import { durationSchema } from './duration.js';
import { bodyText, idList, idSchema, lineText, listOf, noteText, providerSchema, titleText } from './common.js';
import { COUNT_LIMITS } from './limits.js';

export const PLAN_FORMAT = 'firedrill-plan/1';

/** The two phase models a plan can score by. */
export const FRAMEWORKS = ['nist-800-61r2', 'csf-2.0'] as const;
export const frameworkSchema = z.enum(FRAMEWORKS);
export type Framework = z.infer<typeof frameworkSchema>;

const roleSchema = z.strictObject({
  id: idSchema,
  title: titleText,
  responsibilities: listOf(noteText, COUNT_LIMITS.references).min(1),
});

const severityLevelSchema = z.strictObject({
  level: z.number().int().min(1),
  name: titleText,
  criteria: noteText,
  example: noteText,
  responseDeadline: durationSchema.describe('Time from detection within which the response must start at this level'),
  targets: z
    .strictObject({
      detect: durationSchema.describe('Target time to detect: detected - T0'),
      contain: durationSchema.describe('Target time to contain: contained - detected'),
      recover: durationSchema.describe('Target time to recover: recovered - detected'),
    })
    .describe('The plan targets the metrics are measured against at this level'),
});

const phaseSchema = z.strictObject({
  id: idSchema,
  title: titleText,
  framework: frameworkSchema,
  description: bodyText.optional(),
});

const actionSchema = z.strictObject({
  id: idSchema,
  title: titleText,
  description: bodyText.optional(),
  roles: idList().min(1).describe('The roles that own this action'),
  phase: idSchema.describe('The NIST SP 800-61 r2 phase (a phase id of framework nist-800-61r2)'),
  function: idSchema.describe('The CSF 2.0 function (a phase id of framework csf-2.0)'),
  providers: listOf(providerSchema, COUNT_LIMITS.references).default([]).describe('Clouds the action exists on; empty means any'),
  tool: lineText.optional().describe('The service or tool used (GuardDuty, Sentinel, gcloud...)'),
  duration: durationSchema.describe('Simulated time the action takes before it completes'),
  prerequisites: idList().default([]).describe('Actions that must complete first'),
  destroysEvidence: z.boolean().default(false).describe('Taken without its prerequisites, this action destroys evidence'),
});

/** A deadline measured from a point of the incident. */
export const dueSchema = z.strictObject({
  from: z.enum(['detection', 'severity-deadline', 'containment']),
  within: durationSchema,
});
export type Due = z.infer<typeof dueSchema>;

const playbookStepSchema = z.strictObject({
  id: idSchema,
  title: titleText,
  actions: idList().min(1).describe('Plan actions any one of which does this step'),
  owner: idSchema.describe('The role expected to do it'),
  due: dueSchema.optional(),
  after: idList().default([]).describe('Steps that must be done before this one'),
  weight: z.number().positive().max(10).default(1),
});

const playbookSchema = z.strictObject({
  threat: idSchema,
  title: titleText,
  description: bodyText.optional(),
  steps: listOf(playbookStepSchema, COUNT_LIMITS.playbookSteps).min(1),
});

const dutySchema = z.strictObject({
  id: idSchema,
  title: titleText,
  kind: z.enum(['regulator', 'law-enforcement', 'customers', 'internal', 'provider']),
  owner: idSchema,
  actions: idList().min(1).describe('Plan actions any one of which discharges the duty'),
  due: dueSchema,
  reference: lineText.optional().describe('The law, contract or policy behind the duty'),
  description: bodyText.optional(),
});

export const planSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT),
  id: idSchema,
  title: titleText,
  version: titleText,
  organisation: titleText.optional(),
  description: bodyText.optional(),
  scoreBy: frameworkSchema.describe('Which phase model the scorecard breaks scores down by'),
  roles: listOf(roleSchema, COUNT_LIMITS.roles).min(1),
  severityLevels: listOf(severityLevelSchema, COUNT_LIMITS.severityLevels).min(1),
  severityDeclaredBy: idList().min(1).describe('Roles allowed to declare the severity'),
  phases: listOf(phaseSchema, COUNT_LIMITS.phases).min(1),
  actions: listOf(actionSchema, COUNT_LIMITS.actions).min(1),
  playbooks: listOf(playbookSchema, COUNT_LIMITS.playbooks).min(1),
  duties: listOf(dutySchema, COUNT_LIMITS.duties).default([]),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Role = Plan['roles'][number];
export type SeverityLevel = Plan['severityLevels'][number];
export type Phase = Plan['phases'][number];
export type PlanAction = Plan['actions'][number];
export type Playbook = Plan['playbooks'][number];
export type PlaybookStep = Playbook['steps'][number];
export type Duty = Plan['duties'][number];
