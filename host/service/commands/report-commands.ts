import type { HandlerTable } from './handler.js';

export const reportCommands: HandlerTable<'scorecard.get' | 'export.scorecard' | 'export.aar' | 'improvements.get' | 'improvements.save' | 'history.get'> = {
  'scorecard.get': (host, { sessionId }) => host.reports.scorecard(sessionId),
  'export.scorecard': (host, params) => host.reports.exportScorecard(params),
  'export.aar': (host, params) => host.reports.exportAar(params),
  'improvements.get': (host, { sessionId }) => host.reports.improvementPlan(sessionId),
  'improvements.save': (host, params) => host.reports.saveImprovementPlan(params),
  'history.get': (host, params) => host.reports.history(params),
};
