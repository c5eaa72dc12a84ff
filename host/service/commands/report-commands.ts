import type { HandlerTable } from './handler.js';

export const reportCommands: HandlerTable<'scorecard.get' | 'export.scorecard' | 'export.aar' | 'improvements.get' | 'improvements.save' | 'history.get' | 'history.label' | 'coverage.get' | 'simulate.start' | 'simulate.cancel' | 'simulate.defaults' | 'export.simulation'> = {
  'scorecard.get': (host, { sessionId }) => host.reports.scorecard(sessionId),
  'export.scorecard': (host, params) => host.reports.exportScorecard(params),
  'export.aar': (host, params) => host.reports.exportAar(params),
  'improvements.get': (host, { sessionId }) => host.reports.improvementPlan(sessionId),
  'improvements.save': (host, params) => host.reports.saveImprovementPlan(params),
  'history.get': (host, params) => host.reports.history(params),
  'history.label': (host, params) => host.reports.label(params),
  'coverage.get': (host) => host.reports.coverage(),
  'simulate.start': (host, params, client) => host.simulations.start(params, client),
  'simulate.cancel': (host, { simulationId }, client) => host.simulations.cancel(simulationId, client),
  'simulate.defaults': (host, { scenarioId }) => host.simulations.defaults(scenarioId),
  'export.simulation': (host, params) => host.simulations.exportHtml(params),
};
