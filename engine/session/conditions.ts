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

export type CompiledCondition = (context: SessionContext) => boolean;

/** A condition turned into a function once, so the hot loop of a session does no shape tests. */
export function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (c) => parts.every((p) => p(c));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (c) => parts.some((p) => p(c));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (c) => !inner(c);
  }
  if ('action' in condition) {
    const action = condition.action;
    return (c) => c.completed[action] !== undefined;
  }
  if ('inject' in condition) {
    const inject = condition.inject;
    return (c) => c.injects[inject]?.status === 'fired';
  }
  if ('milestone' in condition) {
    const milestone = condition.milestone;
    return (c) => c.milestones[milestone] !== undefined;
  }
  return (c) => holds(condition, c);
}
