import type { CommandParams, CommandResults } from '../../engine/protocol/index.js';
import type { WorldLookup } from '../storage/session-store.js';
import { LibraryRefusal, type DocumentKind } from '../library/user-library.js';
import type { LibrarySnapshot, WorldSnapshot } from './work/library-snapshot.js';
import type { HostTasks } from './work/tasks.js';
import type { WorkerPool } from './work/worker-pool.js';

/** Finds a journal's scenario and plan in a world. */
export const lookupIn = (world: WorldSnapshot): WorldLookup => (started) => ({
  scenario: world.scenarios.get(started.scenarioId),
  plan: world.plans.get(started.planId),
});

/**
 * The scenario library a host serves: the bundled plans and scenarios plus the user's folder.
 * Every read and check of the files runs in a worker thread (validating a large scenario takes
 * seconds): the serving thread keeps the documents as plain data, read once and again after an
 * import or a removal. Refusals come out as LibraryRefusal.
 */
export class LibraryService {
  private combined: Promise<LibrarySnapshot> | undefined;
  private readonly worlds = new Map<string, Promise<WorldSnapshot>>();
  /** Imports and removals, one at a time: each checks the folder as the previous one left it. */
  private changes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly pool: WorkerPool<HostTasks>,
  ) {}

  /** Bundled plus the user's folder. */
  library(): Promise<LibrarySnapshot> {
    if (!this.combined) {
      const loading = this.pool.run('library.load', this.dataDir);
      // A load that failed (a worker that crashed) is tried again next time.
      loading.catch(() => this.combined === loading && (this.combined = undefined));
      this.combined = loading;
    }
    return this.combined;
  }

  private changed(): void {
    this.combined = undefined;
    this.worlds.clear();
  }

  /**
   * The plans and the scenario of one session. Reading only the files it needs keeps opening a
   * session fast; the whole library is the fallback.
   */
  worldOf(scenarioId: string): Promise<WorldSnapshot> {
    if (this.combined) return this.combined;
    let world = this.worlds.get(scenarioId);
    if (!world) {
      world = this.pool.run('library.world', this.dataDir, scenarioId).then((found) => found ?? this.library());
      world.catch(() => this.worlds.delete(scenarioId));
      this.worlds.set(scenarioId, world);
    }
    return world;
  }

  /** The lookup of a journal recorded with this scenario (undefined: the whole library). */
  async lookupFor(scenarioId: string | undefined): Promise<WorldLookup> {
    return lookupIn(scenarioId === undefined ? await this.library() : await this.worldOf(scenarioId));
  }

  async list(): Promise<CommandResults['library.list']> {
    return (await this.library()).listing;
  }

  async show(kind: DocumentKind, id: string): Promise<CommandResults['library.show']> {
    const library = await this.library();
    const origin = library.origins.get(`${kind}:${id}`);
    const plan = kind === 'plan' ? library.plans.get(id) : undefined;
    const scenario = kind === 'scenario' ? library.scenarios.get(id) : undefined;
    if (origin && plan) return { kind: 'plan', id, ...origin, document: plan };
    if (origin && scenario) return { kind: 'scenario', id, ...origin, document: scenario };
    throw new LibraryRefusal('not-found', `there is no ${kind} "${id}" in the library`);
  }

  import(params: CommandParams<'library.import'>): Promise<CommandResults['library.import']> {
    return this.change(() => this.pool.run('library.import', this.dataDir, params));
  }

  remove(kind: DocumentKind, id: string): Promise<CommandResults['library.remove']> {
    return this.change(() => this.pool.run('library.remove', this.dataDir, kind, id));
  }

  /** Work that writes to the user's library (a script, a pack), queued with the imports; the library is read again after it. */
  changing<T>(work: () => Promise<T>): Promise<T> {
    return this.change(work);
  }

  private change<T>(work: () => Promise<T>): Promise<T> {
    const done = this.changes.then(work).then((result) => {
      this.changed();
      return result;
    });
    this.changes = done.catch(() => {});
    return done;
  }
}
