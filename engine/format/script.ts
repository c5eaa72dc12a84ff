import { z } from 'zod';
import { durationSchema } from './duration.js';
import { idSchema, listOf, noteText } from './common.js';
import { COUNT_LIMITS } from './limits.js';

export const SCRIPT_FORMAT = 'firedrill-script/1';

/** The facilitator acts as this pseudo-role in scripts and journals. */
export const FACILITATOR = 'facilitator';

const stepSchema = z
  .strictObject({
    at: durationSchema.describe('Simulated time from T+0'),
    by: idSchema.describe('The role acting, or "facilitator"'),
    action: idSchema.optional(),
    declareSeverity: z.number().int().min(1).optional(),
    decision: idSchema.optional(),
    option: idSchema.optional(),
    releaseInject: idSchema.optional(),
    holdInject: idSchema.optional(),
    observation: z
      .strictObject({
        text: noteText,
        tag: z.enum(['strength', 'improvement']),
        objective: idSchema.optional(),
        inject: idSchema.optional(),
      })
      .optional(),
    end: z.literal(true).optional(),
  })
  .superRefine((step, ctx) => {
    const verbs = (['action', 'declareSeverity', 'decision', 'releaseInject', 'holdInject', 'observation', 'end'] as const)
      .filter((verb) => step[verb] !== undefined);
    if (verbs.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `a step does exactly one thing: action, declareSeverity, decision (with option), releaseInject, holdInject, observation or end${verbs.length ? ` (this one has ${verbs.join(', ')})` : ''}`,
      });
    }
    if ((step.decision === undefined) !== (step.option === undefined)) {
      ctx.addIssue({ code: 'custom', path: [step.decision === undefined ? 'decision' : 'option'], message: 'a decision step names both the decision and the option chosen' });
    }
  });

export const scriptSchema = z.strictObject({
  format: z.literal(SCRIPT_FORMAT),
  scenario: idSchema.describe('The id of the scenario this script plays'),
  name: idSchema.describe('exemplary, flawed, or any name'),
  description: noteText,
  steps: listOf(stepSchema, COUNT_LIMITS.scriptSteps).min(1),
});

export type ResponseScript = z.infer<typeof scriptSchema>;
export type ScriptStep = ResponseScript['steps'][number];
