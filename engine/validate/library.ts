import type { z } from 'zod';
import { PLAN_FORMAT, planSchema, type Plan } from '../format/plan.js';
import { SCENARIO_FORMAT, scenarioSchema, type Scenario } from '../format/scenario.js';
import { SCRIPT_FORMAT, scriptSchema, type ResponseScript } from '../format/script.js';
import { MODEL_FORMAT } from '../format/model.js';
import { compareLocatedErrors, quote, type LocatedError } from './located-error.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';
import { checkSchema } from './schema-issues.js';
import { checkPlan } from './check-plan.js';
import { checkScenario } from './check-scenario.js';
import { checkScript } from './check-script.js';
import { MAX_PROBLEMS, unknownId, type FieldProblem } from './references.js';

export type DocumentKind = 'plan' | 'scenario' | 'script';

export interface SourceText {
  file: string;
  text: string;
}

export interface LoadedPlan { kind: 'plan'; file: string; plan: Plan; source: YamlSource }
export interface LoadedScenario { kind: 'scenario'; file: string; scenario: Scenario; source: YamlSource }
export interface LoadedScript { kind: 'script'; file: string; script: ResponseScript; source: YamlSource }

/** The verdict on one file. */
export interface FileReport {
  file: string;
  kind?: DocumentKind;
  id?: string;
  errors: LocatedError[];
}

/** Valid plans, scenarios and scripts by id, and a report for every file read. */
export interface Library {
  plans: Map<string, LoadedPlan>;
  scenarios: Map<string, LoadedScenario>;
  /** Scripts by scenario id, then by script name. */
  scripts: Map<string, Map<string, LoadedScript>>;
  reports: FileReport[];
}

const FORMATS: Record<string, DocumentKind> = { [PLAN_FORMAT]: 'plan', [SCENARIO_FORMAT]: 'scenario', [SCRIPT_FORMAT]: 'script' };
const SUFFIXES: [RegExp, DocumentKind][] = [[/\.plan\.ya?ml$/i, 'plan'], [/\.scenario\.ya?ml$/i, 'scenario'], [/\.script\.ya?ml$/i, 'script']];

/**
 * Reads and validates documents: YAML syntax, then each schema, then the references between
 * them (scenario -> plan, script -> scenario). Never throws for bad input. Ids not found among
 * the sources are looked up in references (the bundled library), which are not re-reported.
 * References may be given as a function: it is called once, and only if an id is not found
 * among the sources.
 */
export function loadLibrary(sources: readonly SourceText[], references?: Library | (() => Library | undefined)): Library {
  const library: Library = { plans: new Map(), scenarios: new Map(), scripts: new Map(), reports: [] };
  let lookedUp: { library: Library | undefined } | undefined;
  const refs = (): Library | undefined => {
    if (typeof references !== 'function') return references;
    lookedUp ??= { library: references() };
    return lookedUp.library;
  };
  const parsed: { report: FileReport; source: YamlSource; kind: DocumentKind; data: unknown }[] = [];

  for (const { file, text } of sources) {
    const report: FileReport = { file, errors: [] };
    library.reports.push(report);
    const result = parseYamlSource(file, text);
    if (!result.ok) {
      report.errors.push(...result.errors);
      continue;
    }
    const { source } = result;
    const kind = kindOf(source, file, report);
    if (!kind) continue;
    report.kind = kind;
    const schema: z.ZodType = kind === 'plan' ? planSchema : kind === 'scenario' ? scenarioSchema : scriptSchema;
    const id = (source.value as Record<string, unknown>)[kind === 'script' ? 'name' : 'id'];
    if (typeof id === 'string') report.id = id;
    const checked = guarded(source, report, () => checkSchema(schema, source.value));
    if (!checked) continue;
    if (!checked.success) {
      // A list of 100,000 bad items has as many issues: the first ones are enough to act on.
      for (const issue of checked.issues.slice(0, MAX_PROBLEMS)) report.errors.push(source.error(issue.path, issue.message, { atKey: issue.atKey }));
      continue;
    }
    parsed.push({ report, source, kind, data: checked.data });
  }

  const located = (source: YamlSource, problems: readonly FieldProblem[]) => problems.map((p) => source.error(p.path, p.message));

  for (const { report, source, kind, data } of parsed) {
    if (kind !== 'plan') continue;
    const plan = data as Plan;
    report.errors.push(...located(source, guarded(source, report, () => checkPlan(plan)) ?? []));
    const twin = library.plans.get(plan.id);
    if (twin) report.errors.push(source.error(['id'], `plan id "${plan.id}" is already used by ${twin.file}`));
    if (report.errors.length === 0) library.plans.set(plan.id, { kind, file: report.file, plan, source });
  }
  for (const { report, source, kind, data } of parsed) {
    if (kind !== 'scenario') continue;
    const scenario = data as Scenario;
    const plan = (library.plans.get(scenario.plan) ?? refs()?.plans.get(scenario.plan))?.plan;
    if (!plan) report.errors.push(source.error(['plan'], missing('plan', scenario.plan, [...library.plans.keys(), ...(refs()?.plans.keys() ?? [])], library.reports)));
    else report.errors.push(...located(source, guarded(source, report, () => checkScenario(scenario, plan)) ?? []));
    const twin = library.scenarios.get(scenario.id);
    if (twin) report.errors.push(source.error(['id'], `scenario id "${scenario.id}" is already used by ${twin.file}`));
    if (report.errors.length === 0) library.scenarios.set(scenario.id, { kind, file: report.file, scenario, source });
  }
  for (const { report, source, kind, data } of parsed) {
    if (kind !== 'script') continue;
    const script = data as ResponseScript;
    const scenario = (library.scenarios.get(script.scenario) ?? refs()?.scenarios.get(script.scenario))?.scenario;
    const plan = scenario && (library.plans.get(scenario.plan) ?? refs()?.plans.get(scenario.plan))?.plan;
    if (!scenario || !plan) {
      report.errors.push(source.error(['scenario'], missing('scenario', script.scenario, [...library.scenarios.keys(), ...(refs()?.scenarios.keys() ?? [])], library.reports)));
      continue;
    }
    report.errors.push(...located(source, guarded(source, report, () => checkScript(script, scenario, plan)) ?? []));
    const named = library.scripts.get(script.scenario) ?? new Map<string, LoadedScript>();
    const twin = named.get(script.name);
    if (twin) report.errors.push(source.error(['name'], `scenario "${script.scenario}" already has a script named "${script.name}" (${twin.file})`));
    if (report.errors.length === 0) library.scripts.set(script.scenario, named.set(script.name, { kind, file: report.file, script, source }));
  }
  for (const report of library.reports) {
    report.errors.sort(compareLocatedErrors);
    const last = report.errors[report.errors.length - 1];
    if (last && report.errors.length >= MAX_PROBLEMS) {
      report.errors.push({ ...last, path: '', message: `Firedrill stops at ${MAX_PROBLEMS} errors of a file, and there may be more: fix these and validate again` });
    }
  }
  return library;
}

/**
 * Runs one check of one file. A check that throws is a bug in Firedrill, not in the file, but
 * the file is still reported (located at its start) rather than the whole run failing.
 */
function guarded<T>(source: YamlSource, report: FileReport, check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    report.errors.push(source.error([], /call stack|too much recursion/i.test(message ?? '') ? 'the document is nested too deeply to check' : `could not be checked (a Firedrill bug, please report it): ${message}`));
    return undefined;
  }
}

function kindOf(source: YamlSource, file: string, report: FileReport): DocumentKind | undefined {
  const value = source.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report.errors.push(source.error([], 'expected a mapping of fields (format:, id:, ...) at the top of the file'));
    return undefined;
  }
  const format = (value as Record<string, unknown>).format;
  if (typeof format === 'string' && FORMATS[format]) return FORMATS[format];
  const bySuffix = SUFFIXES.find(([pattern]) => pattern.test(file))?.[1];
  const expected = `${PLAN_FORMAT}, ${SCENARIO_FORMAT} or ${SCRIPT_FORMAT}`;
  if (format === undefined) {
    if (bySuffix) return bySuffix; // the schema then reports the missing format field
    report.errors.push(source.error([], `no "format" field: say which document this is (${expected})`));
  } else if (format === MODEL_FORMAT) {
    report.errors.push(source.error(['format'], `this is a response model (${MODEL_FORMAT}), not a plan, scenario or script: a model is checked with the scenario it plays, by firedrill simulate <scenario> --model ${file} (in the app: "Response model file" in the Stress test)`));
  } else if (typeof format === 'string' && /^firedrill-(plan|scenario|script)\//.test(format)) {
    // A version above the one this Firedrill reads of that document: the file is from a later Firedrill.
    const [kind, version] = format.slice('firedrill-'.length).split('/') as [string, string];
    const known = Object.keys(FORMATS).find((name) => name.startsWith(`firedrill-${kind}/`));
    const newer = known !== undefined && /^\d+$/.test(version) && Number(version) > Number(known.split('/')[1]);
    report.errors.push(source.error(['format'], `unsupported format version ${quote(format)}: this Firedrill reads ${expected}${newer ? `; the file was written for a newer Firedrill: open it with that version, or update this one` : ''}`));
  } else {
    report.errors.push(source.error(['format'], `unknown format ${typeof format === 'string' ? quote(format) : JSON.stringify(format)?.slice(0, 60) ?? String(format)}: expected ${expected}`));
  }
  return undefined;
}

/** An unknown plan or scenario, with the ids known among the files read and the library they are read against. */
function missing(what: 'plan' | 'scenario', id: string, valid: Iterable<string>, reports: FileReport[]): string {
  const broken = reports.find((r) => r.kind === what && r.id === id && r.errors.length > 0);
  if (broken) return `${what} "${id}" has errors (see ${broken.file}); fix it first`;
  return unknownId(what, id, valid);
}
