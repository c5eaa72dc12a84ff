import { cellText, columnIndex, type Sheet } from './sheet.js';

// The columns of an MSEL spreadsheet: what each one means to an inject, recognised by its
// header in the column sets people use (HSEEP's MSEL template, Crucible Blueprint's MSEL
// export, OpenAEV's sample import sheet, and Firedrill's own export), or as a mapping file says.

/** What a column holds, for the inject of its row. */
export const MSEL_FIELDS = [
  'id', 'time', 'trigger', 'delay', 'unless', 'type', 'channel', 'from', 'to', 'title', 'body', 'expected', 'objective', 'notes', 'attack', 'artifacts',
] as const;
export type MselField = (typeof MSEL_FIELDS)[number];

/** What each field is, in the words of a message about a column that is missing or unreadable. */
export const FIELD_WORDS: Record<MselField, string> = {
  id: 'the event number',
  time: 'the scenario time',
  trigger: 'the trigger',
  delay: 'the delay after the trigger',
  unless: 'the condition that makes a contingency inject unnecessary',
  type: 'the event type',
  channel: 'the inject mode (channel)',
  from: 'who sends it',
  to: 'who receives it',
  title: 'the title',
  body: 'the message',
  expected: 'the expected participant response',
  objective: 'the objective',
  notes: 'notes for the facilitator',
  attack: 'the ATT&CK technique',
  artifacts: 'the artifacts',
};

/** Fields a row may fill from several columns (their texts are joined); the others take one column. */
const MULTI: ReadonlySet<MselField> = new Set(['body', 'expected', 'objective', 'notes']);

export type ColumnSetName = 'firedrill' | 'hseep' | 'blueprint' | 'openaev';

/** The headers of each known column set, as its own files write them. */
export const COLUMN_SETS: Record<ColumnSetName, { title: string; headers: string[] }> = {
  firedrill: {
    title: 'Firedrill MSEL',
    headers: ['Event #', 'Scenario Time', 'Trigger', 'Delay', 'Unless', 'Event Type', 'Inject Mode', 'From', 'To', 'Title', 'Message', 'Expected Participant Response', 'Objective', 'Notes', 'ATT&CK', 'Artifacts'],
  },
  hseep: {
    title: 'HSEEP MSEL',
    headers: ['Event #', 'Scenario Time', 'Event Type', 'Inject Mode', 'From', 'To', 'Message', 'Expected Participant Response', 'Objective', 'Notes'],
  },
  blueprint: {
    title: 'Crucible Blueprint MSEL',
    headers: ['Control Number', 'Description', 'Status', 'Time', 'Move', 'Group', 'Type', 'Delivery Method', 'Title', 'From Org', 'To Org'],
  },
  openaev: {
    title: 'OpenAEV inject import sheet',
    headers: ['Timeline', 'Teams', 'Subject', 'Content', 'Expectation Description', 'Expectation Name'],
  },
};

/** A header as compared: lower case words, "#" as "number", "&" as "and", punctuation gone. */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/&/g, ' and ')
    .replace(/\bno\.?(?=\s|$)/g, 'number')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Columns known to hold workflow state, not content: left out without a word. */
const IGNORED = new Set(['status', 'done to do', 'done', 'to do', 'expectation score', 'score', 'state']);

/** Header words of each field, normalized. */
const SYNONYMS: Record<MselField, string[]> = {
  id: ['event number', 'event', 'event id', 'msel number', 'msel id', 'inject number', 'inject id', 'id', 'number', 'control number', 'ref', 'reference', 'serial', 'serial number'],
  time: ['scenario time', 'time', 'timeline', 'trigger time', 'delivery time', 'inject time', 'date time', 'datetime', 'date and time', 'exercise time', 'planned time', 'expected time', 'delivery date', 'scheduled time'],
  trigger: ['trigger', 'when', 'trigger condition', 'after'],
  delay: ['delay'],
  unless: ['unless', 'contingency condition', 'skip if', 'not needed if'],
  type: ['event type', 'type', 'inject type', 'row type', 'kind', 'category'],
  channel: ['inject mode', 'delivery method', 'mode', 'channel', 'method', 'delivery', 'medium', 'inject method', 'means'],
  from: ['from', 'from org', 'sender', 'source', 'originator', 'from organization', 'from organisation'],
  to: ['to', 'to org', 'teams', 'team', 'recipient', 'recipients', 'player', 'players', 'audience', 'role', 'roles', 'to role', 'to organization', 'to organisation', 'receiver'],
  title: ['title', 'subject', 'event title', 'inject title', 'headline', 'name', 'inject name', 'event name'],
  body: ['message', 'description', 'content', 'inject', 'event description', 'details', 'body', 'inject text', 'message text', 'message content', 'script', 'inject description'],
  expected: ['expected participant response', 'expected player response', 'expected response', 'expected action', 'expected actions', 'expectation', 'expectations', 'expectation description', 'expectation name', 'expected outcome', 'expected player action', 'expected player actions'],
  objective: ['objective', 'objectives', 'capability', 'core capability', 'objective capability', 'exercise objective', 'capabilities'],
  notes: ['notes', 'note', 'comments', 'comment', 'controller notes', 'facilitator notes', 'remarks', 'action to be taken', 'controller action', 'evaluator notes'],
  attack: ['att and ck', 'mitre att and ck', 'mitre', 'technique', 'attack technique', 'attack', 'technique id'],
  artifacts: ['artifacts', 'artefacts', 'attachments', 'attachment'],
};
const FIELD_OF = new Map<string, MselField>(Object.entries(SYNONYMS).flatMap(([field, words]) => words.map((word) => [word, field as MselField])));

/** One column of the header row and what it is read as. */
export interface MselColumn {
  /** 0-based column index. */
  column: number;
  header: string;
  /** The field it fills; 'extra' keeps its text in the facilitator notes; 'ignored' is workflow state. */
  field: MselField | 'extra' | 'ignored';
}

export interface DetectedColumns {
  /** 0-based row of the header. */
  headerRow: number;
  /** The known column set the headers look like, or 'custom'. */
  columnSet: ColumnSetName | 'custom';
  columns: MselColumn[];
}

/** The columns a mapping file names for some fields: a header as written, or column letters. */
export type ColumnChoices = Partial<Record<MselField, string | string[]>>;

/** The field a header names by itself, if any. */
export const fieldOfHeader = (header: string): MselField | 'ignored' | undefined => {
  const words = normalizeHeader(header);
  return IGNORED.has(words) ? 'ignored' : FIELD_OF.get(words);
};

/** How many of a row's cells read as headers: the header row is the one with the most. */
function headerScore(cells: string[], chosen: Set<string>): number {
  return cells.filter((text) => text !== '' && (chosen.has(normalizeHeader(text)) || fieldOfHeader(text) !== undefined)).length;
}

/**
 * Finds the header row among the first rows of a sheet (a title or a blank row may come first)
 * and reads what each column holds. Undefined when no row looks like a header (fewer than two
 * known headers). A mapping file's choices win over the headers' own names.
 */
export function detectColumns(sheet: Sheet, choices: ColumnChoices = {}, headerRow?: number): DetectedColumns | undefined {
  const chosenHeaders = new Set(Object.values(choices).flatMap((value) => (Array.isArray(value) ? value : [value])).map(normalizeHeader));
  let row = headerRow;
  if (row === undefined) {
    let best = 1;
    sheet.rows.slice(0, 30).forEach((cells, index) => {
      const score = headerScore(cells.map(cellText), chosenHeaders);
      if (score > best) {
        best = score;
        row = index;
      }
    });
  }
  if (row === undefined || !sheet.rows[row]) return undefined;
  const texts = sheet.rows[row]!.map(cellText);
  const columns: MselColumn[] = [];
  const taken = new Map<MselField, number>();
  // Choices first, so a column a mapping file names is not taken by another field's synonym.
  const chosen = new Map<number, MselField>();
  for (const [field, value] of Object.entries(choices) as [MselField, string | string[]][]) {
    for (const name of Array.isArray(value) ? value : [value]) {
      const byHeader = texts.findIndex((text) => text !== '' && normalizeHeader(text) === normalizeHeader(name));
      const index = byHeader >= 0 ? byHeader : columnIndex(name);
      if (index !== undefined && index >= 0) chosen.set(index, field);
    }
  }
  texts.forEach((header, column) => {
    if (header === '' && !chosen.has(column)) return;
    const named = chosen.get(column) ?? fieldOfHeader(header);
    let field: MselColumn['field'] = named ?? 'extra';
    if (named && named !== 'ignored' && !chosen.has(column)) {
      // A field another column fills already: this one's text is kept as a note.
      if (taken.has(named) && !MULTI.has(named)) field = 'extra';
    }
    if (field !== 'extra' && field !== 'ignored') taken.set(field, column);
    columns.push({ column, header, field });
  });
  return { headerRow: row, columnSet: columnSetOf(texts), columns };
}

/** The known set whose headers the row has most of (at least three), else 'custom'. */
function columnSetOf(headers: string[]): ColumnSetName | 'custom' {
  const present = new Set(headers.map(normalizeHeader));
  let best: ColumnSetName | 'custom' = 'custom';
  let bestShare = 0;
  for (const [name, set] of Object.entries(COLUMN_SETS) as [ColumnSetName, (typeof COLUMN_SETS)[ColumnSetName]][]) {
    const found = set.headers.filter((header) => present.has(normalizeHeader(header))).length;
    const share = found / set.headers.length;
    if (found >= 3 && share > bestShare) {
      best = name;
      bestShare = share;
    }
  }
  return best;
}
