import { useEffect } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SessionClient } from '../client/session-client.js';
import type { AppStore } from '../store/app-store.js';
import { useAppState, useAppStore, useClient } from './app-context.js';

/** Fetches one library document (library.show) into the store unless it is there already. */
function useDocument(kind: 'plan' | 'scenario', id: string | undefined, loaded: boolean, client: SessionClient, store: AppStore) {
  useEffect(() => {
    if (!id || loaded) return;
    void client.send('library.show', { kind, id }).then((shown) => {
      if (shown.kind === 'plan') store.getState().putPlan(shown.document);
      else store.getState().putScenario(shown.document);
    }, (error: Error) => store.getState().setProblem(`The ${kind} could not be loaded: ${error.message}`));
  }, [client, store, kind, id, loaded]);
}

/** The full plan and scenario documents (library.show), fetched once and kept in the store. */
export function useDocuments(planId: string | undefined, scenarioId: string | undefined): { plan?: Plan; scenario?: Scenario } {
  const client = useClient();
  const store = useAppStore();
  const plan = useAppState((state) => (planId ? state.plans[planId] : undefined));
  const scenario = useAppState((state) => (scenarioId ? state.scenarios[scenarioId] : undefined));
  useDocument('plan', planId, plan !== undefined, client, store);
  useDocument('scenario', scenarioId, scenario !== undefined, client, store);
  return { plan, scenario };
}
