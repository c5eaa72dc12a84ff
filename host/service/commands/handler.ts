import type { CommandParams, CommandResults, CommandType } from '../../../engine/protocol/index.js';
import type { ClientSessions } from '../connection.js';
import type { FiredrillHost } from '../firedrill-host.js';

/** Runs one validated command on the host's services, for one client. Throws what the services throw. */
export type Handler<T extends CommandType> = (host: FiredrillHost, params: CommandParams<T>, client: ClientSessions) => CommandResults[T] | Promise<CommandResults[T]>;

/** The handlers of a set of commands, one per command. */
export type HandlerTable<T extends CommandType> = { [K in T]: Handler<K> };
