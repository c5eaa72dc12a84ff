import { z } from 'zod';
import { idSchema, textSchema } from './common.js';
import { distributionSchema } from './distribution.js';
import { CHANNELS, channelSchema, type Channel } from './scenario.js';

export const MODEL_FORMAT = 'firedrill-model/1';

const probabilitySchema = z.number().min(0).max(1).describe('A chance from 0 (never) to 1 (always)');

/** How the team tends to behave on one kind of step: forget it, start it late, or leave it to the wrong role. */
const behaviourFields = {
  skip: probabilitySchema.optional().describe('The chance the team never does it'),
  late: z
    .strictObject({ probability: probabilitySchema, by: distributionSchema.describe('How much later than usual it is started') })
    .optional()
    .describe('The chance it is started late, and by how much'),
};

const actionBehaviourSchema = z.strictObject({
  duration: distributionSchema.optional().describe("How long the action takes this team (by default the plan's duration, spread by durationSpread)"),
  ...behaviourFields,
  wrongRole: z
    .strictObject({ probability: probabilitySchema, role: idSchema.optional().describe('Who does it instead (by default the plan\'s first role other than the owner)') })
    .optional()
    .describe('The chance a role other than the one in the exemplary response does it'),
});

const roleSchema = z.strictObject({
  people: z.number().int().min(1).max(100).optional().describe('How many people fill the role (by default as many as the exemplary response keeps busy at once)'),
  onCall: distributionSchema.optional().describe('How long after the role is first needed its people are there'),
});

const channelBehaviourSchema = z.strictObject({ notice: distributionSchema.describe('How long an inject on this channel waits before someone notices it') });

export const modelSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  id: idSchema,
  title: textSchema.optional(),
  description: textSchema.optional(),
  plan: idSchema.optional().describe('The plan whose roles and actions the model names (checked against the scenario simulated)'),
  durationSpread: z.number().min(1).max(100).default(2)
    .describe("For actions the model does not list: the p90 of their duration as a multiple of the plan's duration (lognormal with the plan's duration as median); 1 keeps the plan's durations"),
  roles: z.record(idSchema, roleSchema).default({}),
  actions: z.record(idSchema, actionBehaviourSchema).default({}),
  // A mapping with a field per channel (not a record keyed by channel): a misspelt channel is
  // then an unknown field, answered with the channel it was meant to be.
  channels: z.strictObject(Object.fromEntries(CHANNELS.map((c) => [c, channelBehaviourSchema.optional()])) as Record<Channel, z.ZodOptional<typeof channelBehaviourSchema>>)
    .default({})
    .describe('Per channel an inject comes by: how long it waits before someone notices it'),
  decisions: z.record(idSchema, z.strictObject(behaviourFields)).default({}).describe('Decision points of the scenario: skip leaves it unanswered'),
  severity: z.strictObject(behaviourFields).optional().describe('The severity declaration'),
  whatIf: z
    .strictObject({
      off: z
        .strictObject({
          channels: z.array(channelSchema).default([]).describe('Detection channels switched off: their injects are never noticed'),
          injects: z.array(idSchema).default([]).describe('Injects never noticed (an alert that does not exist)'),
          actions: z.array(idSchema).default([]).describe('Controls unavailable: these actions are never taken'),
        })
        .optional(),
      extraPeople: z.record(idSchema, z.number().int().min(-99).max(100)).default({}).describe('People added to (or taken from) a role: one more analyst'),
    })
    .optional()
    .describe('Switches for "what if" questions'),
});

export type ResponseModel = z.infer<typeof modelSchema>;
export type ResponseModelInput = z.input<typeof modelSchema>;
export type ActionBehaviour = ResponseModel['actions'][string];
export type StepBehaviour = ResponseModel['decisions'][string];
