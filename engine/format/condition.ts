import { z } from 'zod';
import { idSchema, listOf, milestoneSchema, scalarSchema, type Milestone, type Scalar } from './common.js';
import { COUNT_LIMITS } from './limits.js';

/**
 * A condition on what has happened in a session. One vocabulary serves inject triggers,
 * decision openings, milestones and end conditions, so the validator and the engine read
 * every "when" the same way.
 */
export type Condition =
  | { action: string } // a plan action has completed
  | { decision: string; option?: string } // a decision was answered (with that option)
  | { inject: string } // an inject has fired
  | { milestone: Milestone } // a milestone was reached
  | { severityDeclared: number | 'any' } // a severity was declared (that level, or any)
  | { var: string; equals?: Scalar; atLeast?: number; atMost?: number } // scenario state
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const CONDITION_FORMS =
  '{ action }, { decision, option? }, { inject }, { milestone }, { severityDeclared }, { var, equals | atLeast | atMost }, { all: [...] }, { any: [...] } or { not }';

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ action: idSchema }),
      z.strictObject({ decision: idSchema, option: idSchema.optional() }),
      z.strictObject({ inject: idSchema }),
      z.strictObject({ milestone: milestoneSchema }),
      z.strictObject({ severityDeclared: z.union([z.number().int().min(1), z.literal('any')]) }),
      z
        .strictObject({ var: idSchema, equals: scalarSchema.optional(), atLeast: z.number().optional(), atMost: z.number().optional() })
        .refine((c) => c.equals !== undefined || c.atLeast !== undefined || c.atMost !== undefined, {
          message: 'a { var } condition needs equals, atLeast or atMost',
        }),
      z.strictObject({ all: listOf(conditionSchema, COUNT_LIMITS.conditions).min(1) }),
      z.strictObject({ any: listOf(conditionSchema, COUNT_LIMITS.conditions).min(1) }),
      z.strictObject({ not: conditionSchema }),
    ],
    { error: `a condition is one of ${CONDITION_FORMS}` },
  ),
);

/** Calls visit on every leaf of a condition, with the path of the leaf below the condition. */
export function forEachConditionLeaf(
  condition: Condition,
  visit: (leaf: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if ('all' in condition) condition.all.forEach((c, i) => forEachConditionLeaf(c, visit, [...path, 'all', i]));
  else if ('any' in condition) condition.any.forEach((c, i) => forEachConditionLeaf(c, visit, [...path, 'any', i]));
  else if ('not' in condition) forEachConditionLeaf(condition.not, visit, [...path, 'not']);
  else visit(condition, path);
}
