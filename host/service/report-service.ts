import type { CommandParams, CommandResults } from '../../engine/protocol/index.js';
import type { ExportedFile } from '../../engine/protocol/results.js';
import { scoreSession } from '../../engine/scoring/score.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { afterActionReport } from '../../engine/report/aar.js';
import type { ImprovementEdit } from '../../engine/report/improvement-plan.js';
import { drillHistory } from '../../engine/report/drill-history.js';
import { EXPORT_MEDIA_TYPES, exportFileName, type ExportFormat } from '../../engine/report/export-formats.js';
import { exportAar } from '../export/aar-export.js';
import { exportScorecard } from '../export/scorecard-export.js';
import { collectDrills, sessionFiles } from '../history/collect-drills.js';
import { ImprovementStore } from '../storage/improvement-store.js';
import { CommandFailure } from './command-failure.js';
import type { LibraryService } from './library-service.js';
import type { SessionService } from './session-service.js';

/**
 * What a host makes of sessions once played: scorecards, exports, the improvement plan of the
 * after-action report, and the history of every drill in the data folder.
 */
export class ReportService {
  private readonly improvements: ImprovementStore;

  constructor(
    private readonly dataDir: string,
    private readonly sessions: SessionService,
    private readonly library: LibraryService,
  ) {
    this.improvements = new ImprovementStore(dataDir);
  }

  scorecard(sessionId: string): CommandResults['scorecard.get'] {
    return { scorecard: scoreSession(this.sessions.read(sessionId)) };
  }

  async exportScorecard(params: CommandParams<'export.scorecard'>): Promise<ExportedFile> {
    const { scorecard } = this.scorecard(params.sessionId);
    return exported('scorecard', params.sessionId, params.format, await exportScorecard(scorecard, params.format, { paper: params.paper }));
  }

  async exportAar(params: CommandParams<'export.aar'>): Promise<ExportedFile> {
    const { scorecard } = this.scorecard(params.sessionId);
    const edited = this.improvements.read(params.sessionId);
    const { sessionId, format, paper, ...names } = params;
    const bytes = await exportAar([scorecard], format, { paper, ...names, ...(edited ? { improvementPlan: edited } : {}) });
    return exported('aar', sessionId, format, bytes);
  }

  improvementPlan(sessionId: string): CommandResults['improvements.get'] {
    return improvementResult(this.scorecard(sessionId).scorecard, this.improvements.read(sessionId));
  }

  saveImprovementPlan(params: CommandParams<'improvements.save'>): CommandResults['improvements.save'] {
    const { scorecard } = this.scorecard(params.sessionId);
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

  /** Every ended drill in the data folder (active and archived), replayed and scored. */
  history(params: CommandParams<'history.get'>): CommandResults['history.get'] {
    const filter = { ...(params.planId ? { plan: params.planId } : {}), ...(params.scenarioId ? { scenario: params.scenarioId } : {}) };
    const collected = collectDrills(sessionFiles(this.dataDir), [() => this.library.library().library], filter);
    return { history: drillHistory(collected.drills, filter), skipped: collected.skipped, running: collected.running.length };
  }
}

function exported(what: 'scorecard' | 'aar', sessionId: string, format: ExportFormat, bytes: Buffer): ExportedFile {
  return { fileName: exportFileName(what, sessionId, format), mediaType: EXPORT_MEDIA_TYPES[format], base64: bytes.toString('base64'), bytes: bytes.length };
}

/** The improvement plan of a session's AAR: the edited one if there is one, else the generated one. */
function improvementResult(scorecard: Scorecard, edited: readonly ImprovementEdit[] | null): CommandResults['improvements.get'] {
  const report = afterActionReport([scorecard], edited ? { improvementPlan: edited } : {});
  return { sessionId: scorecard.sessionId, items: report.improvementPlan, edited: edited !== null };
}
