import { z } from 'zod';
import { COUNT_LIMITS, TEXT_LIMITS } from './limits.js';

/** Ids are lower-case words joined by hyphens or dots, or upper-case MSEL-style ids (INJ-01). */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, ".", "_" and "-" (like revoke-iam-access-key or INJ-01)')
  .max(80);

/** Text of at most `max` characters, not blank. */
const boundedText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const titleText = boundedText(TEXT_LIMITS.title);
export const lineText = boundedText(TEXT_LIMITS.line);
export const promptText = boundedText(TEXT_LIMITS.prompt);
export const noteText = boundedText(TEXT_LIMITS.note);
export const bodyText = boundedText(TEXT_LIMITS.body);
/** Any text field without a kind of its own: as long as a body at most. */
export const textSchema = bodyText;

/** A list of at most `max` items. */
export const listOf = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);
/** Ids listed in one field: roles, actions, injects. */
export const idList = () => listOf(idSchema, COUNT_LIMITS.references);

export const providerSchema = z.enum(['aws', 'azure', 'gcp']);
export type Provider = z.infer<typeof providerSchema>;

/** A scenario state value: scenarios keep flags, counters and names. */
export const scalarSchema = z.union([z.string().max(TEXT_LIMITS.line), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalarSchema>;

/** State changes: variable name to its new value. */
export const stateChangesSchema = z.record(idSchema, scalarSchema);

export const attackTechniqueSchema = z
  .string()
  .regex(/^T\d{4}(\.\d{3})?$/, 'a MITRE ATT&CK technique id looks like T1078 or T1078.004');

export const MILESTONES = ['detected', 'contained', 'eradicated', 'recovered'] as const;
export const milestoneSchema = z.enum(MILESTONES);
export type Milestone = z.infer<typeof milestoneSchema>;
