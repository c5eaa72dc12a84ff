import { MODEL_FORMAT, modelSchema, type ResponseModel } from '../format/model.js';
import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { ResponseScript } from '../format/script.js';
import { checkModel, modelNotes } from './check-model.js';
import { compareLocatedErrors, quote, type LocatedError } from './located-error.js';
import { checkSchema } from './schema-issues.js';
import { parseYamlSource } from './yaml-source.js';
import type { SourceText } from './library.js';

/** Where a message points: a field's key or its value. */
const placeKey = (path: readonly (string | number)[], atKey: boolean | undefined) => `${atKey ? 'key' : 'value'}\u0001${path.join('\u0000')}`;

/** notes: settings that change nothing in this scenario (given the script the team follows), each located. */
export type LoadedModel = { ok: true; model: ResponseModel; notes: LocatedError[] } | { ok: false; errors: LocatedError[] };

/**
 * Reads and validates a response model (firedrill-model/1) for a scenario and its plan: YAML
 * syntax, the schema and every role, action, decision and inject it names. Never throws for
 * bad input; every error is located at its field. Given the script the team follows, it also
 * notes the settings that change nothing in this scenario.
 */
export function loadModel(source: SourceText, scenario: Scenario, plan: Plan, script?: ResponseScript): LoadedModel {
  const parsed = parseYamlSource(source.file, source.text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const yaml = parsed.source;
  const value = yaml.value as Record<string, unknown> | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [yaml.error([], `expected a mapping of fields (format: ${MODEL_FORMAT}, id:, ...) at the top of the file`)] };
  }
  if (value.format !== MODEL_FORMAT && typeof value.format === 'string') {
    return { ok: false, errors: [yaml.error(['format'], `this is not a response model: expected format ${MODEL_FORMAT}, not ${quote(value.format)}`)] };
  }
  // The schema and the ids it names are checked together, on the file as written: every problem
  // the person can fix in one pass (a key or a value has one message, the schema's, if both find one).
  const checked = checkSchema(modelSchema, value);
  const issues = checked.success ? [] : checked.issues;
  const flagged = new Set(issues.map((issue) => placeKey(issue.path, issue.atKey)));
  const problems = checkModel(value, scenario, plan).filter((p) => !flagged.has(placeKey(p.path, p.atKey)));
  if (!checked.success || problems.length > 0) {
    return {
      ok: false,
      errors: [
        ...issues.map((issue) => yaml.error(issue.path, issue.message, { atKey: issue.atKey })),
        ...problems.map((p) => yaml.error(p.path, p.message, { atKey: p.atKey ?? false })),
      ].sort(compareLocatedErrors),
    };
  }
  const notes = script ? modelNotes(checked.data, scenario, script).map((p) => yaml.error(p.path, p.message, { atKey: p.atKey ?? false })).sort(compareLocatedErrors) : [];
  return { ok: true, model: checked.data, notes };
}
