import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './io.js';
import { validateCommand, validateUsage } from './validate.js';
import { listCommand, listUsage } from './list.js';
import { schemaCommand, schemaUsage } from './schema.js';
import { parseFormat, replayCommand, replayUsage, runCommand, runUsage } from './run.js';

const USAGE = `firedrill: tabletop exercises and drills of cloud incident response

usage:
  ${validateUsage}
  ${listUsage}
  ${runUsage}
  ${replayUsage}
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
      case 'run': {
        const { positionals, values } = parse(rest, { plan: { type: 'string' }, script: { type: 'string' }, journal: { type: 'string' }, format: { type: 'string' } });
        if (positionals.length !== 1) throw new UsageError('run needs one scenario (a file, or a bundled scenario id)');
        return runCommand(positionals[0]!, {
          ...(values.plan !== undefined ? { plan: values.plan as string } : {}),
          ...(values.script !== undefined ? { script: values.script as string } : {}),
          ...(values.journal !== undefined ? { journal: values.journal as string } : {}),
          format: parseFormat(values.format as string | undefined),
        }, io);
      }
      case 'replay': {
        const { positionals, values } = parse(rest, { scenario: { type: 'string' }, plan: { type: 'string' }, format: { type: 'string' } });
        if (positionals.length !== 1) throw new UsageError('replay needs one journal file');
        return replayCommand(positionals[0]!, {
          ...(values.scenario !== undefined ? { scenario: values.scenario as string } : {}),
          ...(values.plan !== undefined ? { plan: values.plan as string } : {}),
          format: parseFormat(values.format as string | undefined),
        }, io);
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
