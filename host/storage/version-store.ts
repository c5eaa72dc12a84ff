import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import { contentHash } from '../../engine/session/hash.js';
import { writeFileAtomic } from './atomic-file.js';
import { dataPaths } from './data-dir.js';

// Every plan and scenario a session used, kept by content hash in versions/<hex>.json, so that
// editing a file (a new version imported, a bundled scenario changed by an upgrade) never stops
// an earlier session from replaying: a journal names its documents by hash, and finds them here.
// A version file is written once, atomically, and never changed; the document in it is the
// validated one, and its hash is checked again when it is read.

export const VERSION_FORMAT = 'firedrill-version/1';

export type VersionKind = 'plan' | 'scenario';

export interface StoredVersion {
  kind: VersionKind;
  id: string;
  hash: string;
  document: Plan | Scenario;
}

/** The versions a replay may look a document up in, by content hash. */
export interface VersionLookup {
  plan(hash: string): Plan | undefined;
  scenario(hash: string): Scenario | undefined;
}

/** A content hash as the journal writes it: anything else never becomes a file name. */
const HASH = /^sha256:([0-9a-f]{64})$/;

export class VersionStore implements VersionLookup {
  readonly dir: string;
  /** Versions read or kept by this process (a version never changes, so they stay valid). */
  private readonly read = new Map<string, StoredVersion>();

  constructor(root: string) {
    this.dir = dataPaths(root).versions;
  }

  private path(hash: string): string | undefined {
    const hex = HASH.exec(hash)?.[1];
    return hex === undefined ? undefined : join(this.dir, `${hex}.json`);
  }

  /** Keeps a validated document (once: a version already kept is left as it is); returns its hash. */
  keep(kind: VersionKind, document: Plan | Scenario): string {
    const hash = contentHash(document);
    const path = this.path(hash)!;
    if (this.read.has(hash) || existsSync(path)) return hash;
    mkdirSync(this.dir, { recursive: true });
    const stored: StoredVersion = { kind, id: document.id, hash, document };
    writeFileAtomic(path, `${JSON.stringify({ format: VERSION_FORMAT, ...stored })}\n`);
    this.read.set(hash, stored);
    return hash;
  }

  /** The version of this hash, or undefined if none is kept (or its file is damaged). */
  get(hash: string): StoredVersion | undefined {
    const known = this.read.get(hash);
    if (known) return known;
    const path = this.path(hash);
    // Not remembered when absent: another process (or store) may keep it later.
    const stored = path !== undefined && existsSync(path) ? parseVersion(readFileSync(path, 'utf8'), hash) : undefined;
    if (stored) this.read.set(hash, stored);
    return stored;
  }

  plan(hash: string): Plan | undefined {
    const stored = this.get(hash);
    return stored?.kind === 'plan' ? (stored.document as Plan) : undefined;
  }

  scenario(hash: string): Scenario | undefined {
    const stored = this.get(hash);
    return stored?.kind === 'scenario' ? (stored.document as Scenario) : undefined;
  }

  /** Every version kept (damaged files left out), in hash order. */
  list(): StoredVersion[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
      .sort()
      .map((name) => this.get(`sha256:${name.slice(0, 64)}`))
      .filter((stored): stored is StoredVersion => stored !== undefined);
  }
}

/** A version file's content, if it is one and its document still has the hash it is filed under. */
function parseVersion(text: string, hash: string): StoredVersion | undefined {
  try {
    const data = JSON.parse(text) as Partial<StoredVersion> & { format?: unknown };
    if (data.format !== VERSION_FORMAT || (data.kind !== 'plan' && data.kind !== 'scenario') || typeof data.document !== 'object' || data.document === null) return undefined;
    if (contentHash(data.document) !== hash) return undefined;
    return { kind: data.kind, id: String(data.id), hash, document: data.document };
  } catch {
    return undefined;
  }
}

/**
 * The documents a journal was recorded with: the library's own when its content hash is the
 * journal's, else the kept version of that hash, else the library's (whose replay then says
 * what changed since).
 */
export function withVersions<S extends { planHash: string; scenarioHash: string }>(
  worlds: (started: S) => { scenario?: Scenario; plan?: Plan },
  versions: VersionLookup,
): (started: S) => { scenario?: Scenario; plan?: Plan } {
  return (started) => {
    const found = worlds(started);
    const scenario = pick(found.scenario, started.scenarioHash, (hash) => versions.scenario(hash));
    const plan = pick(found.plan, started.planHash, (hash) => versions.plan(hash));
    return { ...(scenario ? { scenario } : {}), ...(plan ? { plan } : {}) };
  };
}

function pick<T extends object>(current: T | undefined, hash: string, stored: (hash: string) => T | undefined): T | undefined {
  if (current && contentHash(current) === hash) return current;
  return stored(hash) ?? current;
}
