import { idSchema } from '../format/common.js';
import type { Channel } from '../format/scenario.js';
import type { LocatedError } from '../validate/located-error.js';
import { FIELD_WORDS, type DetectedColumns, type MselColumn, type MselField } from './columns.js';
import type { EventKind, MselMapping } from './mapping.js';
import { words, type PlanWords } from './match-plan.js';
import { readDelay, readTime, type TimeRead } from './msel-time.js';
import { cellRef, cellText, isEmpty, type Cell, type Sheet } from './sheet.js';

// The first pass over an MSEL's rows: every cell of a known column read for what it says, each
// cell it cannot read reported where it is (file:row:column, the cell and its header). Triggers
// and times are kept as read: they are resolved once all the rows are known.

/** Where a cell is, for messages. */
export interface CellPlace {
  row: number;
  column: number;
}

/** One row of the sheet, as read. */
export interface RowRead {
  /** 0-based row of the sheet. */
  row: number;
  kind: EventKind;
  id?: string;
  /** Why the id was changed or made up (a comment in the draft). */
  idNote?: string;
  time?: TimeRead;
  trigger?: string;
  delay?: number;
  unless?: string;
  channel?: Channel;
  channelGuess?: string;
  from?: string;
  to?: string[];
  title?: string;
  body?: string;
  expects: string[];
  /** Expected responses that name no plan action: kept for the facilitator. */
  expectedText: string[];
  objectives: string[];
  notes: string[];
  /** Columns Firedrill has no field for, as "Header: value" lines. */
  extras: string[];
  attack: string[];
  /** The artifacts' titles as the sheet lists them (an MSEL cannot carry the artifacts themselves). */
  artifacts?: string;
  /** Where each field was read from (its first column). */
  places: Partial<Record<MselField, CellPlace>>;
  /** Fields whose cell could not be read (reported already: nothing more is said of them). */
  unreadable: Set<MselField>;
}

export interface RowsRead {
  rows: RowRead[];
  /** Section headings between the rows (one cell alone on its row), by the index of the row read after them. */
  sections: Map<number, string>;
  errors: LocatedError[];
}

export interface ReadContext {
  file: string;
  sheet: Sheet;
  /** Prefix of a cell reference: "MSEL!" in a workbook, "" in a CSV file. */
  sheetPrefix: string;
  columns: DetectedColumns;
  words: PlanWords;
  mapping: MselMapping;
}

const ATTACK = /^T\d{4}(\.\d{3})?$/;

/** A located error at a cell: file:row:column, then the cell (and its header) and the message. */
export function cellError(context: Pick<ReadContext, 'file' | 'sheetPrefix' | 'columns'>, row: number, column: number, message: string): LocatedError {
  const header = context.columns.columns.find((c) => c.column === column)?.header;
  return { file: context.file, line: row + 1, column: column + 1, path: `${context.sheetPrefix}${cellRef(row, column)}${header ? ` ${JSON.stringify(header)}` : ''}`, message };
}

export function readRows(context: ReadContext): RowsRead {
  const { sheet, columns } = context;
  const result: RowsRead = { rows: [], sections: new Map(), errors: [] };
  const used = columns.columns.filter((c) => c.field !== 'ignored');
  const reportedMerges = new Set<string>();
  for (let row = columns.headerRow + 1; row < sheet.rows.length; row++) {
    const cells = sheet.rows[row] ?? [];
    const filled = used.filter((c) => !isEmpty(cells[c.column]));
    if (filled.length === 0) continue;
    const values = filled.filter((c) => cells[c.column]!.kind !== 'merged');
    // A heading between rows: one cell alone (a merged row counts once), no time, no message.
    if (values.length === 1 && filled.every((c) => c === values[0] || cells[c.column]!.kind === 'merged') && !['time', 'trigger', 'body', 'to'].includes(values[0]!.field)) {
      result.sections.set(result.rows.length, cellText(cells[values[0]!.column]));
      continue;
    }
    const read: RowRead = { row, kind: 'inject', expects: [], expectedText: [], objectives: [], notes: [], extras: [], attack: [], places: {}, unreadable: new Set() };
    const error = (column: number, message: string) => {
      const field = used.find((c) => c.column === column)?.field;
      if (field && field !== 'extra' && field !== 'ignored') read.unreadable.add(field);
      result.errors.push(cellError(context, row, column, message));
    };
    for (const column of filled) {
      const cell = cells[column.column]!;
      if (cell.kind === 'formula') {
        error(column.column, `a formula (${JSON.stringify(cell.formula.slice(0, 40))}): Firedrill reads the values a sheet shows, not its formulas; copy the column and paste it as values`);
        continue;
      }
      if (cell.kind === 'error') {
        error(column.column, `the cell shows the error ${cell.text}: fix what it refers to, or type the value`);
        continue;
      }
      if (cell.kind === 'merged') {
        if (!reportedMerges.has(cell.master)) {
          reportedMerges.add(cell.master);
          error(column.column, `this cell is merged with ${cell.master}: a merged cell's value belongs to its first cell only; unmerge the cells and fill each row`);
        }
        continue;
      }
      readCell(context, read, column, cell, error);
    }
    result.rows.push(read);
  }
  return result;
}

function readCell(context: ReadContext, read: RowRead, column: MselColumn, cell: Cell, error: (column: number, message: string) => void): void {
  const field = column.field;
  if (field === 'ignored') return;
  const text = cellText(cell);
  const place = { row: read.row, column: column.column };
  if (field === 'extra') {
    read.extras.push(`${column.header || `Column ${column.column + 1}`}: ${text}`);
    return;
  }
  read.places[field] ??= place;
  switch (field) {
    case 'id': {
      const id = cell.kind === 'number' ? String(cell.value) : text;
      if (idSchema.safeParse(id).success) read.id = id;
      else {
        const cleaned = id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/-+$/, '').slice(0, 80);
        if (cleaned === '') return error(column.column, `${JSON.stringify(id.slice(0, 40))} cannot be an inject id: use letters, digits, ".", "_" and "-" (like INJ-01 or 1.2)`);
        read.id = cleaned;
        read.idNote = `the sheet's event number ${JSON.stringify(id)}, made an id`;
      }
      return;
    }
    case 'time': {
      const time = readTime(cell, { ...(context.mapping.dateOrder ? { dateOrder: context.mapping.dateOrder } : {}) });
      if (time.ok) read.time = time.value;
      else error(column.column, time.message);
      return;
    }
    case 'trigger':
      read.trigger = text;
      return;
    case 'delay': {
      const delay = readDelay(cell);
      if (delay.ok) read.delay = delay.value;
      else error(column.column, delay.message);
      return;
    }
    case 'unless':
      read.unless = text;
      return;
    case 'type': {
      const kind = eventKind(text, context.mapping);
      read.kind = kind.kind;
      if (kind.note) read.notes.push(kind.note);
      return;
    }
    case 'channel': {
      const channel = context.words.channel(text);
      if (!channel.ok) return error(column.column, channel.message);
      read.channel = channel.value.channel;
      if (channel.value.guessed) read.channelGuess = channel.value.guessed;
      return;
    }
    case 'from':
      read.from = text;
      return;
    case 'to': {
      const to = context.words.recipients(text);
      if (to.ok) read.to = to.value;
      else error(column.column, to.message);
      return;
    }
    case 'title':
      read.title = text;
      return;
    case 'body':
      read.body = read.body === undefined ? text : `${read.body}\n\n${text}`;
      return;
    case 'expected': {
      const { actions, unmatched } = context.words.expectedActions(text);
      read.expects.push(...actions.filter((id) => !read.expects.includes(id)));
      read.expectedText.push(...unmatched);
      return;
    }
    case 'objective':
      // An objective's title may have commas: only lines and semicolons part them.
      read.objectives.push(...text.split(/[;\n\r]+/).map((part) => part.trim()).filter((objective) => objective !== '' && !read.objectives.includes(objective)));
      return;
    case 'notes':
      read.notes.push(text);
      return;
    case 'attack': {
      for (const technique of text.split(/[\s,;]+/).filter((t) => t !== '')) {
        const id = technique.toUpperCase();
        if (!ATTACK.test(id)) return error(column.column, `${JSON.stringify(technique.slice(0, 40))} is not a MITRE ATT&CK technique id: write it like T1078 or T1078.004`);
        if (!read.attack.includes(id)) read.attack.push(id);
      }
      return;
    }
    case 'artifacts':
      read.artifacts = text;
      return;
  }
}

/** What an event type cell makes of its row: an inject, an expected action, or a contingency inject. */
function eventKind(text: string, mapping: MselMapping): { kind: EventKind; note?: string } {
  const key = words(text);
  for (const [mapped, kind] of Object.entries(mapping.eventTypes ?? {})) if (words(mapped) === key) return { kind };
  if (/\bcontingen/.test(key)) return { kind: 'contingency' };
  if (/^(expected|expectation|player action|participant action|expected (participant |player )?(action|actions|response|responses|outcome|activity))$/.test(key)) return { kind: 'expected-action' };
  if (key === '' || /^(inject|injects|msel inject|event|scenario event|message|information|info|msel|scripted inject|scripted event)$/.test(key)) return { kind: 'inject' };
  return { kind: 'inject', note: `Event type: ${text}` };
}

/** The field words of a column that is missing, for a message. */
export const missingColumn = (field: MselField, examples: string) => `no column holds ${FIELD_WORDS[field]} (${examples})`;
