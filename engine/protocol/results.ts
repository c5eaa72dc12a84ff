import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { JournalEntry, SessionStarted } from '../session/journal.js';
import type { JournalIntegrity } from '../session/journal-chain.js';
import type { ImprovementItem } from '../report/aar.js';
import type { Drill, DrillHistory } from '../report/drill-history.js';
import type { Coverage } from '../report/coverage.js';
import type { SimulationReport } from '../simulate/report.js';
import type { RoleDefault } from '../simulate/team-defaults.js';
import type { Scorecard } from '../scoring/scorecard.js';
import type { LocatedError } from '../validate/located-error.js';
import type { MselRead } from '../msel/import-msel.js';
import type { SessionView } from './view.js';
import type { AudienceView, JoinAdmission, JoinLookup, LanStatus, LobbyView, ParticipantSelf } from './audience.js';

/** Where a library document comes from: shipped with Firedrill, or the user's own folder. */
export type LibrarySource = 'bundled' | 'user';

export interface LibraryPlanEntry {
  id: string;
  title: string;
  version: string;
  source: LibrarySource;
  file: string;
}

export interface LibraryScenarioEntry {
  id: string;
  title: string;
  summary: string;
  plan: string;
  threat: string;
  expectedSeverity: number;
  providers: string[];
  /** MITRE ATT&CK technique ids. */
  attack: string[];
  difficulty: string;
  estimatedMinutes: number;
  /** The names of the response scripts it has (a stress test follows the one named "exemplary"). */
  scripts: string[];
  source: LibrarySource;
  file: string;
}

export interface LibraryListing {
  plans: LibraryPlanEntry[];
  scenarios: LibraryScenarioEntry[];
  /** Files in the user's library folder that do not load, located. */
  problems: LocatedError[];
}

export type LibraryDocument =
  | { kind: 'plan'; id: string; source: LibrarySource; file: string; document: Plan }
  | { kind: 'scenario'; id: string; source: LibrarySource; file: string; document: Scenario };

export interface LibraryImported {
  kind: 'plan' | 'scenario';
  id: string;
  /** The file name in the user's library folder. */
  file: string;
  /** The content hash of the imported version (what a journal of a session of it names); the host always sets it. */
  hash?: string;
  /** Imported as a new version: the hash of the version it replaced (the same hash: nothing changed, nothing written). */
  previousHash?: string;
  /** A plan's new version with ids renamed: the user's scenarios written for it, saved as new versions with the new ids. */
  renamedIn?: string[];
}

export interface LibraryRemoved {
  kind: 'plan' | 'scenario';
  id: string;
  /** Where the file went: removed files go to the trash folder, never straight to oblivion. */
  trashedAs: string;
}

/**
 * One stored session, as the session list shows it: from the data folder's session index,
 * which reads each journal once (and then only what was appended), never replaying it but to
 * score an ended session, once.
 */
export interface SessionSummary {
  id: string;
  /** Its name: as given or renamed; for a session that was given none, the scenario's title and the start date. */
  name: string;
  scenarioId: string;
  planId: string;
  mode: SessionStarted['mode'];
  /** Role id -> the person who played it. */
  participants: Record<string, string>;
  /** Wall-clock time the session started (ISO). */
  startedAt: string;
  entries: number;
  /** Running, paused or ended, as its journal says (a session whose page was closed is paused). */
  state: 'running' | 'paused' | 'ended';
  /** Same as state === 'ended'. */
  ended: boolean;
  /** The simulated time reached (ms from T+0): of its last entry, or of its clock if it is open here. */
  simTime: number;
  /** The overall score (0 to 100) of an ended session; null while it runs or when it cannot be scored here. */
  score: number | null;
  /** Whether the journal is what Firedrill recorded (docs/journal.md); `edited` names its first altered line. */
  integrity: JournalIntegrity;
  archived: boolean;
  /** The pid of another live Firedrill that has the session open, if any. */
  openIn?: number;
  /** Why the journal cannot be read, if it cannot. */
  problem?: string;
}

/** A recorded input and the session after it. */
export interface RecordedResult {
  entry: JournalEntry;
  view: SessionView;
}

/** An exported file: its bytes travel as base64 so both transports carry them as JSON. */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  base64: string;
  bytes: number;
}

export interface ImprovementPlanResult {
  sessionId: string;
  items: ImprovementItem[];
  /** True when the facilitator has saved an edited plan; false for the generated one. */
  edited: boolean;
}

export interface HistoryResult {
  history: DrillHistory;
  /** Journals that could not be read, and why. */
  skipped: { file: string; reason: string }[];
  /** Sessions still running: not drills yet. */
  running: number;
  /** Drills whose journals were written before entries were chained: their integrity cannot be checked. */
  unverified: number;
  /** Drills left out of the figures (history.label): still listed, with their labels. */
  excluded: Drill[];
}

/** A drill's label and whether it counts in the history's figures. */
export interface DrillLabel {
  sessionId: string;
  label: string | null;
  excluded: boolean;
}

export interface CoverageResult {
  coverage: Coverage;
  /** The ATT&CK Navigator layer of the techniques (layer format 4.5, domain enterprise-attack), to save as JSON. */
  navigatorLayer: Record<string, unknown>;
  /** Journals that could not be read, and why: not counted, and said so. */
  skipped: { file: string; reason: string }[];
  /** How many drills are left out because they are excluded in the History. */
  excluded: number;
}

/** What each command answers. */
export interface CommandResults {
  'library.list': LibraryListing;
  'library.show': LibraryDocument;
  'library.import': LibraryImported;
  'library.remove': LibraryRemoved;
  'session.create': { sessionId: string; view: SessionView };
  /** The imported session, ended and stored: it is in the session list, the history and has a debrief. */
  'session.import': { sessionId: string; summary: SessionSummary };
  'session.list': { sessions: SessionSummary[] };
  /** Warnings are shown once: a torn last line set aside, for example. */
  'session.open': { view: SessionView; warnings: string[] };
  'session.close': { sessionId: string };
  'session.input': RecordedResult;
  'clock.pause': RecordedResult;
  'clock.resume': RecordedResult;
  'clock.jump': RecordedResult;
  'clock.speed': RecordedResult;
  'session.end': RecordedResult;
  /** The rename's entry; `view` when the session is open in this host. */
  'session.rename': { sessionId: string; name: string; entry: JournalEntry; view?: SessionView };
  'session.archive': { sessionId: string };
  'session.delete': { sessionId: string; trashedAs: string };
  'scorecard.get': { scorecard: Scorecard };
  'export.scorecard': ExportedFile;
  'export.aar': ExportedFile;
  'improvements.get': ImprovementPlanResult;
  'improvements.save': ImprovementPlanResult;
  'history.get': HistoryResult;
  'history.label': DrillLabel;
  'coverage.get': CoverageResult;
  /** notes: the model's settings that change nothing in this scenario, located (warnings: the run went on). */
  'simulate.start': { simulationId: string; report: SimulationReport; notes: LocatedError[] };
  'simulate.cancel': { simulationId: string; cancelled: boolean };
  /** Per role of the scenario's plan, in its order: the default model's people and on-call delay (minutes). */
  'simulate.defaults': { scenarioId: string; roles: RoleDefault[] };
  'export.simulation': ExportedFile;
  /** The projector's read-only token: the projector page's address carries it instead of the facilitator's. */
  'projector.token': { sessionId: string; token: string };
  'studio.source': { kind: 'plan' | 'scenario'; id: string; source: LibrarySource; file: string; text: string };
  'studio.saveScript': { scenarioId: string; name: string; file: string; steps: number; leftOut: string[] };
  'msel.import': MselImported;
  'msel.export': ExportedFile;
  'pack.import': PackImportedResult;
  'pack.export': ExportedFile & { sessions?: string[]; skipped?: { sessionId: string; reason: string }[] };
  'lan.status': LanStatus;
  'lan.start': LanStatus;
  'lan.stop': LanStatus;
  'lobby.get': LobbyView;
  'lobby.settings': LobbyView;
  /** The approved participant, and the lobby after. */
  'lobby.approve': { lobby: LobbyView; participant: string; entry: JournalEntry };
  'lobby.reject': LobbyView;
  'lobby.assign': { lobby: LobbyView; entry: JournalEntry };
  'lobby.remove': { lobby: LobbyView; entry: JournalEntry };
  'join.lookup': JoinLookup;
  'join.request': JoinAdmission;
  'join.wait': JoinAdmission;
  'join.cancel': { sessionId: string };
  /** The audience's view now; `me` for a participant (null for the projector). */
  'audience.open': { view: AudienceView; me: ParticipantSelf | null };
  'audience.close': { sessionId: string };
  /** The recorded entry; the views it changed come as pushes (audience.update, session.update). */
  'audience.input': { entry: JournalEntry };
  'chat.post': { entry: JournalEntry };
  'draft.send': { entry: JournalEntry };
  'evaluation.rate': { entry: JournalEntry };
  'evaluation.note': { entry: JournalEntry };
}

/** An MSEL sheet read into a draft: every cell it could not read, located; the draft only when there is none. */
export interface MselImported {
  errors: LocatedError[];
  warnings: string[];
  /** The workbook's sheets that hold anything: a choice when there are several. */
  sheets?: string[];
  /** What was read (sheet, header row, each column and the field it was taken for): the column-mapping step shows it. */
  read?: MselRead;
  /** Recipients the sheet names that are no role of the plan, and the plan's roles: the app asks which role each name is. */
  recipients?: { unknown: string[]; roles: { id: string; title: string }[] };
  draft?: { file: string; yaml: string };
}

export interface PackImportedResult {
  kind: 'library' | 'exercise';
  title: string;
  written: { plans: string[]; scenarios: string[]; scripts: string[]; versions: string[]; sessions: string[]; improvements: string[] };
  unchanged: string[];
  warnings: string[];
}
