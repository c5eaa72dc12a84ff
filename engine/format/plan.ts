import { z } from 'zod';
import { durationSchema } from './duration.js';
import { idSchema, providerSchema, textSchema } from './common.js';

export const PLAN_FORMAT = 'firedrill-plan/1';

/** The two phase models a plan can score by. */
export const FRAMEWORKS = ['nist-800-61r2', 'csf-2.0'] as const;
export const frameworkSchema = z.enum(FRAMEWORKS);
export type Framework = z.infer<typeof frameworkSchema>;

const roleSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  responsibilities: z.array(textSchema).min(1),
});

const severityLevelSchema = z.strictObject({
  level: z.number().int().min(1),
  name: textSchema,
  criteria: textSchema,
  example: textSchema,
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
  title: textSchema,
  framework: frameworkSchema,
  description: textSchema.optional(),
});

const actionSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  roles: z.array(idSchema).min(1).describe('The roles that own this action'),
  phase: idSchema.describe('The NIST SP 800-61 r2 phase (a phase id of framework nist-800-61r2)'),
  function: idSchema.describe('The CSF 2.0 function (a phase id of framework csf-2.0)'),
  providers: z.array(providerSchema).default([]).describe('Clouds the action exists on; empty means any'),
  tool: textSchema.optional().describe('The service or tool used (GuardDuty, Sentinel, gcloud...)'),
  duration: durationSchema.describe('Simulated time the action takes before it completes'),
  prerequisites: z.array(idSchema).default([]).describe('Actions that must complete first'),
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
  title: textSchema,
  actions: z.array(idSchema).min(1).describe('Plan actions any one of which does this step'),
  owner: idSchema.describe('The role expected to do it'),
  due: dueSchema.optional(),
  after: z.array(idSchema).default([]).describe('Steps that must be done before this one'),
  weight: z.number().positive().max(10).default(1),
});

const playbookSchema = z.strictObject({
  threat: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  steps: z.array(playbookStepSchema).min(1),
});

const dutySchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  kind: z.enum(['regulator', 'law-enforcement', 'customers', 'internal', 'provider']),
  owner: idSchema,
  actions: z.array(idSchema).min(1).describe('Plan actions any one of which discharges the duty'),
  due: dueSchema,
  reference: textSchema.optional().describe('The law, contract or policy behind the duty'),
  description: textSchema.optional(),
});

export const planSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT),
  id: idSchema,
  title: textSchema,
  version: textSchema,
  organisation: textSchema.optional(),
  description: textSchema.optional(),
  scoreBy: frameworkSchema.describe('Which phase model the scorecard breaks scores down by'),
  roles: z.array(roleSchema).min(1),
  severityLevels: z.array(severityLevelSchema).min(1),
  severityDeclaredBy: z.array(idSchema).min(1).describe('Roles allowed to declare the severity'),
  phases: z.array(phaseSchema).min(1),
  actions: z.array(actionSchema).min(1),
  playbooks: z.array(playbookSchema).min(1),
  duties: z.array(dutySchema).default([]),
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
