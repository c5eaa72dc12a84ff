import { Document, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { formatDuration } from '../format/duration.js';
import { COUNT_LIMITS } from '../format/limits.js';
import type { Condition } from '../format/condition.js';
import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import { compareLocatedErrors, type LocatedError } from '../validate/located-error.js';
import { loadLibrary, type Library, type LoadedPlan } from '../validate/library.js';
import { MAX_SOURCE_CHARS, parseYamlSource, type YamlSource } from '../validate/yaml-source.js';
import { detectColumns, FIELD_WORDS, type DetectedColumns, type MselField } from './columns.js';
import { draftScenario, scenarioIdOf, type DraftComment, type DraftInject } from './draft-scenario.js';
import type { MselMapping } from './mapping.js';
import { PlanWords } from './match-plan.js';
import { formatTPlus } from './msel-time.js';
import { cellError, readRows, type RowRead } from './read-rows.js';
import { isoAt, readStart, resolveTimes, zoneOf, type Zone } from './resolve-times.js';
import { cellRef, cellText, type Sheet, type Workbook } from './sheet.js';
import { readCondition } from './trigger-text.js';

// An MSEL spreadsheet to a draft scenario: find the sheet and its header, read every row,
// resolve the times and triggers, build the draft around the injects (guesses commented), and
// validate it like any scenario file. Every cell it cannot read is an error located at that cell
// (file:row:column); with any error there is no draft at all: never a half-import.

export interface MselImportOptions {
  /** The plan the scenario is written for: roles, actions and channels are matched against it. */
  plan: Plan;
  mapping?: MselMapping;
  /**
   * The scenario the sheet updates: everything but its injects is kept (comments included), and
   * each inject keeps its artifacts and state changes by id. The sheet's injects replace the others.
   */
  base?: { file: string; text: string };
  scenarioId?: string;
  title?: string;
  threat?: string;
  /** T+0: 2025-06-10T09:00 (in timeZone), or with its offset. Overrides the mapping file's. */
  start?: string;
  timeZone?: string;
  sheet?: string;
  /** The draft's file name (its messages name it): <id>.scenario.yaml by default. */
  draftFile?: string;
}

export interface MselRead {
  sheet: string;
  /** 1-based, as the sheet shows it. */
  headerRow: number;
  columnSet: DetectedColumns['columnSet'];
  columns: { column: string; header: string; field: MselField | 'extra' | 'ignored' }[];
  rows: number;
  injects: number;
}

export interface MselImportResult {
  /** Every problem, located; empty when the draft was made. */
  errors: LocatedError[];
  /** What the importer did that the person should know (columns kept as notes, headings skipped). */
  warnings: string[];
  /** The workbook's sheets that hold anything, for a choice of sheet (a CSV file has one). */
  sheets?: string[];
  /** What was read, for the column-mapping step to show (absent when no header was found). */
  read?: MselRead;
  /** Recipients the sheet names that no role of the plan is called (each once, as written): a role is chosen for each in the app. */
  unknownRecipients?: string[];
  /** The draft scenario: valid YAML with comments where it guessed, and the validated scenario. */
  draft?: { file: string; yaml: string; scenario: Scenario };
}

/** The latest time an inject may have: an exercise runs for days at most. */
const LATEST = 30 * 86_400_000;

export function importMsel(workbook: Workbook, options: MselImportOptions): MselImportResult {
  const file = workbook.file;
  const mapping: MselMapping = options.mapping ?? {};
  const result: MselImportResult = { errors: [], warnings: [] };
  const whole = (message: string, row = 0, column = 0, path = ''): LocatedError => ({ file, line: row + 1, column: column + 1, path, message });

  // --- the sheet and its header ------------------------------------------------------------
  const wanted = options.sheet ?? mapping.sheet;
  const sheets = workbook.sheets.filter((sheet) => sheet.rows.some((row) => row.some((cell) => cellText(cell) !== '' || (cell !== null && cell !== undefined && cell.kind !== 'text'))));
  result.sheets = sheets.map((sheet) => sheet.name);
  if (wanted !== undefined && !workbook.sheets.some((sheet) => sheet.name === wanted)) {
    return { ...result, errors: [whole(`there is no sheet ${JSON.stringify(wanted)}: the sheets are ${workbook.sheets.map((s) => JSON.stringify(s.name)).join(', ')}`)] };
  }
  if (sheets.length === 0) return { ...result, errors: [whole(workbook.format === 'csv' ? 'the file is empty: an MSEL has a header row, then one row per inject' : 'every sheet is empty: an MSEL has a header row, then one row per inject')] };
  const headerRow = mapping.headerRow === undefined ? undefined : mapping.headerRow - 1;
  const candidates = (wanted !== undefined ? workbook.sheets.filter((sheet) => sheet.name === wanted) : sheets)
    .map((sheet) => ({ sheet, columns: detectColumns(sheet, mapping.columns ?? {}, headerRow) }))
    .filter((found): found is { sheet: Sheet; columns: DetectedColumns } => found.columns !== undefined);
  const prefix = (sheet: Sheet) => (workbook.format === 'xlsx' ? `${sheet.name}!` : '');
  if (candidates.length === 0) {
    // The sheet's first row, offered as its header all the same: the person says what each column holds.
    const only = wanted !== undefined ? workbook.sheets.find((sheet) => sheet.name === wanted) : sheets.length === 1 ? sheets[0] : undefined;
    const firstRow = only ? only.rows.findIndex((row) => row.some((cell) => cellText(cell) !== '')) : -1;
    const offered = only && firstRow >= 0 ? detectColumns(only, mapping.columns ?? {}, firstRow) : undefined;
    return {
      ...result,
      ...(only && offered ? { read: readOf(only, offered) } : {}),
      errors: [whole(`no header row found: the first rows name no MSEL column (such as Event #, Scenario Time, Inject Mode, To, Message; Time, Title, Description, To Org; or Timeline, Teams, Subject, Content); say which column holds what (the Read as choices in the app, or "columns" in a mapping file, --map)`, 0, 0, `${workbook.format === 'xlsx' ? `${(only ?? sheets[0]!).name}!` : ''}A1`)],
    };
  }
  if (candidates.length > 1) {
    const [, second] = candidates as [unknown, { sheet: Sheet; columns: DetectedColumns }];
    return {
      ...result,
      errors: [whole(`a second sheet of injects: the workbook has ${candidates.length} (${candidates.map((c) => JSON.stringify(c.sheet.name)).join(', ')}); say which to read (the Sheet choice in the app, --sheet on the command line, or "sheet" in the mapping file)`, second.columns.headerRow, 0, `${prefix(second.sheet)}${cellRef(second.columns.headerRow, 0)}`)],
    };
  }
  const { sheet, columns } = candidates[0]!;
  const context = { file, sheet, sheetPrefix: prefix(sheet), columns, words: new PlanWords(options.plan, mapping), mapping };
  const has = (field: MselField) => columns.columns.some((c) => c.field === field);
  result.read = readOf(sheet, columns);
  const headerError = (message: string) => whole(message, columns.headerRow, 0, `${context.sheetPrefix}${cellRef(columns.headerRow, 0)}`);
  const missing: string[] = [];
  if (!has('body') && !has('title')) missing.push(`${FIELD_WORDS.body} (Message, Description, Content)`);
  if (!has('time') && !has('trigger')) missing.push(`${FIELD_WORDS.time} (Scenario Time, Time, Timeline)`);
  if (!has('to')) missing.push(`${FIELD_WORDS.to} (To, To Org, Teams)`);
  if (missing.length > 0) return { ...result, errors: missing.map((what) => headerError(`no column holds ${what}: if one has another header, say so (its "Read as" choice in the app, or "columns" in a mapping file, --map)`)) };
  const extras = columns.columns.filter((c) => c.field === 'extra' && c.header !== '');
  if (extras.length > 0) result.warnings.push(`column${extras.length === 1 ? '' : 's'} ${extras.map((c) => JSON.stringify(c.header)).join(', ')} kept in the facilitator notes (Firedrill has no field for ${extras.length === 1 ? 'it' : 'them'})`);
  if (options.threat !== undefined && !options.plan.playbooks.some((p) => p.threat === options.threat)) {
    result.errors.push(whole(`--threat ${options.threat}: plan "${options.plan.id}" has no playbook for it (its playbooks are for ${options.plan.playbooks.map((p) => p.threat).join(', ')})`));
  }

  // --- the rows -----------------------------------------------------------------------------
  const read = readRows(context);
  result.errors.push(...read.errors);
  if (context.words.unknownRecipients.size > 0) result.unknownRecipients = [...context.words.unknownRecipients];
  for (const [, heading] of read.sections) result.warnings.push(`${JSON.stringify(heading.slice(0, 60))} read as a section heading (kept as a comment in the draft)`);
  const rows = read.rows;
  result.read.rows = rows.length;
  const error = (row: RowRead, field: MselField | undefined, message: string) => {
    const place = field ? row.places[field] : undefined;
    const column = place?.column ?? columns.columns.find((c) => c.field === field)?.column ?? columns.columns.find((c) => c.field !== 'ignored')?.column ?? 0;
    result.errors.push(cellError(context, row.row, column, message));
  };

  // Ids: the sheet's, or made up in order; each once.
  const injectRows = rows.filter((row) => row.kind !== 'expected-action');
  // A scenario's counts, said of the sheet at the row past them, before a draft of that size is built and validated for nothing.
  const objectiveRows = new Map<string, RowRead>();
  for (const row of injectRows) for (const objective of row.objectives) if (!objectiveRows.has(objective)) objectiveRows.set(objective, row);
  const over = (count: number, limit: number, what: string) => `a scenario has at most ${limit.toLocaleString('en')} ${what} and this sheet has ${count.toLocaleString('en')}, the ${ordinal(limit + 1)} on this row: split the sheet (by day or by phase) and import each part as its own scenario`;
  if (injectRows.length > COUNT_LIMITS.injects) error(injectRows[COUNT_LIMITS.injects]!, 'id', over(injectRows.length, COUNT_LIMITS.injects, 'injects'));
  if (objectiveRows.size > COUNT_LIMITS.objectives) error([...objectiveRows.values()][COUNT_LIMITS.objectives]!, 'objective', over(objectiveRows.size, COUNT_LIMITS.objectives, 'objectives'));
  if (injectRows.length > COUNT_LIMITS.injects || objectiveRows.size > COUNT_LIMITS.objectives) return finish(result);
  const width = Math.max(2, String(injectRows.length).length);
  const ids = new Map<string, RowRead>();
  injectRows.forEach((row, index) => {
    if (row.id === undefined) {
      let id = `INJ-${String(index + 1).padStart(width, '0')}`;
      for (let n = 2; ids.has(id) || injectRows.some((other) => other.id === id); n++) id = `INJ-${String(index + 1).padStart(width, '0')}-${n}`;
      row.id = id;
      if (has('id')) row.idNote = 'the sheet gives no event number: made up';
    }
    const twin = ids.get(row.id);
    if (twin) error(row, 'id', `event number ${JSON.stringify(row.id)} is already used by row ${twin.row + 1}: each inject needs its own`);
    else ids.set(row.id, row);
  });

  // Times: offsets from the start, placed once every row is read.
  const zone = zoneOf(options.timeZone ?? mapping.timeZone, options.start ?? mapping.start);
  let start: number | undefined;
  let zoneValue: Zone = { name: 'UTC' };
  if (!zone.ok) result.errors.push(whole(`the time zone ("Time zone" in the app, --tz on the command line): ${zone.message}`));
  else zoneValue = zone.value;
  const startText = options.start ?? mapping.start;
  const baseSource = options.base ? parseYamlSource(options.base.file, options.base.text) : undefined;
  if (baseSource && !baseSource.ok) return { ...result, errors: [...result.errors, ...baseSource.errors] };
  const baseValue = baseSource?.ok ? (baseSource.source.value as Record<string, unknown>) : undefined;
  if (startText !== undefined) {
    const given = readStart(startText, zoneValue);
    if (given.ok) start = given.value;
    else result.errors.push(whole(`the exercise start ("Exercise starts" in the app, --start on the command line): ${given.message}`));
  } else if (typeof baseValue?.startsAt === 'string') {
    // The scenario the sheet updates starts the clock; its offset is the zone unless one is given.
    const baseZone = zoneOf(undefined, baseValue.startsAt);
    if (!options.timeZone && !mapping.timeZone && baseZone.ok) zoneValue = baseZone.value;
    const given = readStart(baseValue.startsAt, zoneValue);
    if (given.ok) start = given.value;
  }
  const times = resolveTimes(injectRows.map((row) => row.time), zoneValue, start);
  for (const { index, message } of times.unplaced) error(injectRows[index]!, 'time', message);

  // Triggers and contingencies, now that every inject id is known.
  const triggerContext = { action: (text: string) => context.words.action(text), injects: new Set(ids.keys()) };
  const injects: DraftInject[] = [];
  const comments: DraftComment[] = [];
  const injectOfRow = new Map<RowRead, number>();
  injectRows.forEach((row, index) => {
    const offset = times.offsets[index];
    let when: Condition | undefined;
    let unless: Condition | undefined;
    if (row.trigger !== undefined) {
      const condition = readCondition(row.trigger, triggerContext);
      if (condition.ok) when = condition.value;
      else error(row, 'trigger', condition.message);
    }
    if (row.unless !== undefined) {
      const condition = readCondition(row.unless, triggerContext);
      if (condition.ok) unless = condition.value;
      else error(row, 'unless', condition.message);
    }
    if (row.time !== undefined && row.trigger !== undefined) error(row, 'trigger', 'the row has both a scenario time and a trigger: an inject is delivered at a time or on a trigger, not both');
    else if (row.time === undefined && row.trigger === undefined && !row.unreadable.has('time') && !row.unreadable.has('trigger')) error(row, has('time') ? 'time' : 'trigger', 'no scenario time: write when the inject is delivered (T+01:30, 09:30...)' + (has('trigger') ? ', or its trigger' : ''));
    if (row.delay !== undefined && row.trigger === undefined) error(row, 'delay', 'a delay counts from a trigger: this row has none');
    if (offset !== undefined && offset > LATEST) error(row, 'time', `${formatTPlus(offset)} is ${Math.floor(offset / 86_400_000)} days after the start: an exercise runs for at most 30 days`);
    if (row.kind === 'contingency' && row.unless === undefined) {
      if (row.expects.length > 0) {
        unless = row.expects.length === 1 ? { action: row.expects[0]! } : { any: row.expects.map((action) => ({ action })) };
        comments.push({ path: ['injects', index, 'unless'], text: 'guessed from the expected response: the contingency is skipped once the team has done it' });
      } else error(row, 'type', 'a contingency inject says when it is not needed: write the plan action (or milestone) that makes it unnecessary in an "Unless" column, or in its expected participant response');
    }
    if (row.to === undefined && !row.unreadable.has('to')) error(row, 'to', 'no recipient: write the role (or roles) that receive the inject');
    if ((row.body ?? row.title) === undefined && !row.unreadable.has('body') && !row.unreadable.has('title')) error(row, has('body') ? 'body' : 'title', 'no message: write what the inject says');
    const body = row.body ?? row.title ?? '';
    const title = row.title ?? titleFrom(body);
    // Updating a scenario, the objectives and artifacts are the scenario's own; a new draft keeps the artifacts' titles for the author.
    const notes = [...row.notes, ...(row.extras.length > 0 ? [row.extras.join('\n')] : []), ...(row.expectedText.length > 0 ? [`Expected response: ${row.expectedText.join('; ')}`] : []), ...(row.artifacts && !options.base ? [`Artifacts (not imported from the sheet): ${row.artifacts}`] : [])];
    const inject: DraftInject = {
      id: row.id!,
      title,
      ...(when ? { when } : { at: formatDuration(Math.max(0, offset ?? 0)) }),
      ...(row.delay !== undefined && when ? { delay: formatDuration(row.delay) } : {}),
      ...(unless ? { unless } : {}),
      to: row.to ?? [],
      channel: row.channel ?? 'email',
      ...(row.from ? { from: row.from } : {}),
      body,
      ...(row.expects.length > 0 ? { expects: row.expects } : {}),
      ...(notes.length > 0 ? { facilitatorNotes: notes.join('\n\n') } : {}),
      ...(row.attack[0] ? { attack: row.attack[0] } : {}),
    };
    injectOfRow.set(row, index);
    injects.push(inject);
    comments.push({ path: ['injects', index], text: `row ${row.row + 1} of ${file.split(/[\\/]/).at(-1)}${row.kind === 'contingency' ? ' (a contingency inject)' : ''}`, before: true });
    if (row.idNote) comments.push({ path: ['injects', index, 'id'], text: row.idNote });
    if (row.title === undefined) comments.push({ path: ['injects', index, 'title'], text: 'guessed from the message' });
    if (row.channel === undefined) comments.push({ path: ['injects', index, 'channel'], text: has('channel') ? 'guessed: the inject mode is empty' : 'guessed: the sheet has no inject mode column' });
    if (row.channelGuess) comments.push({ path: ['injects', index, 'channel'], text: `guessed: ${row.channelGuess}` });
    const section = read.sections.get(rows.indexOf(row));
    if (section !== undefined) comments.push({ path: ['injects', index], text: `${section}`, before: true });
  });

  // Expected actions: expectations of the inject before them (the one after, for the first).
  rows.forEach((row, position) => {
    if (row.kind !== 'expected-action') return;
    const previous = rows.slice(0, position).reverse().find((other) => other.kind !== 'expected-action') ?? rows.slice(position + 1).find((other) => other.kind !== 'expected-action');
    const index = previous ? injectOfRow.get(previous) : undefined;
    if (index === undefined) {
      error(row, 'type', 'an expected action with no inject to respond to: the sheet has no inject row');
      return;
    }
    const inject = injects[index]!;
    inject.expects = [...new Set([...(inject.expects ?? []), ...row.expects])];
    const text = [row.title, row.body, ...row.expectedText, ...row.extras].filter((t): t is string => t !== undefined && t !== '').join(': ');
    if (text) inject.facilitatorNotes = [inject.facilitatorNotes, `Expected action (row ${row.row + 1}): ${text}`].filter(Boolean).join('\n\n');
    if (row.expects.length > 0) comments.push({ path: ['injects', index, 'expects'], text: `with the expected action of row ${row.row + 1}` });
  });
  const unscored = rows.filter((row) => row.expectedText.length > 0);
  if (unscored.length > 0) {
    const shown = unscored.slice(0, 5).map((row) => `${row.expectedText.map((text) => JSON.stringify(text.slice(0, 60))).join(', ')} (row ${row.row + 1})`).join('; ');
    result.warnings.push(`${unscored.length} row${unscored.length === 1 ? '' : 's'} expect${unscored.length === 1 ? 's' : ''} a response that names no action of plan "${options.plan.id}", kept in the facilitator notes and not scored: ${shown}${unscored.length > 5 ? '...' : ''}; pick each inject's Expected actions in the draft, or write the action's title as the plan has it (or map it with "actions" in a mapping file)`);
  }
  result.read.injects = injects.length;
  if (injects.length === 0 && result.errors.length === 0) result.errors.push(headerError('no inject: the sheet has a header but no row of injects under it'));
  if (result.errors.length > 0) return finish(result);

  // --- the draft ----------------------------------------------------------------------------
  const draftFile = options.draftFile ?? `${options.scenarioId ?? (typeof baseValue?.id === 'string' ? baseValue.id : scenarioIdOf(file))}.scenario.yaml`;
  const startsAt = times.start !== undefined ? isoAt(times.start, zoneValue) : undefined;
  const offsets = times.offsets.filter((offset, index): offset is number => offset !== undefined && injects[index]!.at !== undefined);
  let document: Document;
  if (baseSource?.ok) {
    document = baseDraft(baseSource.source, injects, startsAt !== undefined && (startText !== undefined || times.moved) ? startsAt : undefined);
  } else {
    const sheetTitle = columns.headerRow > 0 ? sheet.rows.slice(0, columns.headerRow).flat().map(cellText).find((text) => text !== '') : undefined;
    const { scenario, comments: guesses } = draftScenario({
      file, sheet: workbook.format === 'xlsx' ? sheet.name : '', plan: options.plan, injects,
      objectives: injectRows.map((row) => row.objectives),
      // The sheet's heading, its name and the file's name say the threat as often as the injects do.
      offsets, text: [sheetTitle ?? '', sheet.name, file, ...rows.map((row) => [row.title, row.body, ...row.notes, ...row.extras].join(' '))].join(' '),
      ...(options.scenarioId !== undefined ? { scenarioId: options.scenarioId } : {}),
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(sheetTitle !== undefined ? { sheetTitle } : {}),
      ...(options.threat !== undefined ? { threat: options.threat } : {}),
      ...(startsAt !== undefined ? { startsAt } : {}),
      ...(times.startNote !== undefined ? { startNote: times.startNote } : {}),
    });
    // No anchors and aliases: each value written where it is.
    document = new Document(scenario, { aliasDuplicateObjects: false });
    comments.unshift(...guesses);
    document.commentBefore = ` A draft scenario imported from the MSEL ${file.split(/[\\/]/).at(-1)} for plan "${options.plan.id}".\n Comments mark what the sheet did not say and was guessed: check them, then delete them.`;
  }
  for (const comment of comments) addComment(document, comment);
  flowShortLists(document);
  const yaml = document.toString({ lineWidth: 110, flowCollectionPadding: false });
  if (yaml.length > MAX_SOURCE_CHARS) {
    result.errors.push(headerError(`the draft scenario would be ${(yaml.length / 1e6).toFixed(1)} MB of YAML: a scenario is at most ${MAX_SOURCE_CHARS / 1e6} MB; split the sheet into two scenarios`));
    return finish(result);
  }

  // Validated like any scenario file; its problems are located back at the sheet's cells.
  const library = loadLibrary([{ file: draftFile, text: yaml }], referencesOf(options.plan));
  const report = library.reports[0]!;
  if (report.errors.length > 0) {
    const draftSource = parseYamlSource(draftFile, yaml);
    for (const problem of report.errors) result.errors.push(relocate(problem, { context, injectRows, objectiveRows: [...objectiveRows.values()], draftSource: draftSource.ok ? draftSource.source : undefined, baseSource: baseSource?.ok ? baseSource.source : undefined, has, headerError }));
    return finish(result);
  }
  const scenario = [...library.scenarios.values()][0]!.scenario;
  result.draft = { file: draftFile, yaml, scenario };
  return finish(result);
}

const ordinal = (n: number) => `${n.toLocaleString('en')}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

/** What was read of a sheet's header, for the column-mapping step (its rows are counted later). */
const readOf = (sheet: Sheet, columns: DetectedColumns): MselRead => ({
  sheet: sheet.name,
  headerRow: columns.headerRow + 1,
  columnSet: columns.columnSet,
  columns: columns.columns.map((c) => ({ column: cellRef(columns.headerRow, c.column).replace(/\d+$/, ''), header: c.header, field: c.field })),
  rows: 0,
  injects: 0,
});

const finish = (result: MselImportResult): MselImportResult => {
  result.errors.sort(compareLocatedErrors);
  return result;
};

/** A title from the message: its first sentence, at most 80 characters. */
function titleFrom(body: string): string {
  const first = body.split(/(?<=[.!?])\s|\n/)[0]!.trim();
  return first.length <= 80 ? first || 'Inject' : `${first.slice(0, 77).trimEnd()}...`;
}

/** The plan as the reference a draft is validated against (a reference's own source is never read). */
function referencesOf(plan: Plan): Library {
  const loaded = { kind: 'plan', file: `plan ${plan.id}`, plan } as unknown as LoadedPlan;
  return { plans: new Map([[plan.id, loaded]]), scenarios: new Map(), scripts: new Map(), reports: [] };
}

/** The scenario the sheet updates, with the sheet's injects in place of its own. */
function baseDraft(source: YamlSource, injects: DraftInject[], startsAt: string | undefined): Document {
  const document = source.document.clone();
  const before = new Map(((source.value as { injects?: Record<string, unknown>[] }).injects ?? []).map((inject) => [String(inject.id), inject]));
  for (const inject of injects) {
    const old = before.get(inject.id);
    if (!old) continue;
    if (old.attack !== undefined && inject.attack === undefined) inject.attack = old.attack as string;
    if (Array.isArray(old.artifacts)) inject.artifacts = old.artifacts;
    if (old.set !== undefined) inject.set = old.set as Record<string, unknown>;
  }
  document.set('injects', document.createNode(injects, { aliasDuplicateObjects: false }));
  if (startsAt !== undefined) document.set('startsAt', startsAt);
  return document;
}

/** Puts a comment beside a value (a scalar), or on the line before it (a list, a map, or when asked). */
function addComment(document: Document, comment: DraftComment): void {
  const parent = document.getIn(comment.path.slice(0, -1), true) as Node | undefined;
  const last = comment.path.at(-1);
  const text = ` ${comment.text.replace(/\n/g, ' ')}`;
  if (isMap(parent)) {
    const pair = (parent as YAMLMap).items.find((item) => isScalar(item.key) && (item.key as Scalar).value === last) as Pair<Scalar, Node> | undefined;
    if (!pair) return;
    if (isScalar(pair.value) && !comment.before) pair.value.comment = pair.value.comment ? `${pair.value.comment};${text}` : text;
    else pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n${text}` : text;
  } else if (isSeq(parent) && typeof last === 'number') {
    const item = (parent as YAMLSeq).items[last] as Node | undefined;
    if (item) item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${text}` : text;
  }
}

/** Lists of ids (recipients, expected actions, techniques) on one line, as the bundled files write them. */
function flowShortLists(document: Document): void {
  const visit = (node: unknown) => {
    if (isSeq(node)) {
      const ids = node.items.every((item) => isScalar(item) && typeof item.value === 'string' && !/\s/.test(item.value));
      if (ids && node.items.length > 0 && node.items.reduce((n: number, item) => n + String((item as Scalar).value).length + 2, 0) <= 80) node.flow = true;
      else node.items.forEach(visit);
    } else if (isMap(node)) node.items.forEach((pair) => visit(pair.value));
  };
  visit(document.contents);
}

interface RelocateContext {
  context: { file: string; sheetPrefix: string; columns: DetectedColumns };
  injectRows: RowRead[];
  /** The first row naming each objective of the draft, in the draft's order. */
  objectiveRows: RowRead[];
  draftSource: YamlSource | undefined;
  baseSource: YamlSource | undefined;
  has: (field: MselField) => boolean;
  headerError: (message: string) => LocatedError;
}

/** The inject fields an MSEL column fills. */
const COLUMN_OF: Partial<Record<string, MselField>> = {
  id: 'id', title: 'title', at: 'time', when: 'trigger', delay: 'delay', unless: 'unless', to: 'to', channel: 'channel', from: 'from', body: 'body',
  expects: 'expected', facilitatorNotes: 'notes', attack: 'attack',
};

/** A problem of the draft, located where the person can fix it: the sheet's cell, or the scenario the sheet updates. */
function relocate(problem: LocatedError, where: RelocateContext): LocatedError {
  const path = parsePath(problem.path);
  if (path[0] === 'injects' && typeof path[1] === 'number' && where.injectRows[path[1]]) {
    const row = where.injectRows[path[1]]!;
    const field = typeof path[2] === 'string' ? COLUMN_OF[path[2]] : undefined;
    const fallback = field === 'title' && !where.has('title') ? 'body' : field;
    const column = (fallback && row.places[fallback]?.column) ?? (fallback ? where.context.columns.columns.find((c) => c.field === fallback)?.column : undefined) ?? where.context.columns.columns.find((c) => c.field !== 'ignored')?.column ?? 0;
    const inBase = path[2] === 'artifacts' || path[2] === 'set';
    if (inBase && where.baseSource) return { ...problem, file: where.baseSource.file, ...where.baseSource.locate(baseInjectPath(where.baseSource, row.id!, path.slice(2))) };
    // A trigger on what only a scenario has: an MSEL carries injects, not decisions or state.
    const hint = !where.baseSource && /unknown (decision|state variable|option)/.test(problem.message) ? '; an MSEL carries injects only: import the sheet into the scenario that has them (--into <scenario file>)' : '';
    return cellError(where.context, row.row, column, `${problem.path}: ${problem.message}${hint}`);
  }
  const objectiveRow = path[0] === 'objectives' && typeof path[1] === 'number' && !where.baseSource ? where.objectiveRows[path[1]] : undefined;
  if (objectiveRow?.places.objective) return cellError(where.context, objectiveRow.row, objectiveRow.places.objective.column, `${problem.path}: ${problem.message}`);
  if (where.baseSource) return { ...problem, file: where.baseSource.file, ...where.baseSource.locate(path) };
  return where.headerError(`the draft scenario does not validate (a Firedrill bug: please report it): ${problem.path}: ${problem.message}`);
}

function baseInjectPath(source: YamlSource, id: string, rest: (string | number)[]): (string | number)[] {
  const index = ((source.value as { injects?: { id?: unknown }[] }).injects ?? []).findIndex((inject) => String(inject.id) === id);
  return index < 0 ? ['injects'] : ['injects', index, ...rest];
}

/** "injects[3].when.action" back to ['injects', 3, 'when', 'action']. */
export function parsePath(text: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const [, name, index, quoted] of text.matchAll(/([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (name !== undefined) path.push(name);
    else if (index !== undefined) path.push(Number(index));
    else if (quoted !== undefined) path.push(JSON.parse(quoted) as string);
  }
  return path;
}
