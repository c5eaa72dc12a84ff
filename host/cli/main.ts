import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './io.js';
import {
  aarUsage, coverageUsage, historyUsage, listUsage, mselExportUsage, mselHelp, mselImportUsage, packExportUsage, packHelp, packImportUsage, replayUsage, reportUsage, runUsage, schemaUsage,
  serveUsage, simulateHelp, simulateUsage, validateUsage,
} from './usage.js';

/** Each command's usage, for `firedrill <command> --help` and `firedrill help <command>`. */
const USAGE = `firedrill: tabletop exercises and drills of cloud incident response

usage:
  ${validateUsage}
  ${listUsage}
  ${runUsage}
  ${replayUsage}
  ${reportUsage}
  ${aarUsage}
  ${historyUsage}
  ${coverageUsage}
  ${simulateUsage}
  ${mselImportUsage}
  ${mselExportUsage}
  ${packExportUsage}
  ${packImportUsage}
  ${schemaUsage}
  ${serveUsage}
  firedrill help [command]          (or firedrill <command> --help)
`;

/** Each command's usage, for `firedrill <command> --help`. */
const COMMAND_USAGE: Record<string, string> = {
  validate: validateUsage,
  list: listUsage,
  run: runUsage,
  replay: replayUsage,
  report: reportUsage,
  aar: aarUsage,
  history: historyUsage,
  coverage: coverageUsage,
  simulate: `${simulateUsage}\n${simulateHelp}`,
  msel: `${mselImportUsage}\n  ${mselExportUsage}\n${mselHelp}`,
  pack: `${packExportUsage}\n  ${packImportUsage}\n${packHelp}`,
  schema: schemaUsage,
  serve: serveUsage,
};

/** Runs one command line; returns the exit code. Never throws for a user mistake. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // --help anywhere after a command asks for that command's usage, before its options are read.
  const about = command === 'help' ? rest[0] : command;
  if (about !== undefined && Object.hasOwn(COMMAND_USAGE, about) && (command === 'help' || rest.includes('--help') || rest.includes('-h'))) {
    io.stdout(`usage: ${COMMAND_USAGE[about]}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'validate': {
        const { positionals, values } = parse(rest, { json: { type: 'boolean' } });
        return (await import('./validate.js')).validateCommand(positionals, { json: values.json === true }, io);
      }
      case 'list': {
        const { positionals, values } = parse(rest, { json: { type: 'boolean' } });
        return (await import('./list.js')).listCommand(positionals, { json: values.json === true }, io);
      }
      case 'run': {
        const { positionals, values } = parse(rest, { plan: { type: 'string' }, script: { type: 'string' }, journal: { type: 'string' }, format: { type: 'string' } });
        if (positionals.length !== 1) throw new UsageError('run needs one scenario (a file, or a bundled scenario id)');
        const { runCommand, parseFormat } = await import('./run.js');
        return runCommand(positionals[0]!, {
          ...(values.plan !== undefined ? { plan: values.plan as string } : {}),
          ...(values.script !== undefined ? { script: values.script as string } : {}),
          ...(values.journal !== undefined ? { journal: values.journal as string } : {}),
          format: parseFormat(values.format as string | undefined),
        }, io);
      }
      case 'replay': {
        const { positionals, values } = parse(rest, { scenario: { type: 'string' }, plan: { type: 'string' }, format: { type: 'string' }, 'data-dir': { type: 'string' } });
        if (positionals.length !== 1) throw new UsageError('replay needs one journal file');
        const { replayCommand, parseFormat } = await import('./run.js');
        return replayCommand(positionals[0]!, {
          ...(values.scenario !== undefined ? { scenario: values.scenario as string } : {}),
          ...(values.plan !== undefined ? { plan: values.plan as string } : {}),
          ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] as string } : {}),
          format: parseFormat(values.format as string | undefined),
        }, io);
      }
      case 'report': {
        const { positionals, values } = parse(rest, { ...EXPORT_OPTIONS, paper: { type: 'string' } });
        if (positionals.length !== 1) throw new UsageError('report needs one journal file');
        return (await import('./report.js')).reportCommand(positionals[0]!, strings(values), io);
      }
      case 'aar': {
        const { positionals, values } = parse(rest, {
          ...EXPORT_OPTIONS, paper: { type: 'string' }, name: { type: 'string' }, dates: { type: 'string' }, location: { type: 'string' }, sponsor: { type: 'string' },
          organisation: { type: 'string' }, participant: { type: 'string', multiple: true }, contact: { type: 'string' },
        });
        const { participant, ...single } = values;
        return (await import('./aar.js')).aarCommand(positionals, { ...strings(single), ...(participant ? { participatingOrganisations: participant as string[] } : {}) }, io);
      }
      case 'history': {
        const { positionals, values } = parse(rest, { plan: { type: 'string' }, scenario: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, 'data-dir': { type: 'string' } });
        if (positionals.length > 0) throw new UsageError(`history takes no arguments (got "${positionals[0]}")`);
        return (await import('./history.js')).historyCommand(strings(values), io);
      }
      case 'coverage': {
        const { positionals, values } = parse(rest, { format: { type: 'string' }, out: { type: 'string' }, 'data-dir': { type: 'string' } });
        if (positionals.length > 0) throw new UsageError(`coverage takes no arguments (got "${positionals[0]}")`);
        return (await import('./coverage.js')).coverageCommand(strings(values), io);
      }
      case 'simulate': {
        const { positionals, values } = parse(rest, {
          plan: { type: 'string' }, script: { type: 'string' }, model: { type: 'string' }, compare: { type: 'string' }, runs: { type: 'string' },
          seed: { type: 'string' }, workers: { type: 'string' }, format: { type: 'string' }, paper: { type: 'string' }, out: { type: 'string' },
        });
        if (positionals.length !== 1) throw new UsageError('simulate needs one scenario (a file, or a bundled scenario id)');
        // Awaited here, so a usage mistake found inside the command is caught below.
        return await (await import('./simulate.js')).simulateCommand(positionals[0]!, strings(values), io);
      }
      case 'msel': {
        const [verb, ...args] = rest;
        if (verb === 'import') {
          const { positionals, values } = parse(args, {
            plan: { type: 'string' }, map: { type: 'string' }, out: { type: 'string' }, into: { type: 'string' }, sheet: { type: 'string' }, start: { type: 'string' },
            tz: { type: 'string' }, id: { type: 'string' }, title: { type: 'string' }, threat: { type: 'string' }, 'data-dir': { type: 'string' },
          });
          if (positionals.length !== 1) throw new UsageError('msel import needs one spreadsheet (.csv or .xlsx)');
          return await (await import('./msel.js')).mselImportCommand(positionals[0]!, strings(values), io);
        }
        if (verb === 'export') {
          const { positionals, values } = parse(args, { format: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' }, paper: { type: 'string' }, 'data-dir': { type: 'string' } });
          if (positionals.length !== 1) throw new UsageError('msel export needs one scenario (an id, or a scenario file)');
          return await (await import('./msel.js')).mselExportCommand(positionals[0]!, strings(values), io);
        }
        throw new UsageError(verb === undefined ? 'msel needs import or export' : `unknown msel command "${verb}": use import or export`);
      }
      case 'pack': {
        const [verb, ...args] = rest;
        if (verb === 'export') {
          const { positionals, values } = parse(args, { exercise: { type: 'string' }, out: { type: 'string' }, 'data-dir': { type: 'string' } });
          return (await import('./pack.js')).packExportCommand(positionals, strings(values), io);
        }
        if (verb === 'import') {
          const { positionals, values } = parse(args, { 'as-new-version': { type: 'boolean' }, 'data-dir': { type: 'string' } });
          if (positionals.length !== 1) throw new UsageError('pack import needs one pack file (.firedrill)');
          return (await import('./pack.js')).packImportCommand(positionals[0]!, { ...strings(values), asNewVersion: values['as-new-version'] === true }, io);
        }
        throw new UsageError(verb === undefined ? 'pack needs export or import' : `unknown pack command "${verb}": use export or import`);
      }
      case 'schema': {
        const { positionals } = parse(rest, {});
        if (positionals.length !== 1) throw new UsageError('schema needs one folder to write to');
        return (await import('./schema.js')).schemaCommand(positionals[0]!, io);
      }
      case 'serve': {
        const { positionals, values } = parse(rest, {
          port: { type: 'string' }, 'data-dir': { type: 'string' },
          lan: { type: 'boolean' }, interface: { type: 'string' }, 'lan-port': { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' },
        });
        if (positionals.length > 0) throw new UsageError(`serve takes no arguments (got "${positionals[0]}")`);
        const { parsePort, parseLanOptions } = await import('./serve.js');
        const port = parsePort(values.port as string | undefined);
        const lan = parseLanOptions(values as Record<string, string | boolean | undefined>);
        return (await import('./serve.js')).serveCommand({ ...(port !== undefined ? { port } : {}), ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] as string } : {}), ...lan }, io);
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
      // The command's own usage lines (not its help), short enough that the error above them stays on the screen.
      const known = command !== undefined && Object.hasOwn(COMMAND_USAGE, command);
      io.stderr(`firedrill: ${error.message}\n\n${known ? `usage: ${COMMAND_USAGE[command]!.split('\n\n')[0]}\n(firedrill ${command} --help says more; firedrill help lists every command)\n` : USAGE}`);
      return 2;
    }
    throw error;
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** The options of report and aar: the export format and file, and where the scenario and plan come from. */
const EXPORT_OPTIONS = {
  format: { type: 'string' }, out: { type: 'string' }, scenario: { type: 'string' }, plan: { type: 'string' }, 'data-dir': { type: 'string' },
} as const;

/** String options given, by camel-case name (--data-dir as dataDir). */
function strings(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, value]) => [key.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), value]));
}

function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args: negativeValuesJoined(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * `--seed -1` as `--seed=-1`: parseArgs takes a value that starts with a dash for an option and
 * refuses it in three lines, where the user meant a (wrong) number the command checks in one.
 */
function negativeValuesJoined(args: string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...joined, ...args.slice(i)];
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options?.[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}
