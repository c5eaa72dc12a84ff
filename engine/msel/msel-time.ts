import { parseDuration } from '../format/duration.js';
import { twoDigits } from '../format/time-text.js';
import type { Cell } from './sheet.js';
import { parseLocal, validLocal, type LocalDateTime } from './time-zone.js';

// The times an MSEL writes, read into simulated time: offsets from the start of the exercise
// (T+01:30, T+1h30m, D+1 H+2 M+30, M-5, 90 minutes, 1h30m), clock times of the exercise day (09:30,
// 2:15 pm: they need the start), and dates with times (2025-06-10 09:30, a date-formatted cell).

/** What a time cell says. */
export type TimeRead =
  | { kind: 'offset'; ms: number }
  /** A clock time of the exercise day: ms since midnight. */
  | { kind: 'clock'; ms: number }
  | { kind: 'local'; local: LocalDateTime }
  | { kind: 'instant'; epochMs: number };

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The forms a time may take, for messages. */
export const TIME_FORMS = 'T+01:30, D+1 H+2 M+30, 90 (minutes), 1h30m, 09:30 (with the exercise start) or a date and time';

/** The serial numbers at which a plain number reads as an Excel date (1954 on): never minutes of one exercise. */
const EXCEL_SERIAL_FROM = 20_000;

const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);

/** An Excel date serial (days since 1899-12-30) as the local date-time it shows. */
function excelSerialLocal(serial: number): string {
  const ms = Math.round((serial - 25_569) * DAY);
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** Reads a scenario time cell; an empty cell is not read (the caller decides whether one is needed). */
export function readTime(cell: Cell, options: { dateOrder?: 'dmy' | 'mdy' } = {}): Read<TimeRead> {
  switch (cell.kind) {
    case 'number':
      if (Math.abs(cell.value) >= EXCEL_SERIAL_FROM) {
        return fail(`${cell.value} looks like an Excel date serial number (${excelSerialLocal(cell.value)}): format the cell as a date and time, or write the time as T+hh:mm`);
      }
      return ok({ kind: 'offset', ms: Math.round(cell.value * MIN) });
    case 'date': {
      const local = parseLocal(cell.local);
      if (!local) return fail(`the date ${quoted(cell.local)} cannot be read`);
      // Excel keeps a time without a date as a date on its day zero.
      if (local.year < 1900 || (local.year === 1900 && local.month === 1 && local.day === 0)) return ok({ kind: 'clock', ms: local.hour * HOUR + local.minute * MIN + local.second * 1000 });
      return ok({ kind: 'local', local });
    }
    case 'text':
      return readTimeText(cell.text.trim(), options);
    case 'boolean':
      return fail(`${cell.value ? 'TRUE' : 'FALSE'} is not a time: write ${TIME_FORMS}`);
    default:
      return fail('this cell holds no value');
  }
}

function readTimeText(text: string, options: { dateOrder?: 'dmy' | 'mdy' }): Read<TimeRead> {
  const notATime = fail(`${quoted(text)} is not a time: write ${TIME_FORMS}`);
  // T+hh[:mm[:ss]]: hours from the start (OpenAEV's T+2 is two hours).
  let match = /^T\s*([+-])\s*(\d{1,4})(?::(\d{1,2}))?(?::(\d{1,2}))?$/i.exec(text);
  if (match) {
    const [, sign, hours, minutes = '0', seconds = '0'] = match;
    if (Number(minutes) >= 60 || Number(seconds) >= 60) return fail(`${quoted(text)}: the minutes and seconds of T+hh:mm:ss are below 60`);
    const ms = Number(hours) * HOUR + Number(minutes) * MIN + Number(seconds) * 1000;
    return ok({ kind: 'offset', ms: sign === '-' ? -ms : ms });
  }
  // T+ and a length with its units, as the scenario files write lengths: T+2h, T+1h30m, T-30m, T+1d 2h.
  match = /^T\s*([+-])\s*(\d.*[dhms])$/i.exec(text);
  const length = match ? parseDuration(match[2]!.replace(/\s+/g, '').toLowerCase()) : undefined;
  if (match && length !== undefined) return ok({ kind: 'offset', ms: match[1] === '-' ? -length : length });
  // D+1 H+2 M+30 (J is French for day, T an hour): each part signed, in any order.
  if (/^([DJHTMS]\s*[+-]\s*\d+[\s,]*)+$/i.test(text)) {
    const unit: Record<string, number> = { d: DAY, j: DAY, h: HOUR, t: HOUR, m: MIN, s: 1000 };
    let ms = 0;
    for (const [, letter, sign, count] of text.matchAll(/([DJHTMS])\s*([+-])\s*(\d+)/gi)) ms += (sign === '-' ? -1 : 1) * Number(count) * unit[letter!.toLowerCase()]!;
    return ok({ kind: 'offset', ms });
  }
  const duration = parseDuration(text.replace(/^\+/, '').replace(/\s+/g, ''));
  if (duration !== undefined && /[dhms]$/i.test(text)) return ok({ kind: 'offset', ms: duration });
  // Minutes, plainly or with a unit written out.
  match = /^([+-]?\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?)?$/i.exec(text);
  if (match) {
    const [, count, unit = 'min'] = match;
    const size = /^h/i.test(unit) ? HOUR : /^d/i.test(unit) ? DAY : MIN;
    const value = Number(count);
    if (Math.abs(value) >= EXCEL_SERIAL_FROM && size === MIN) return readTime({ kind: 'number', value });
    return ok({ kind: 'offset', ms: Math.round(value * size) });
  }
  // A clock time: 09:30, 9:30:15, 2:15 pm.
  match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(text);
  if (match) {
    const clock = clockMs(match);
    return clock === undefined ? notATime : ok({ kind: 'clock', ms: clock });
  }
  // ISO date and time, with or without a zone.
  match = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (match) {
    const local = parseLocal(`${match[1]}T${match[2]!.length === 4 ? `0${match[2]}` : match[2]}`);
    if (!local) return fail(`${quoted(text)} is not a real date and time`);
    if (match[3] === undefined) return ok({ kind: 'local', local });
    const zone = match[3].toUpperCase() === 'Z' ? 0 : zoneMinutes(match[3]);
    const utc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
    return ok({ kind: 'instant', epochMs: utc - zone * MIN });
  }
  // A date with slashes, then a clock time: 6/10/2025 9:30 (which of day and month is first varies).
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(text);
  if (match) {
    const [, first, second, yearText] = match as unknown as [string, string, string, string];
    const a = Number(first);
    const b = Number(second);
    let order = options.dateOrder;
    if (order === undefined) {
      if (a > 12 && b <= 12) order = 'dmy';
      else if (b > 12 && a <= 12) order = 'mdy';
      else return fail(`${quoted(text)} could be the ${a}/${b} either way round (day/month or month/day): say which with "dateOrder": "dmy" or "mdy" in the mapping file, or write the date as YYYY-MM-DD`);
    }
    const clock = clockMs([match[0], match[4]!, match[5]!, match[6], match[7]] as unknown as RegExpExecArray);
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    const local = clock === undefined ? undefined : validLocal({ year, month, day, hour: Math.floor(clock / HOUR), minute: Math.floor((clock % HOUR) / MIN), second: Math.floor((clock % MIN) / 1000) });
    return local ? ok({ kind: 'local', local }) : fail(`${quoted(text)} is not a real date and time`);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) || /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(text)) return fail(`${quoted(text)} is a date without a time of day: add the time (2025-06-10 09:30), or write T+hh:mm`);
  // A time with a zone's name or a UTC/GMT offset after it (09:30 HKT, 9:45 AM PST, 10:00 GMT+8): the
  // time reads, the zone does not (names are ambiguous: CST is three zones), so the message says how.
  // Zone names in capitals only: "T+2 hours" is a length written out, not a zone.
  const zoned = /^(.*\d(?:\s*[aApP]\.?[mM]\.?)?)\s*\(?((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{1,5})\)?$/.exec(text);
  if (zoned && !/^[AP]\.?M\.?$/.test(zoned[2]!) && readTimeText(zoned[1]!.trim(), options).ok) {
    return fail(`${quoted(text)}: the time zone "${zoned[2]}" after the time is not read (a zone's short name can mean several): write the offset as 2025-06-10T09:30+08:00, or the time alone and the time zone ("Time zone" in the app, --tz on the command line)`);
  }
  return notATime;
}

/** ms since midnight of hh:mm[:ss] [am|pm], if it is a real time of day. */
function clockMs(match: RegExpExecArray | string[]): number | undefined {
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? 0);
  const half = match[4]?.toLowerCase().replace(/\./g, '');
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return hours * HOUR + minutes * MIN + seconds * 1000;
}

function zoneMinutes(zone: string): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Reads a delay after a trigger: 10m, 1h30m, T+00:10, or plain minutes. */
export function readDelay(cell: Cell): Read<number> {
  const read = readTime(cell);
  if (!read.ok) return fail(read.message.replace(TIME_FORMS, '10m, 1h30m or 10 (minutes)'));
  if (read.value.kind !== 'offset') return fail('a delay is a length of time (10m, 1h30m or 10 minutes), not a clock time or a date');
  if (read.value.ms < 0) return fail('a delay cannot be negative');
  return ok(read.value.ms);
}

/** A simulated time as an MSEL writes it: T+01:30, T+26:05, T+00:00:30 when it has seconds. */
export function formatTPlus(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `T${sign}${twoDigits(hours)}:${twoDigits(minutes)}${seconds ? `:${twoDigits(seconds)}` : ''}`;
}
