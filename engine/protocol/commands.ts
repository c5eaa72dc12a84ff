import { z } from 'zod';
import { idSchema } from '../format/common.js';
import { commandIdSchema, journalInputSchema, sessionNameSchema, speedSchema } from '../session/journal.js';
import { AAR_FORMATS, PAPER_SIZES, SCORECARD_FORMATS } from '../report/export-formats.js';
import { improvementPlanSchema } from '../report/improvement-plan.js';
import { MAX_SEED } from '../stats/random.js';
import { mselMappingSchema } from '../msel/mapping.js';
import type { CommandResults } from './results.js';
import { MAX_IMPORT_BYTES, MAX_MESSAGE_BYTES } from './limits.js';

const sessionRef = { sessionId: idSchema };
/** A drill's label in the history. */
export const MAX_DRILL_LABEL = 80;
/** A response model sent with simulate.start. */
export const MAX_MODEL_BYTES = 32 * 1024;
/** The most runs the app simulates at once (the CLI goes further): enough for any breach probability to a point. */
export const MAX_APP_RUNS = 100_000;
/**
 * A command that records a journal entry may carry the client's id for it: the host records a
 * command id once per session, so a command sent twice (a double click, a retry after a
 * reconnection, even after a restart of the server) gets the entry first recorded and records nothing.
 */
const recorded = { ...sessionRef, commandId: commandIdSchema.optional() };
const documentKind = z.enum(['plan', 'scenario']);
const paperSchema = z.enum(PAPER_SIZES).default('a4');
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** Inputs a client may record directly; the start and the jump have their own commands. */
const liveInputSchema = journalInputSchema.superRefine((input, ctx) => {
  if (input.type === 'session.started') ctx.addIssue({ code: 'custom', path: ['type'], message: 'a session is started with session.create, not as an input' });
  if (input.type === 'clock.jumped') ctx.addIssue({ code: 'custom', path: ['type'], message: 'jump the clock with clock.jump' });
  if (input.type === 'session.renamed') ctx.addIssue({ code: 'custom', path: ['type'], message: 'rename a session with session.rename' });
});

/**
 * Every command of the session protocol and the schema of its params. The WebSocket server
 * and the Electron IPC contract both take exactly this set, so the UI never knows which
 * transport it has.
 */
export const commandParams = {
  'library.list': z.strictObject({}),
  'library.show': z.strictObject({ kind: documentKind, id: idSchema }),
  'library.import': z.strictObject({
    fileName: z.string().min(1).max(200).regex(/^[^/\\]+\.ya?ml$/i, 'a file name (no folders) ending in .yaml or .yml'),
    text: z.string().max(MAX_IMPORT_BYTES),
    /** Save as the new version of a plan or scenario already in the user's library (past drills keep the version they used). */
    asNewVersion: z.boolean().optional(),
  }),
  'library.remove': z.strictObject({ kind: documentKind, id: idSchema }),
  'session.create': z.strictObject({
    scenarioId: idSchema,
    planId: idSchema.optional(),
    mode: z.enum(['facilitated', 'role-play', 'solo']),
    speed: speedSchema.default(1),
    /** Role id -> the person playing it. */
    participants: z.record(idSchema, z.string().trim().min(1).max(200)).default({}),
    /** Shown in the session list; by default the scenario's title and the date. */
    name: sessionNameSchema.optional(),
  }),
  /** A journal exported from another Firedrill (its sessions/<id>.jsonl), stored here as an ended session. */
  'session.import': z.strictObject({
    fileName: z.string().min(1).max(200).regex(/^[^/\\]+\.jsonl$/i, 'a file name (no folders) ending in .jsonl'),
    text: z.string().max(MAX_IMPORT_BYTES),
  }),
  'session.list': z.strictObject({ archived: z.boolean().optional().describe('true: archived only; false: active only; absent: all') }),
  'session.open': z.strictObject(sessionRef),
  'session.close': z.strictObject(sessionRef),
  'session.input': z.strictObject({ ...recorded, actor: idSchema, input: liveInputSchema }),
  'clock.pause': z.strictObject(recorded),
  'clock.resume': z.strictObject(recorded),
  'clock.jump': z.strictObject(recorded),
  'clock.speed': z.strictObject({ ...recorded, speed: speedSchema }),
  'session.end': z.strictObject({ ...recorded, reason: z.string().trim().min(1).max(500).optional() }),
  /** Renames a session (open or not, ended or not): journaled as session.renamed, which changes nothing else. */
  'session.rename': z.strictObject({ ...recorded, name: sessionNameSchema }),
  'session.archive': z.strictObject(sessionRef),
  'session.delete': z.strictObject(sessionRef),
  'scorecard.get': z.strictObject(sessionRef),
  'export.scorecard': z.strictObject({ ...sessionRef, format: z.enum(SCORECARD_FORMATS), paper: paperSchema }),
  'export.aar': z.strictObject({
    ...sessionRef,
    format: z.enum(AAR_FORMATS),
    paper: paperSchema,
    // HSEEP's cover fields; the host fills in what is left out (the name and dates from the sessions).
    name: optionalText(200),
    dates: optionalText(200),
    location: optionalText(200),
    sponsor: optionalText(200),
    organisation: optionalText(200),
    participatingOrganisations: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    pointOfContact: optionalText(200),
  }),
  /** The improvement plan of a session's AAR: as edited, or as generated from its scorecard. */
  'improvements.get': z.strictObject(sessionRef),
  /** Saves the edited improvement plan; null goes back to the generated one. */
  'improvements.save': z.strictObject({ ...sessionRef, items: improvementPlanSchema.nullable() }),
  'history.get': z.strictObject({ planId: idSchema.optional(), scenarioId: idSchema.optional() }),
  /**
   * Labels a drill in the history ("test run", "aborted") and excludes it from the history's
   * figures or takes it back. Kept in the data folder, apart from the journal: a label is the
   * programme's view of a drill, not something that happened in it. null clears the label.
   */
  'history.label': z.strictObject({ sessionId: idSchema, label: z.string().trim().min(1).max(MAX_DRILL_LABEL).nullable().optional(), excluded: z.boolean().optional() }),
  /** The coverage map of the library and of the drills run (ATT&CK, plan actions, roles, duties, CSF 2.0 functions), with its Navigator layer. */
  'coverage.get': z.strictObject({}),
  /**
   * Simulates `runs` drills of a scenario (its exemplary script, a response model) on worker
   * threads and answers with the report when they are done; `simulation.progress` events reach
   * the connection that started it meanwhile. The client names the simulation, so it can cancel
   * it before the answer comes.
   */
  'simulate.start': z.strictObject({
    simulationId: commandIdSchema,
    scenarioId: idSchema,
    planId: idSchema.optional(),
    /** A response model (firedrill-model/1) as YAML or JSON text; none: the default model. */
    model: z.string().max(MAX_MODEL_BYTES).optional(),
    runs: z.number().int().min(1).max(MAX_APP_RUNS),
    seed: z.number().int().min(0).max(MAX_SEED),
  }),
  /** Stops a simulation this connection started: its simulate.start answers `cancelled`. */
  'simulate.cancel': z.strictObject({ simulationId: commandIdSchema }),
  /**
   * A read-only token for the projector of a session open on this connection: a connection that
   * presents it may open and watch that session, nothing more. Served by `firedrill serve`; the
   * desktop app opens the projector in a window of its own instead.
   */
  'projector.token': z.strictObject(sessionRef),
  /** The YAML text of a library plan or scenario as its file holds it (comments and all), for the studio. */
  'studio.source': z.strictObject({ kind: documentKind, id: idSchema }),
  /** Saves a session as a response script of its scenario in the user's library (scripts/<scenario>/<name>). */
  'studio.saveScript': z.strictObject({ ...sessionRef, name: idSchema, description: z.string().trim().min(1).max(500).optional() }),
  /** Reads an MSEL spreadsheet (CSV or XLSX, as base64) into a draft scenario for a plan; nothing is written. */
  'msel.import': z.strictObject({
    fileName: z.string().min(1).max(200).regex(/^[^/\\]+\.(csv|xlsx)$/i, 'a file name (no folders) ending in .csv or .xlsx'),
    base64: z.string().max(MAX_IMPORT_BYTES),
    planId: idSchema,
    mapping: mselMappingSchema.optional(),
    scenarioId: idSchema.optional(),
    title: z.string().trim().min(1).max(200).optional(),
  }),
  /** A scenario as the controllers' MSEL. */
  'msel.export': z.strictObject({ scenarioId: idSchema, format: z.enum(['csv', 'xlsx', 'pdf']), paper: paperSchema }),
  /** Imports a .firedrill pack (base64): everything is checked before anything is written. */
  'pack.import': z.strictObject({
    fileName: z.string().min(1).max(200).regex(/^[^/\\]+\.firedrill$/i, 'a file name (no folders) ending in .firedrill'),
    base64: z.string().max(MAX_IMPORT_BYTES),
    asNewVersion: z.boolean().optional(),
  }),
  /** A library pack of scenarios (with their plans and scripts), or one scenario's whole exercise (with its sessions). */
  'pack.export': z.union([
    z.strictObject({ kind: z.literal('library'), scenarioIds: z.array(idSchema).min(1).max(200) }),
    z.strictObject({ kind: z.literal('exercise'), scenarioId: idSchema }),
  ]),
} as const;


export type CommandType = keyof typeof commandParams;
export const COMMAND_TYPES = Object.keys(commandParams) as CommandType[];

/** Params as the handler receives them (defaults filled in). */
export type CommandParams<T extends CommandType> = z.output<(typeof commandParams)[T]>;
/** Params as a client sends them (defaults may be left out). */
export type CommandParamsInput<T extends CommandType> = z.input<(typeof commandParams)[T]>;
export type CommandResult<T extends CommandType> = CommandResults[T];

/** Each command as a function: the shape the Electron IPC contract and the clients expose. */
export type CommandSignatures = { [T in CommandType]: (params: CommandParamsInput<T>) => Promise<CommandResult<T>> };

/**
 * The size limit of each command's message. The imports carry a whole file as a JSON string; a
 * journal is JSON Lines, so escaping its quotes can double its size inside the message.
 */
export function messageLimit(type: string): number {
  if (type === 'library.import') return MAX_IMPORT_BYTES + 16 * 1024;
  if (type === 'session.import') return 2 * MAX_IMPORT_BYTES + 16 * 1024;
  if (type === 'msel.import' || type === 'pack.import') return MAX_IMPORT_BYTES + 16 * 1024;
  return MAX_MESSAGE_BYTES;
}

export const isCommandType = (type: unknown): type is CommandType => typeof type === 'string' && Object.hasOwn(commandParams, type);
