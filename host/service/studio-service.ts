import type { CommandParams, CommandResults } from '../../engine/protocol/index.js';
import type { ExportedFile } from '../../engine/protocol/results.js';
import { MSEL_MEDIA_TYPES } from '../msel/msel-formats.js';
import type { LibraryService } from './library-service.js';
import type { SessionService } from './session-service.js';
import type { HostTasks } from './work/tasks.js';
import type { WorkerPool } from './work/worker-pool.js';

/**
 * What the plan and scenario studio asks of a host beyond the library's import (which saves a
 * draft as a new version): a document's own text, a session saved as a response script, MSEL
 * spreadsheets in and out, packs in and out. All of it runs in worker threads; whatever writes
 * to the library makes the library service read it again.
 */
export class StudioService {
  constructor(
    private readonly dataDir: string,
    private readonly library: LibraryService,
    private readonly sessions: SessionService,
    private readonly pool: WorkerPool<HostTasks>,
    private readonly now: () => number,
  ) {}

  source(params: CommandParams<'studio.source'>): Promise<CommandResults['studio.source']> {
    return this.pool.run('studio.source', this.dataDir, params.kind, params.id);
  }

  async saveScript(params: CommandParams<'studio.saveScript'>): Promise<CommandResults['studio.saveScript']> {
    const entries = await this.sessions.journal(params.sessionId);
    return this.library.changing(() => this.pool.run('studio.saveScript', this.dataDir, entries, { name: params.name, ...(params.description ? { description: params.description } : {}) }));
  }

  mselImport(params: CommandParams<'msel.import'>): Promise<CommandResults['msel.import']> {
    const { base64, ...request } = params;
    return this.pool.run('msel.import', this.dataDir, { ...request, bytes: fromBase64(base64) });
  }

  async mselExport(params: CommandParams<'msel.export'>): Promise<ExportedFile> {
    const bytes = await this.pool.run('msel.export', this.dataDir, params.scenarioId, params.format, params.paper);
    return file(`${params.scenarioId}.msel.${params.format}`, MSEL_MEDIA_TYPES[params.format], bytes);
  }

  packImport(params: CommandParams<'pack.import'>): Promise<CommandResults['pack.import']> {
    const bytes = fromBase64(params.base64);
    return this.library.changing(() => this.pool.run('pack.import', this.dataDir, params.fileName, bytes, params.asNewVersion === true, new Date(this.now()).toISOString()));
  }

  async packExport(params: CommandParams<'pack.export'>): Promise<CommandResults['pack.export']> {
    const pack = await this.pool.run('pack.export', this.dataDir, params);
    const name = params.kind === 'exercise' ? `${params.scenarioId}.exercise.firedrill` : `${params.scenarioIds.length === 1 ? params.scenarioIds[0] : 'scenarios'}.firedrill`;
    return { ...file(name, 'application/zip', pack.bytes), ...(pack.sessions ? { sessions: pack.sessions } : {}), ...(pack.skipped ? { skipped: pack.skipped } : {}) };
  }
}

const fromBase64 = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

function file(fileName: string, mediaType: string, bytes: Uint8Array): ExportedFile {
  return { fileName, mediaType, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), bytes: bytes.byteLength };
}
