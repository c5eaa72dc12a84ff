import type { HandlerTable } from './handler.js';

export const studioCommands: HandlerTable<'studio.source' | 'studio.saveScript' | 'msel.import' | 'msel.export' | 'pack.import' | 'pack.export'> = {
  'studio.source': (host, params) => host.studio.source(params),
  'studio.saveScript': (host, params) => host.studio.saveScript(params),
  'msel.import': (host, params) => host.studio.mselImport(params),
  'msel.export': (host, params) => host.studio.mselExport(params),
  'pack.import': (host, params) => host.studio.packImport(params),
  'pack.export': (host, params) => host.studio.packExport(params),
};
