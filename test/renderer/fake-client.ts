// A SessionClient for component tests: the real engine (bundled plan and scenarios, Session,
// sessionView, scoreSession) in memory, with no transport. Time moves only when a test says so.
import type { CommandParamsInput, CommandResult, CommandType, ServerEvents } from '../../engine/protocol/index.js';
import { sessionView } from '../../engine/protocol/view.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { afterActionReport } from '../../engine/report/aar.js';
import { drillHistory, drillOf } from '../../engine/report/drill-history.js';
import { EXPORT_MEDIA_TYPES, exportFileName, type ExportFormat } from '../../engine/report/export-formats.js';
import type { ImprovementEdit } from '../../engine/report/improvement-plan.js';
import { Session } from '../../engine/session/session.js';
import { EXEMPLARY_SCRIPT } from '../../engine/simulate/exemplary-script.js';
import { teamDefaults } from '../../engine/simulate/team-defaults.js';
import { type SessionStarted } from '../../engine/session/journal.js';
import { parseJournal } from '../../engine/session/journal-reader.js';
import { CommandError, type ConnectionState, type SessionClient } from '../../renderer/client/session-client.js';
import { bundledLibrary, iso, WALL0 } from '../helpers/world.js';

type Handler = (params: never) => unknown;

export interface FakeClient extends SessionClient {
  calls: { type: CommandType; params: unknown }[];
  session(): Session;
  /** Moves the open session's simulated clock and pushes the view, as the server does. */
  advance(ms: number): void;
  /** The transport's connection changes, as a socket's would. */
  connection(state: ConnectionState): void;
  /** Pushes a server event to the listeners, as the host does (a simulation's progress). */
  emit<E extends keyof ServerEvents>(event: E, payload: ServerEvents[E]): void;
  /** Answers a command differently (a refusal, an import error). */
  override<T extends CommandType>(type: T, handler: (params: CommandParamsInput<T>) => CommandResult<T> | Promise<CommandResult<T>>): void;
}

export function fakeClient(): FakeClient {
  const library = bundledLibrary();
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const calls: FakeClient['calls'] = [];
  let session: Session | undefined;
  let edited: ImprovementEdit[] | null = null;
  let sessionName: string | undefined;
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const exportedFile = (what: 'scorecard' | 'aar', format: ExportFormat) => {
    const base64 = btoa(format);
    return { fileName: exportFileName(what, 'fake-session', format), mediaType: EXPORT_MEDIA_TYPES[format], base64, bytes: format.length };
  };
  const push = () => {
    const view = sessionView(session!);
    for (const listener of listeners.get('session.update') ?? []) (listener as (p: ServerEvents['session.update']) => void)({ sessionId: view.sessionId, view });
  };
  const record = (actor: string, input: Parameters<Session['record']>[0]) => {
    const refused = session!.check(input, actor);
    if (refused) throw new CommandError({ code: 'refused', message: refused });
    const entry = session!.record(input, { simTime: session!.now, wallTime: iso(WALL0 + session!.now), actor });
    return { entry, view: sessionView(session!) };
  };
  const handlers: Partial<Record<CommandType, Handler>> = {
    'library.list': () => ({
      plans: [...library.plans.values()].map(({ plan }) => ({ id: plan.id, title: plan.title, version: plan.version, source: 'bundled', file: `${plan.id}.plan.yaml` })),
      scenarios: [...library.scenarios.values()].map(({ scenario: s }) => ({
        id: s.id, title: s.title, summary: s.summary, plan: s.plan, threat: s.threat, expectedSeverity: s.expectedSeverity, providers: s.providers,
        attack: s.attack, difficulty: s.difficulty, estimatedMinutes: s.estimatedDuration / 60_000, scripts: [...(library.scripts.get(s.id)?.keys() ?? [])].sort(), source: 'bundled', file: `${s.id}.scenario.yaml`,
      })).sort((a, b) => a.id.localeCompare(b.id)),
      problems: [],
    }),
    // As the host answers it: the default model's team, from the scenario's exemplary script.
    'simulate.defaults': (params: CommandParamsInput<'simulate.defaults'>) => {
      const scenario = library.scenarios.get(params.scenarioId)?.scenario;
      const script = library.scripts.get(params.scenarioId)?.get(EXEMPLARY_SCRIPT)?.script;
      if (!scenario || !script) throw new CommandError({ code: 'not-found', message: `no exemplary script for ${params.scenarioId}` });
      return { scenarioId: scenario.id, roles: teamDefaults({ plan: library.plans.get(scenario.plan)!.plan, scenario, script }) };
    },
    'library.show': (params: CommandParamsInput<'library.show'>) => {
      const document = params.kind === 'plan' ? library.plans.get(params.id)?.plan : library.scenarios.get(params.id)?.scenario;
      if (!document) throw new CommandError({ code: 'not-found', message: `no ${params.kind} ${params.id}` });
      return { kind: params.kind, id: params.id, source: 'bundled', file: `${params.id}.yaml`, document };
    },
    'session.create': (params: CommandParamsInput<'session.create'>) => {
      const scenario = library.scenarios.get(params.scenarioId)!.scenario;
      const plan = library.plans.get(params.planId ?? scenario.plan)!.plan;
      sessionName = params.name;
      session = Session.start({ plan, scenario, sessionId: 'fake-session', mode: params.mode, speed: params.speed ?? 1, participants: params.participants ?? {}, wallTime: iso(WALL0) });
      return { sessionId: 'fake-session', view: sessionView(session) };
    },
    'session.open': () => ({ view: sessionView(session!), warnings: [] }),
    'session.close': (params: CommandParamsInput<'session.close'>) => ({ sessionId: params.sessionId }),
    'session.input': (params: CommandParamsInput<'session.input'>) => record(params.actor, params.input as never),
    'clock.pause': () => record('facilitator', { type: 'clock.paused' }),
    'clock.resume': () => record('facilitator', { type: 'clock.resumed' }),
    'clock.speed': (params: CommandParamsInput<'clock.speed'>) => record('facilitator', { type: 'clock.speed', speed: params.speed }),
    // As the driver does: the clock lands on the next stop (an inject, a decision, a deadline), journaled as a jump.
    'clock.jump': () => {
      const next = session!.nextStop();
      if (!next) throw new CommandError({ code: 'refused', message: 'nothing is scheduled ahead' });
      const entry = session!.record({ type: 'clock.jumped', from: session!.now }, { simTime: next.dueAt, wallTime: iso(WALL0 + next.dueAt), actor: 'facilitator' });
      return { entry, view: sessionView(session!) };
    },
    'session.end': (params: CommandParamsInput<'session.end'>) => record('facilitator', { type: 'session.ended', reason: params.reason }),
    'scorecard.get': () => ({ scorecard: scoreSession(session!) }),
    // A journal replayed against the bundled library becomes the session; damaged lines are refused, located.
    'session.import': (params: CommandParamsInput<'session.import'>) => {
      const { entries, errors } = parseJournal(params.text);
      if (errors.length > 0) {
        throw new CommandError({
          code: 'corrupt',
          message: `${params.fileName} is damaged: line ${errors[0]!.line}: ${errors[0]!.message}; nothing was imported`,
          errors: errors.map((error) => ({ file: params.fileName, line: error.line, column: 1, path: '', message: error.message })),
        });
      }
      const started = entries[0] as SessionStarted;
      const scenario = library.scenarios.get(started.scenarioId)?.scenario;
      const plan = library.plans.get(started.planId)?.plan;
      if (!scenario || !plan) throw new CommandError({ code: 'not-found', message: `scenario "${started.scenarioId}" is not in the library: import the scenario file first, then the journal` });
      session = Session.replay(entries, plan, scenario);
      const summary = { id: started.sessionId, scenarioId: started.scenarioId, planId: started.planId, mode: started.mode, startedAt: started.wallTime, entries: entries.length, ended: !!session.context.ended, archived: false };
      return { sessionId: started.sessionId, summary };
    },
    // As the session index says it: the journal's state (paused when its clock is), name, people and score.
    'session.list': () => ({
      sessions: session
        ? [{
            id: session.started.sessionId, name: sessionName ?? `${session.started.scenarioId} · ${iso(WALL0).slice(0, 10)}`, scenarioId: session.started.scenarioId,
            planId: session.started.planId, mode: session.started.mode, participants: session.started.participants, startedAt: iso(WALL0),
            entries: session.journal.length, state: session.context.ended ? 'ended' : session.context.paused ? 'paused' : 'running', ended: !!session.context.ended,
            simTime: session.now, score: session.context.ended ? scoreSession(session).overallScore : null, integrity: { status: 'verified' }, archived: false,
          }]
        : [],
    }),
    'session.rename': (params: CommandParamsInput<'session.rename'>) => {
      const { entry } = record('facilitator', { type: 'session.renamed', name: params.name });
      sessionName = params.name;
      return { sessionId: params.sessionId, name: params.name, entry };
    },
    // The export's bytes are the format's name: the tests check which file was asked for and saved.
    'export.scorecard': (params: CommandParamsInput<'export.scorecard'>) => exportedFile('scorecard', params.format),
    'export.aar': (params: CommandParamsInput<'export.aar'>) => exportedFile('aar', params.format),
    'improvements.get': () => ({ sessionId: 'fake-session', items: afterActionReport([scoreSession(session!)], edited ? { improvementPlan: edited } : {}).improvementPlan, edited: edited !== null }),
    'improvements.save': (params: CommandParamsInput<'improvements.save'>) => {
      edited = params.items ?? null;
      return { sessionId: 'fake-session', items: afterActionReport([scoreSession(session!)], edited ? { improvementPlan: edited } : {}).improvementPlan, edited: edited !== null };
    },
    'history.get': () => ({ history: drillHistory(session?.context.ended ? [drillOf(scoreSession(session))] : []), skipped: [], running: session && !session.context.ended ? 1 : 0, excluded: [] }),
  };
  return {
    calls,
    session: () => session!,
    advance(ms) {
      session!.advanceTo(session!.now + ms);
      push();
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    override(type, handler) {
      handlers[type] = handler as Handler;
    },
    async send<T extends CommandType>(type: T, params: CommandParamsInput<T>) {
      calls.push({ type, params });
      const handler = handlers[type];
      if (!handler) throw new CommandError({ code: 'unknown-command', message: `the fake client has no ${type}` });
      return (await handler(params as never)) as CommandResult<T>;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => void set.delete(listener as (payload: never) => void);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => void connectionListeners.delete(listener);
    },
    connection(state) {
      connectionListeners.forEach((listener) => listener(state));
    },
    close() {},
  };
}
