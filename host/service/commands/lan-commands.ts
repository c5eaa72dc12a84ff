import { CommandFailure } from '../command-failure.js';
import type { HandlerTable } from './handler.js';

type LanCommand =
  | 'lan.status' | 'lan.start' | 'lan.stop'
  | 'lobby.get' | 'lobby.settings' | 'lobby.approve' | 'lobby.reject' | 'lobby.assign' | 'lobby.remove'
  | 'join.lookup' | 'join.request'
  | 'audience.open' | 'audience.close' | 'audience.input'
  | 'chat.post' | 'draft.send' | 'evaluation.rate' | 'evaluation.note';

const notYet = (type: LanCommand) => () => {
  throw new CommandFailure('refused', `${type} is not available in this build yet`);
};

/** The LAN session's commands (docs/lan.md). */
export const lanCommands: HandlerTable<LanCommand> = {
  'lan.status': notYet('lan.status'),
  'lan.start': notYet('lan.start'),
  'lan.stop': notYet('lan.stop'),
  'lobby.get': notYet('lobby.get'),
  'lobby.settings': notYet('lobby.settings'),
  'lobby.approve': notYet('lobby.approve'),
  'lobby.reject': notYet('lobby.reject'),
  'lobby.assign': notYet('lobby.assign'),
  'lobby.remove': notYet('lobby.remove'),
  'join.lookup': notYet('join.lookup'),
  'join.request': notYet('join.request'),
  'audience.open': notYet('audience.open'),
  'audience.close': notYet('audience.close'),
  'audience.input': notYet('audience.input'),
  'chat.post': notYet('chat.post'),
  'draft.send': notYet('draft.send'),
  'evaluation.rate': notYet('evaluation.rate'),
  'evaluation.note': notYet('evaluation.note'),
};
