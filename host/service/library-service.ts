import type { SessionStarted } from '../../engine/session/journal.js';
import type { Library } from '../../engine/validate/index.js';
import type { CommandParams, CommandResults } from '../../engine/protocol/index.js';
import { lookupIn, type WorldLookup } from '../storage/session-store.js';
import { importLibraryFile, listLibrary, loadBundledForHost, loadCombinedLibrary, loadScenarioWorld, removeLibraryFile, showLibraryDocument, type CombinedLibrary, type DocumentKind } from '../library/user-library.js';

/**
 * The scenario library a host serves: the bundled plans and scenarios plus the user's folder,
 * read once and again after an import or a removal. Refusals come out as LibraryRefusal.
 */
export class LibraryService {
  private bundled: Library | undefined;
  private combined: CombinedLibrary | undefined;
  private readonly worlds = new Map<string, Library>();

  constructor(private readonly dataDir: string) {}

  private bundledLibrary(): Library {
    this.bundled ??= loadBundledForHost();
    return this.bundled;
  }

  /** Bundled plus the user's folder. */
  library(): CombinedLibrary {
    this.combined ??= loadCombinedLibrary(this.dataDir, this.bundledLibrary());
    return this.combined;
  }

  private changed(): void {
    this.combined = undefined;
    this.worlds.clear();
  }

  /**
   * The plan and scenario of one session. Reading only the files it needs keeps opening a
   * session fast (the whole library takes seconds to validate); the whole library is the fallback.
   */
  worldOf(scenarioId: string): Library {
    if (this.combined) return this.combined.library;
    let world = this.worlds.get(scenarioId);
    if (!world) {
      world = loadScenarioWorld(this.dataDir, scenarioId) ?? this.library().library;
      this.worlds.set(scenarioId, world);
    }
    return world;
  }

  /** Finds the scenario and plan a journal was recorded with. */
  readonly lookup: WorldLookup = (started: SessionStarted) => lookupIn(this.worldOf(started.scenarioId))(started);

  list(): CommandResults['library.list'] {
    return listLibrary(this.library());
  }

  show(kind: DocumentKind, id: string): CommandResults['library.show'] {
    return showLibraryDocument(this.library(), kind, id);
  }

  import(params: CommandParams<'library.import'>): CommandResults['library.import'] {
    const imported = importLibraryFile(this.dataDir, this.bundledLibrary(), params);
    this.changed();
    return imported;
  }

  remove(kind: DocumentKind, id: string): CommandResults['library.remove'] {
    const removed = removeLibraryFile(this.dataDir, this.bundledLibrary(), kind, id);
    this.changed();
    return removed;
  }
}
