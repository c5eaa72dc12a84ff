import { useEffect } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import { useAppState, useAppStore, useClient } from './app-context.js';

/** The full plan and scenario documents (library.show), fetched once and kept in the store. */
export function useDocuments(planId: string | undefined, scenarioId: string | undefined): { plan?: Plan; scenario?: Scenario } {
  const client = useClient();
  const store = useAppStore();
  const plan = useAppState((state) => (planId ? state.plans[planId] : undefined));
  const scenario = useAppState((state) => (scenarioId ? state.scenarios[scenarioId] : undefined));
  useEffect(() => {
    if (planId && !plan) {
      void client.send('library.show', { kind: 'plan', id: planId }).then((shown) => {
        if (shown.kind === 'plan') store.getState().putPlan(shown.document);
      }, (error: Error) => store.getState().setProblem(`The plan could not be loaded: ${error.message}`));
    }
  }, [client, store, planId, plan]);
  useEffect(() => {
    if (scenarioId && !scenario) {
      void client.send('library.show', { kind: 'scenario', id: scenarioId }).then((shown) => {
        if (shown.kind === 'scenario') store.getState().putScenario(shown.document);
      }, (error: Error) => store.getState().setProblem(`The scenario could not be loaded: ${error.message}`));
    }
  }, [client, store, scenarioId, scenario]);
  return { plan, scenario };
}
