import type { CommandParams, CommandResults } from '../../engine/protocol/index.js';
import type { ExportedFile } from '../../engine/protocol/results.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { afterActionReport } from '../../engine/report/aar.js';
import type { ImprovementEdit } from '../../engine/report/improvement-plan.js';
import { EXPORT_MEDIA_TYPES, exportFileName, type ExportFormat } from '../../engine/report/export-formats.js';
import { ImprovementStore } from '../storage/improvement-store.js';
import { DrillLabelStore } from '../storage/drill-labels.js';
import { CommandFailure } from './command-failure.js';
import type { SessionService } from './session-service.js';
import type { HostTasks } from './work/tasks.js';
import type { WorkerPool } from './work/worker-pool.js';

/**
 * What a host makes of sessions once played: scorecards, exports, the improvement plan of the
 * after-action report, and the history of every drill in the data folder. Exports and the
 * history run in worker threads, never on the thread that serves clients.
 */
export class ReportService {
  private readonly improvements: ImprovementStore;
  private readonly labels: DrillLabelStore;
  /** Label changes, one at a time: each reads the file as the previous one left it. */
  private labelling: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly sessions: SessionService,
    private readonly pool: WorkerPool<HostTasks>,
  ) {
    this.improvements = new ImprovementStore(dataDir);
    this.labels = new DrillLabelStore(dataDir);
  }

  async scorecard(sessionId: string): Promise<CommandResults['scorecard.get']> {
    return { scorecard: await this.sessions.scorecard(sessionId) };
  }

  /** Written in a worker thread: a long PDF takes seconds. */
  async exportScorecard(params: CommandParams<'export.scorecard'>): Promise<ExportedFile> {
    const { scorecard } = await this.scorecard(params.sessionId);
    return exported('scorecard', params.sessionId, params.format, await this.pool.run('export.scorecard', scorecard, params.format, params.paper));
  }

  /** Written in a worker thread. */
  async exportAar(params: CommandParams<'export.aar'>): Promise<ExportedFile> {
    const { scorecard } = await this.scorecard(params.sessionId);
    const edited = this.improvements.read(params.sessionId);
    const { sessionId, format, paper, ...names } = params;
    const bytes = await this.pool.run('export.aar', [scorecard], format, { paper, ...names, ...(edited ? { improvementPlan: edited } : {}) });
    return exported('aar', sessionId, format, bytes);
  }

  async improvementPlan(sessionId: string): Promise<CommandResults['improvements.get']> {
    return improvementResult((await this.scorecard(sessionId)).scorecard, this.improvements.read(sessionId));
  }

  async saveImprovementPlan(params: CommandParams<'improvements.save'>): Promise<CommandResults['improvements.save']> {
    const { scorecard } = await this.scorecard(params.sessionId);
    const roles = new Set(scorecard.byRole.map((role) => role.id));
    const stranger = params.items?.findIndex((item) => !roles.has(item.ownerRole)) ?? -1;
    if (stranger >= 0) throw new CommandFailure('bad-request', `items.${stranger}.ownerRole: "${params.items![stranger]!.ownerRole}" is not a role of plan "${scorecard.planId}"`);
    this.improvements.write(params.sessionId, params.items);
    return improvementResult(scorecard, params.items);
  }

  /** A deleted session's edited improvement plan goes with it (an archived one keeps its plan: it still has an AAR). */
  forget(sessionId: string): void {
    this.improvements.write(sessionId, null);
  }

  /** Labels a drill and counts it in the history's figures or not: only a stored session can be labelled. */
  label(params: CommandParams<'history.label'>): Promise<CommandResults['history.label']> {
    const change = async () => {
      if (!this.sessions.exists(params.sessionId)) throw new CommandFailure('not-found', `there is no session ${params.sessionId}`);
      return this.labels.change(params.sessionId, { ...(params.label !== undefined ? { label: params.label } : {}), ...(params.excluded !== undefined ? { excluded: params.excluded } : {}) });
    };
    const done = this.labelling.then(change);
    this.labelling = done.catch(() => {});
    return done;
  }

  /** The coverage map of the library and the drills run, in a worker thread. */
  coverage(): Promise<CommandResults['coverage.get']> {
    return this.pool.run('coverage', this.dataDir);
  }

  /** Every ended drill in the data folder (active and archived), replayed and scored in a worker thread; excluded drills listed apart. */
  history(params: CommandParams<'history.get'>): Promise<CommandResults['history.get']> {
    return this.pool.run('history', this.dataDir, { ...(params.planId ? { plan: params.planId } : {}), ...(params.scenarioId ? { scenario: params.scenarioId } : {}) });
  }
}

function exported(what: 'scorecard' | 'aar', sessionId: string, format: ExportFormat, bytes: Uint8Array): ExportedFile {
  return { fileName: exportFileName(what, sessionId, format), mediaType: EXPORT_MEDIA_TYPES[format], base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), bytes: bytes.byteLength };
}

/** The improvement plan of a session's AAR: the edited one if there is one, else the generated one. */
function improvementResult(scorecard: Scorecard, edited: readonly ImprovementEdit[] | null): CommandResults['improvements.get'] {
  const report = afterActionReport([scorecard], edited ? { improvementPlan: edited } : {});
  return { sessionId: scorecard.sessionId, items: report.improvementPlan, edited: edited !== null };
}
