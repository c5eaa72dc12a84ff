import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandParamsInput } from '../../engine/protocol/index.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import type { RoleDefault } from '../../engine/simulate/team-defaults.js';
import type { LocatedError } from '../../engine/validate/located-error.js';
import { CommandError, type SessionClient } from '../client/session-client.js';
import { useClient } from '../app/app-context.js';

// The stress test's settings and its run, kept per connection rather than in the view: a run
// goes on while the person looks at another view, and its progress or its report is there when
// they come back. Leaving the view is not asking to stop; Cancel is.

/** The knobs of the form: what most questions turn (people, on-call delay, one what-if), the rest is the default model. */
export interface StressKnobs {
  /** People per role; blank: the default (as many as the exemplary response keeps busy). */
  people: Record<string, string>;
  /** Minutes before a role's people are there once first needed; blank: at once. */
  onCallMinutes: Record<string, string>;
  /** A detection channel switched off ('' for none). */
  channelOff: string;
  runs: string;
  seed: string;
}

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = 1;

export type StressRun =
  | { state: 'idle' }
  /** startedAt: wall-clock milliseconds when it was asked for, for the time left. */
  | { state: 'running'; simulationId: string; done: number; total: number; startedAt: number }
  /**
   * notes: the model's settings that change nothing in this scenario, located in the file chosen;
   * model: the model's text as sent (none for the default model), which names the saved report.
   */
  | { state: 'done'; report: SimulationReport; notes: string[]; model?: string }
  | { state: 'cancelled' }
  | { state: 'failed'; message: string; details: string[] };

export interface StressState {
  scenarioId: string;
  knobs: StressKnobs;
  /** A response model file (firedrill-model/1) chosen instead of the knobs. */
  modelFile: { name: string; text: string } | null;
  run: StressRun;
  /**
   * The run finished before the current one (its report and the model text sent): what the next
   * report is compared with, and what is shown while a run goes on or after it was cancelled or failed.
   */
  previous: { report: SimulationReport; model?: string } | null;
  /** Per scenario, the team its blank knobs stand for (simulate.defaults), asked once. */
  teamDefaults: Record<string, RoleDefault[]>;
  /**
   * A report saved earlier and opened from its file: shown instead of the runs' reports until it
   * is closed or a run starts (it is no run of this form, and is never compared with one).
   */
  opened: { fileName: string; report: SimulationReport } | null;
}

type StressStore = StoreApi<StressState>;

const stores = new WeakMap<SessionClient, StressStore>();

function storeOf(client: SessionClient): StressStore {
  let store = stores.get(client);
  if (store) return store;
  const created = createStore<StressState>(() => ({
    scenarioId: '',
    knobs: { people: {}, onCallMinutes: {}, channelOff: '', runs: String(DEFAULT_RUNS), seed: String(DEFAULT_SEED) },
    modelFile: null,
    run: { state: 'idle' },
    previous: null,
    teamDefaults: {},
    opened: null,
  }));
  // Listened to for as long as the connection lives, so progress is counted while the view is away.
  client.on('simulation.progress', ({ simulationId, done, total }) => {
    const { run } = created.getState();
    if (run.state === 'running' && run.simulationId === simulationId) created.setState({ run: { ...run, done, total } });
  });
  // A lost connection stops the host's simulation (it stops what a closed connection started)
  // and its answer never comes: the run is over, and Run is given back.
  client.onConnection((connection) => {
    if (connection === 'lost' && created.getState().run.state === 'running') {
      created.setState({ run: { state: 'failed', message: 'the connection to Firedrill was lost mid-way, which stops the simulation; run it again once the connection is back', details: [] } });
    }
  });
  stores.set(client, created);
  store = created;
  return store;
}

const newSimulationId = () => `stress-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * About how long a run has left, in words, from its pace so far; null until a few seconds of it
 * have gone by (the first blocks carry the workers' start, and would promise too much or too little).
 */
export function timeLeftText(run: { done: number; total: number; startedAt: number }, now: number): string | null {
  const elapsed = now - run.startedAt;
  if (run.done <= 0 || run.done >= run.total || elapsed < 3_000) return null;
  const left = (elapsed / run.done) * (run.total - run.done);
  if (left < 60_000) return 'less than a minute left';
  const minutes = Math.round(left / 60_000);
  return minutes < 90 ? `about ${minutes} min left` : `about ${Math.round(minutes / 60)} h left`;
}

/** Starts a simulation; its answer lands in the store whether or not the view is still there. */
async function startRun(client: SessionClient, store: StressStore, params: Omit<CommandParamsInput<'simulate.start'>, 'simulationId'>, located: (error: LocatedError) => string) {
  const simulationId = newSimulationId();
  // The last finished report stays the one to compare with, whatever becomes of this run.
  const { run: before } = store.getState();
  if (before.state === 'done') store.setState({ previous: { report: before.report, ...(before.model === undefined ? {} : { model: before.model }) } });
  const current = () => { const { run } = store.getState(); return run.state === 'running' && run.simulationId === simulationId; };
  store.setState({ run: { state: 'running', simulationId, done: 0, total: params.runs, startedAt: Date.now() }, opened: null });
  try {
    const { report, notes } = await client.send('simulate.start', { ...params, simulationId });
    if (current()) store.setState({ run: { state: 'done', report, notes: notes.map(located), ...(params.model === undefined ? {} : { model: params.model }) } });
  } catch (error) {
    if (!current()) return;
    if (error instanceof CommandError && error.code === 'cancelled') store.setState({ run: { state: 'cancelled' } });
    else store.setState({ run: { state: 'failed', message: (error as Error).message, details: error instanceof CommandError ? error.errors.map(located) : [] } });
  }
}

function cancelRun(client: SessionClient, store: StressStore) {
  const { run } = store.getState();
  if (run.state === 'running') void client.send('simulate.cancel', { simulationId: run.simulationId }).catch(() => {});
}

/**
 * The default model's team for a scenario (simulate.defaults, worked out by the host), once per
 * scenario and connection; undefined until it comes, or if it cannot (the blanks then say nothing).
 */
export function useTeamDefaults(scenarioId: string | undefined): Record<string, RoleDefault> | undefined {
  const client = useClient();
  const store = storeOf(client);
  const defaults = useStore(store, (state) => (scenarioId ? state.teamDefaults[scenarioId] : undefined));
  useEffect(() => {
    if (!scenarioId || defaults) return;
    void client.send('simulate.defaults', { scenarioId }).then(({ roles }) => {
      store.setState((state) => ({ teamDefaults: { ...state.teamDefaults, [scenarioId]: roles } }));
    }, () => {});
  }, [client, store, scenarioId, defaults]);
  return defaults && Object.fromEntries(defaults.map((d) => [d.role, d]));
}

/** The stress test's state for this connection, and what changes it. */
export function useStressTest() {
  const client = useClient();
  const store = storeOf(client);
  const state = useStore(store);
  return {
    ...state,
    set: (change: Partial<Omit<StressState, 'run' | 'previous' | 'teamDefaults' | 'opened'>> | ((state: StressState) => Partial<Omit<StressState, 'run' | 'previous' | 'teamDefaults' | 'opened'>>)) => store.setState(change),
    /** Shows a saved report (null: closes it, and the runs' reports are back). */
    setOpened: (opened: StressState['opened']) => store.setState({ opened }),
    setRun: (run: StressRun) => store.setState({ run }),
    start: (params: Omit<CommandParamsInput<'simulate.start'>, 'simulationId'>, located: (error: LocatedError) => string) => startRun(client, store, params, located),
    cancel: () => cancelRun(client, store),
  };
}
