import { parse, stringify } from 'yaml';
import { MILESTONES } from '../format/common.js';
import { conditionSchema, CONDITION_FORMS, type Condition } from '../format/condition.js';
import type { Read } from './msel-time.js';

// A trigger (or an unless) in an MSEL cell: the condition as the scenario file writes it, in
// YAML flow style ({ action: query-cloudtrail-activity }), or in words: "after <action title or
// id>", "after INJ-03", "contained", "decision DEC-01 = notify", "severity declared".

/** A condition as one line of a cell: the scenario file's own flow style. */
export function conditionText(condition: Condition): string {
  return stringify(condition, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

export interface TriggerContext {
  /** The plan action a text names (by id or title), if any. */
  action(text: string): string | undefined;
  /** The inject ids of the sheet. */
  injects: ReadonlySet<string>;
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

const FORMS = `write the condition as the scenario file does (${CONDITION_FORMS}), or in words: "after <plan action>", "after <inject id>", "contained", "decision <id> = <option>"`;

/** Reads a trigger or unless cell into a condition (its references are checked with the whole draft). */
export function readCondition(text: string, context: TriggerContext): Read<Condition> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = parse(trimmed);
    } catch {
      return fail(`${JSON.stringify(trimmed.slice(0, 60))} is not a condition: the braces do not close, or a value needs quotes; ${FORMS}`);
    }
    const checked = conditionSchema.safeParse(value);
    return checked.success ? ok(checked.data) : fail(`${JSON.stringify(trimmed.slice(0, 60))} is not a condition: ${FORMS}`);
  }
  return readWords(trimmed.replace(/^(after|when|once|on)\s+/i, ''), context);
}

function readWords(text: string, context: TriggerContext): Read<Condition> {
  const lower = text.toLowerCase();
  const action = context.action(text);
  if (action) return ok({ action });
  if (context.injects.has(text)) return ok({ inject: text });
  let match = /^inject\s+(\S+)$/i.exec(text);
  if (match) return ok({ inject: match[1]! });
  match = /^action\s+(.+)$/i.exec(text);
  if (match) return ok({ action: context.action(match[1]!) ?? match[1]! });
  match = /^decision\s+(\S+?)(?:\s*[=:]\s*(\S+))?$/i.exec(text);
  if (match) return ok(match[2] ? { decision: match[1]!, option: match[2] } : { decision: match[1]! });
  const milestone = MILESTONES.find((m) => lower === m || lower === `milestone ${m}` || lower === `${m} milestone`);
  if (milestone) return ok({ milestone });
  match = /^severity(?:\s+(\d+))?\s+declared$/i.exec(text);
  if (match) return ok({ severityDeclared: match[1] ? Number(match[1]) : 'any' });
  // "X or Y", "X and Y": each part read the same way.
  for (const [joiner, key] of [[' or ', 'any'], [' and ', 'all']] as const) {
    const parts = text.split(new RegExp(joiner, 'i'));
    if (parts.length < 2) continue;
    const read = parts.map((part) => readWords(part.trim(), context));
    const failed = read.find((r) => !r.ok);
    if (!failed) return ok(key === 'any' ? { any: read.map((r) => (r as { value: Condition }).value) } : { all: read.map((r) => (r as { value: Condition }).value) });
  }
  return fail(`${JSON.stringify(text.slice(0, 60))} names no plan action, inject or milestone: ${FORMS}`);
}

/** A condition in words, for a printed MSEL: "Query CloudTrail done or INJ-03 delivered". */
export function conditionWords(condition: Condition, names: { action(id: string): string }): string {
  const nested = (c: Condition) => ('all' in c || 'any' in c ? `(${conditionWords(c, names)})` : conditionWords(c, names));
  if ('all' in condition) return condition.all.map(nested).join(' and ');
  if ('any' in condition) return condition.any.map(nested).join(' or ');
  if ('not' in condition) return `not ${nested(condition.not)}`;
  if ('action' in condition) return `"${names.action(condition.action)}" done`;
  if ('decision' in condition) return `decision ${condition.decision} answered${condition.option ? ` "${condition.option}"` : ''}`;
  if ('inject' in condition) return `${condition.inject} delivered`;
  if ('milestone' in condition) return condition.milestone;
  if ('severityDeclared' in condition) return condition.severityDeclared === 'any' ? 'a severity declared' : `severity ${condition.severityDeclared} declared`;
  const test = condition.equals !== undefined ? `= ${String(condition.equals)}` : condition.atLeast !== undefined ? `>= ${condition.atLeast}` : `<= ${condition.atMost}`;
  return `${condition.var} ${test}`;
}
