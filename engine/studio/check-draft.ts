import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { ResponseScript } from '../format/script.js';
import { loadLibrary, type Library, type LoadedPlan, type LoadedScenario } from '../validate/library.js';
import type { LocatedError } from '../validate/located-error.js';

// A draft checked by the very validator `firedrill validate` runs (loadLibrary: YAML, schema,
// references, reachability, limits), against the plans (and scenarios) it refers to. The studio
// runs it in the page on every change; the host runs it again, in a worker, before it saves.

export type DraftKind = 'plan' | 'scenario' | 'script';

export interface DraftReferences {
  plans?: readonly Plan[];
  scenarios?: readonly Scenario[];
}

export interface CheckedDraft {
  /** What the text is, when it says (format: or the file name). */
  kind?: DraftKind;
  id?: string;
  errors: LocatedError[];
  /** The valid document, when there is no error. */
  plan?: Plan;
  scenario?: Scenario;
  script?: ResponseScript;
}

/** Plans and scenarios as a library the draft's references are looked up in (their own sources are never read). */
export function referenceLibrary(references: DraftReferences): Library {
  const plans = new Map((references.plans ?? []).map((plan) => [plan.id, { kind: 'plan', file: `plan ${plan.id}`, plan } as unknown as LoadedPlan]));
  const scenarios = new Map((references.scenarios ?? []).map((scenario) => [scenario.id, { kind: 'scenario', file: `scenario ${scenario.id}`, scenario } as unknown as LoadedScenario]));
  return { plans, scenarios, scripts: new Map(), reports: [] };
}

export function checkDraft(file: string, text: string, references: DraftReferences = {}): CheckedDraft {
  const library = loadLibrary([{ file, text }], referenceLibrary(references));
  const report = library.reports[0]!;
  const checked: CheckedDraft = { errors: report.errors, ...(report.kind ? { kind: report.kind } : {}), ...(report.id !== undefined ? { id: report.id } : {}) };
  if (report.errors.length > 0 || report.id === undefined) return checked;
  if (report.kind === 'plan') checked.plan = library.plans.get(report.id)?.plan;
  else if (report.kind === 'scenario') checked.scenario = library.scenarios.get(report.id)?.scenario;
  else if (report.kind === 'script') checked.script = [...library.scripts.values()][0]?.get(report.id)?.script;
  return checked;
}

/** The file name a draft is saved under in the user's library. */
export const draftFileName = (kind: 'plan' | 'scenario', id: string) => `${id}.${kind}.yaml`;
