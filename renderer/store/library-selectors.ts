import type { LibraryScenarioEntry } from '../../engine/protocol/index.js';
import type { LibraryFilter } from './library-slice.js';

/** The scenarios matching the search text (title, summary, threat, ATT&CK id) and the filters. */
export function filterScenarios(scenarios: readonly LibraryScenarioEntry[], filter: LibraryFilter): LibraryScenarioEntry[] {
  const text = filter.text.trim().toLowerCase();
  return scenarios.filter((scenario) => {
    if (filter.threat && scenario.threat !== filter.threat) return false;
    if (filter.provider && !scenario.providers.includes(filter.provider)) return false;
    if (filter.difficulty && scenario.difficulty !== filter.difficulty) return false;
    if (!text) return true;
    return [scenario.title, scenario.summary, scenario.threat, scenario.id, ...scenario.attack].some((field) => field.toLowerCase().includes(text));
  });
}

/** The distinct values of one field across scenarios, sorted: the options of a filter. */
export function filterOptions(scenarios: readonly LibraryScenarioEntry[], field: 'threat' | 'providers' | 'difficulty'): string[] {
  const values = new Set<string>();
  for (const scenario of scenarios) {
    const value = scenario[field];
    for (const one of Array.isArray(value) ? value : [value]) values.add(one);
  }
  return [...values].sort();
}
