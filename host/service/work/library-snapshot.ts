import type { Plan } from '../../../engine/format/plan.js';
import type { Scenario } from '../../../engine/format/scenario.js';
import type { LibraryListing, LibrarySource } from '../../../engine/protocol/results.js';
import type { Library } from '../../../engine/validate/index.js';
import { listLibrary, type CombinedLibrary } from '../../library/user-library.js';

/**
 * The plans and scenarios a session can be run with, as plain data: what the serving thread
 * keeps of a library validated in a worker (the parsed YAML sources stay there).
 */
export interface WorldSnapshot {
  plans: Map<string, Plan>;
  scenarios: Map<string, Scenario>;
}

/** The whole library: its documents, where each comes from, and the listing the page shows. */
export interface LibrarySnapshot extends WorldSnapshot {
  origins: Map<string, { source: LibrarySource; file: string }>;
  listing: LibraryListing;
}

export function worldSnapshot(library: Library): WorldSnapshot {
  return {
    plans: new Map([...library.plans].map(([id, loaded]) => [id, loaded.plan])),
    scenarios: new Map([...library.scenarios].map(([id, loaded]) => [id, loaded.scenario])),
  };
}

export function librarySnapshot(combined: CombinedLibrary): LibrarySnapshot {
  return { ...worldSnapshot(combined.library), origins: combined.origins, listing: listLibrary(combined) };
}
