import type { HandlerTable } from './handler.js';

export const libraryCommands: HandlerTable<'library.list' | 'library.show' | 'library.import' | 'library.remove'> = {
  'library.list': (host) => host.library.list(),
  'library.show': (host, { kind, id }) => host.library.show(kind, id),
  'library.import': (host, params) => host.library.import(params),
  'library.remove': (host, { kind, id }) => host.library.remove(kind, id),
};
