import { z } from 'zod';
import { durationSchema, offsetSchema } from './duration.js';
import { attackTechniqueSchema, bodyText, idList, idSchema, lineText, listOf, noteText, promptText, providerSchema, scalarSchema, stateChangesSchema, titleText } from './common.js';
import { COUNT_LIMITS } from './limits.js';
import { conditionSchema } from './condition.js';
import { artifactSchema } from './artifact.js';

export const SCENARIO_FORMAT = 'firedrill-scenario/1';

export const CHANNELS = ['siem-alert', 'cloud-finding', 'email', 'chat', 'phone-call', 'news', 'regulator-letter', 'ticket'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/** When something scheduled happens: at a simulated offset from T+0, or when a condition holds (plus an optional delay). */
const timingFields = {
  at: durationSchema.optional().describe('Simulated time from T+0 (the start of the exercise)'),
  when: conditionSchema.optional().describe('Fires once this condition holds'),
  delay: durationSchema.optional().describe('Wait this long after the condition holds'),
};
const timingRule = <T extends { at?: number; when?: unknown; delay?: number }>(value: T, ctx: z.RefinementCtx) => {
  if ((value.at === undefined) === (value.when === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['at'], message: 'give exactly one of "at" (a time) or "when" (a trigger)' });
  }
  if (value.delay !== undefined && value.when === undefined) {
    ctx.addIssue({ code: 'custom', path: ['delay'], message: '"delay" only applies with "when"' });
  }
};

const injectSchema = z
  .strictObject({
    id: idSchema,
    title: titleText,
    ...timingFields,
    unless: conditionSchema.optional().describe('A contingency: when the inject falls due it is skipped if this holds ("at 2h unless the bucket is closed")'),
    to: idList().min(1).describe('Roles that receive the inject'),
    channel: channelSchema,
    from: lineText.optional().describe('Who or what sends it (a service, a person)'),
    body: bodyText,
    artifacts: listOf(artifactSchema, COUNT_LIMITS.artifacts).default([]),
    expects: idList().default([]).describe('Plan actions the team is expected to take in response'),
    facilitatorNotes: noteText.optional(),
    attack: attackTechniqueSchema.optional(),
    set: stateChangesSchema.optional().describe('Scenario state changes when the inject fires'),
  })
  .superRefine(timingRule);

const decisionOptionSchema = z.strictObject({
  id: idSchema,
  label: lineText,
  quality: z.enum(['best', 'acceptable', 'poor', 'harmful']).describe('How the plan judges this choice'),
  rationale: noteText.optional(),
  set: stateChangesSchema.optional(),
  fires: idList().default([]).describe('Injects this choice releases'),
});

const decisionSchema = z
  .strictObject({
    id: idSchema,
    prompt: promptText,
    role: idSchema.describe('The role that answers'),
    ...timingFields,
    timeLimit: durationSchema.optional(),
    default: idSchema.optional().describe('The option taken when the time limit runs out'),
    options: listOf(decisionOptionSchema, COUNT_LIMITS.options).min(2),
    facilitatorNotes: noteText.optional(),
  })
  .superRefine(timingRule)
  .superRefine((decision, ctx) => {
    if (decision.timeLimit !== undefined && decision.default === undefined) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'a decision with a timeLimit needs a default option' });
    }
  });

const actionEffectSchema = z.strictObject({
  action: idSchema,
  set: stateChangesSchema.optional(),
  fires: idList().default([]),
  note: noteText.optional().describe('What the action reveals or changes in this scenario'),
});

const milestoneRuleSchema = z.strictObject({
  when: conditionSchema,
  description: noteText.optional(),
});

const objectiveSchema = z.strictObject({
  id: idSchema,
  title: titleText,
  capability: titleText.describe('The core capability exercised (HSEEP)'),
  steps: idList().default([]).describe('Playbook steps that measure it'),
  duties: idList().default([]),
  decisions: idList().default([]),
  severity: z.boolean().default(false).describe('Whether the severity classification measures it'),
});

export const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  id: idSchema,
  title: titleText,
  summary: bodyText,
  plan: idSchema.describe('The id of the plan this scenario is scored against'),
  threat: idSchema.describe('The threat type: the plan must have a playbook for it'),
  expectedSeverity: z.number().int().min(1),
  providers: listOf(providerSchema, COUNT_LIMITS.references).min(1),
  attack: listOf(attackTechniqueSchema, COUNT_LIMITS.references).min(1),
  estimatedDuration: durationSchema,
  difficulty: z.enum(['introductory', 'intermediate', 'advanced']),
  startsAt: z.iso.datetime({ offset: true }).describe('The scenario date and time at T+0'),
  groundTruth: z.strictObject({
    compromiseAt: offsetSchema.describe('T0: when the compromise really began, from T+0 (usually negative)'),
    narrative: bodyText,
  }),
  duties: idList().default([]).describe('Plan communication duties that apply'),
  notApplicable: listOf(idSchema, COUNT_LIMITS.playbookSteps).default([]).describe('Playbook steps that do not apply here'),
  objectives: listOf(objectiveSchema, COUNT_LIMITS.objectives).min(1),
  state: z
    .record(idSchema, scalarSchema)
    .refine((state) => Object.keys(state).length <= COUNT_LIMITS.stateVariables, `has more than ${COUNT_LIMITS.stateVariables} state variables`)
    .default({}),
  injects: listOf(injectSchema, COUNT_LIMITS.injects).min(1),
  decisions: listOf(decisionSchema, COUNT_LIMITS.decisions).default([]),
  actionEffects: listOf(actionEffectSchema, COUNT_LIMITS.actionEffects).default([]),
  milestones: z.strictObject({
    detected: milestoneRuleSchema,
    contained: milestoneRuleSchema,
    eradicated: milestoneRuleSchema,
    recovered: milestoneRuleSchema,
  }),
  end: z.strictObject({
    when: conditionSchema.optional().describe('The exercise is complete once this holds'),
    timeLimit: durationSchema.describe('The exercise stops at this simulated time whatever happened'),
  }),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Inject = Scenario['injects'][number];
export type Decision = Scenario['decisions'][number];
export type DecisionOption = Decision['options'][number];
export type ActionEffect = Scenario['actionEffects'][number];
export type Objective = Scenario['objectives'][number];
