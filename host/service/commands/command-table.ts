import type { CommandType } from '../../../engine/protocol/index.js';
import type { HandlerTable } from './handler.js';
import { libraryCommands } from './library-commands.js';
import { reportCommands } from './report-commands.js';
import { sessionCommands } from './session-commands.js';
import { studioCommands } from './studio-commands.js';
import { lanCommands } from './lan-commands.js';

/** Every command of the protocol, by domain; a command missing from every table is a compile error. */
export const commandTable: HandlerTable<CommandType> = { ...libraryCommands, ...sessionCommands, ...reportCommands, ...studioCommands, ...lanCommands };
