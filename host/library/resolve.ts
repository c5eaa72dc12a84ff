import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Library, LoadedPlan, LoadedScenario, LoadedScript, LocatedError } from '../../engine/validate/index.js';
import { loadBundledLibrary, loadPaths } from './load.js';

export class ResolveError extends Error {
  constructor(
    message: string,
    readonly errors: LocatedError[] = [],
  ) {
    super(message);
  }
}

const isPath = (text: string, cwd: string) => /[\\/]|\.ya?ml$/i.test(text) || existsSync(resolve(cwd, text));

/**
 * Finds a scenario, its plan and optionally a script from what a person typed: a file path or
 * a bundled id (and a script name such as "exemplary"). Broken files come back as located errors.
 */
export function resolveRun(args: { scenario: string; plan?: string; script?: string }, cwd: string): { scenario: LoadedScenario; plan: LoadedPlan; script?: LoadedScript; library: Library } {
  const paths = [args.scenario, args.plan, args.script].filter((p): p is string => p !== undefined && isPath(p, cwd));
  const { library, errors } = loadPaths(paths, cwd);
  if (errors.length > 0) throw new ResolveError('the files given have errors', errors);
  const bundled = loadBundledLibrary(cwd);
  const lookup = <T>(own: Map<string, T>, fallback: Map<string, T>, id: string) => own.get(id) ?? fallback.get(id);

  const scenario = isPath(args.scenario, cwd)
    ? [...library.scenarios.values()].find((s) => resolve(cwd, s.file) === resolve(cwd, args.scenario))
    : lookup(library.scenarios, bundled.scenarios, args.scenario);
  if (!scenario) {
    // A plan or a script given where the scenario goes: said as what it is.
    const other = isPath(args.scenario, cwd) ? library.reports.find((report) => resolve(cwd, report.file) === resolve(cwd, args.scenario) && report.kind !== undefined && report.kind !== 'scenario') : undefined;
    const is = other ? `${args.scenario} is a ${other.kind === 'plan' ? 'plan' : 'response script'}, not a scenario: give the scenario first` : `no scenario "${args.scenario}"`;
    throw new ResolveError(`${is} (give a scenario file, or a bundled scenario id: firedrill list)`);
  }
  const planId = args.plan && !isPath(args.plan, cwd) ? args.plan : scenario.scenario.plan;
  const plan = args.plan && isPath(args.plan, cwd)
    ? [...library.plans.values()].find((p) => resolve(cwd, p.file) === resolve(cwd, args.plan!))
    : lookup(library.plans, bundled.plans, planId);
  if (!plan) throw new ResolveError(`no plan "${args.plan ?? planId}"`);
  if (plan.plan.id !== scenario.scenario.plan) throw new ResolveError(`scenario "${scenario.scenario.id}" is written for plan "${scenario.scenario.plan}", not "${plan.plan.id}"`);
  let script: LoadedScript | undefined;
  if (args.script !== undefined) {
    const scripts = [...(library.scripts.get(scenario.scenario.id)?.values() ?? []), ...(bundled.scripts.get(scenario.scenario.id)?.values() ?? [])];
    script = isPath(args.script, cwd)
      ? [...library.scripts.values()].flatMap((m) => [...m.values()]).find((s) => resolve(cwd, s.file) === resolve(cwd, args.script!))
      : scripts.find((s) => s.script.name === args.script);
    if (!script) throw new ResolveError(`no response script "${args.script}" for scenario "${scenario.scenario.id}"`);
    if (script.script.scenario !== scenario.scenario.id) throw new ResolveError(`script ${script.file} plays scenario "${script.script.scenario}", not "${scenario.scenario.id}"`);
  }
  return { scenario, plan, ...(script ? { script } : {}), library };
}

