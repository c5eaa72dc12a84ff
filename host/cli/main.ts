import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './io.js';
import { validateCommand, validateUsage } from './validate.js';
import { listCommand, listUsage } from './list.js';
import { schemaCommand, schemaUsage } from './schema.js';

const USAGE = `firedrill: tabletop exercises and drills of cloud incident response

usage:
  ${validateUsage}
  ${listUsage}
  ${schemaUsage}
  firedrill help
`;

/** Runs one command line; returns the exit code. Never throws for a user mistake. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': {
        const { positionals, values } = parse(rest, { json: { type: 'boolean' } });
        return validateCommand(positionals, { json: values.json === true }, io);
      }
      case 'list': {
        const { positionals, values } = parse(rest, { json: { type: 'boolean' } });
        return listCommand(positionals, { json: values.json === true }, io);
      }
      case 'schema': {
        const { positionals } = parse(rest, {});
        if (positionals.length !== 1) throw new UsageError('schema needs one folder to write to');
        return schemaCommand(positionals[0]!, io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`firedrill: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
