import type { Condition } from '../format/condition.js';
import type { SessionContext } from './context.js';

/** Whether a scenario condition holds now. */
export function holds(condition: Condition, context: SessionContext): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, context));
  if ('any' in condition) return condition.any.some((c) => holds(c, context));
  if ('not' in condition) return !holds(condition.not, context);
  if ('action' in condition) return context.completed[condition.action] !== undefined;
  if ('inject' in condition) return context.injects[condition.inject]?.status === 'fired';
  if ('milestone' in condition) return context.milestones[condition.milestone] !== undefined;
  if ('decision' in condition) {
    const decision = context.decisions[condition.decision];
    const answered = decision?.status === 'answered' || decision?.status === 'timed-out';
    return answered && (condition.option === undefined || decision?.option === condition.option);
  }
  if ('severityDeclared' in condition) {
    return context.severity !== null && (condition.severityDeclared === 'any' || context.severity.level === condition.severityDeclared);
  }
  const value = context.vars[condition.var];
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.atLeast !== undefined && !(typeof value === 'number' && value >= condition.atLeast)) return false;
  if (condition.atMost !== undefined && !(typeof value === 'number' && value <= condition.atMost)) return false;
  return true;
}
