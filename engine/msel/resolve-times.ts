import { durationText, twoDigits } from '../format/time-text.js';
import { formatTPlus, type Read, type TimeRead } from './msel-time.js';
import { isoInZone, isTimeZone, localToEpoch, parseLocal, type LocalDateTime } from './time-zone.js';

// From the times an MSEL writes to offsets from T+0. Offsets need nothing more; clock times and
// dates need the moment the exercise starts: given (--start, the mapping file, the scenario the
// sheet updates), or, when the sheet has only clock times and dates, its earliest one.

/** A zone to read local times in: a named one, or a fixed offset (from a start written with one). */
export type Zone = { name: string } | { offsetMinutes: number };

const MIN = 60_000;
const DAY = 86_400_000;

export function zoneOf(timeZone: string | undefined, start: string | undefined): Read<Zone> {
  if (timeZone !== undefined) return isTimeZone(timeZone) ? { ok: true, value: { name: timeZone } } : { ok: false, message: `${JSON.stringify(timeZone)} is not a time zone this computer knows: write it like Asia/Hong_Kong or Europe/London` };
  const offset = start === undefined ? undefined : /([+-])(\d{2}):?(\d{2})$|Z$/i.exec(start.trim());
  if (offset && offset[0].toUpperCase() !== 'Z') return { ok: true, value: { offsetMinutes: (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) } };
  return { ok: true, value: { name: 'UTC' } };
}

export function toEpoch(local: LocalDateTime, zone: Zone): number {
  if ('name' in zone) return localToEpoch(local, zone.name);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - zone.offsetMinutes * MIN;
}

export function isoAt(epochMs: number, zone: Zone): string {
  if ('name' in zone) return isoInZone(epochMs, zone.name);
  const local = new Date(epochMs + zone.offsetMinutes * MIN).toISOString().slice(0, 19);
  const minutes = Math.abs(zone.offsetMinutes);
  return `${local}${zone.offsetMinutes === 0 ? 'Z' : `${zone.offsetMinutes < 0 ? '-' : '+'}${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}`}`;
}

/** The start of the exercise as written (ISO, with or without an offset), as an instant. */
export function readStart(text: string, zone: Zone): Read<number> {
  const trimmed = text.trim();
  const withZone = /^(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i.exec(trimmed);
  if (withZone) {
    const local = parseLocal(withZone[1]!.replace(' ', 'T'));
    if (local) {
      const utc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
      const offset = withZone[2]!.toUpperCase() === 'Z' ? 0 : (withZone[2]![0] === '-' ? -1 : 1) * (Number(withZone[2]!.slice(1, 3)) * 60 + Number(withZone[2]!.slice(-2)));
      return { ok: true, value: utc - offset * MIN };
    }
  }
  const local = parseLocal(trimmed.replace(' ', 'T'));
  if (local) return { ok: true, value: toEpoch(local, zone) };
  return { ok: false, message: `${JSON.stringify(trimmed.slice(0, 40))} is not a start: write the date and time the exercise starts, like 2025-06-10T09:00 (or 2025-06-10T09:00+08:00)` };
}

export interface TimedRow {
  time: TimeRead;
}

export interface ResolvedTimes {
  /** Each row's offset from T+0, in ms (undefined for rows without a time, or whose time could not be placed). */
  offsets: (number | undefined)[];
  /** The start (T+0) as an instant, if the sheet or the options set one. */
  start?: number;
  /** How the start was found, when it was guessed (a comment in the draft). */
  startNote?: string;
  /** Whether T+0 moved earlier, to the first time of the sheet. */
  moved?: boolean;
  /** Rows whose time needs a start that nothing gives. */
  unplaced: { index: number; message: string }[];
}

/**
 * Offsets of the rows' times. A start given is T+0; without one, a sheet of only clock times and
 * dates starts at its earliest; a sheet that mixes them with offsets (T+...) cannot be placed.
 * Times before T+0 move the start earlier, so that the first inject is at T+0 or after.
 */
export function resolveTimes(times: (TimeRead | undefined)[], zone: Zone, givenStart: number | undefined): ResolvedTimes {
  const absolute = times.map((time, index) => ({ time, index })).filter((t): t is { time: Exclude<TimeRead, { kind: 'offset' }>; index: number } => t.time !== undefined && t.time.kind !== 'offset');
  const relative = times.some((time) => time?.kind === 'offset');
  const result: ResolvedTimes = { offsets: times.map((time) => (time?.kind === 'offset' ? time.ms : undefined)), unplaced: [] };
  if (absolute.length === 0) {
    if (givenStart !== undefined) result.start = givenStart;
    return shifted(result);
  }
  let start = givenStart;
  if (start === undefined) {
    if (relative) {
      for (const { index, time } of absolute) {
        result.unplaced.push({ index, message: `${time.kind === 'clock' ? `${clockOfDay(time.ms)} reads as a clock time` : 'a date and time'} among times counted from the start (T+...): say when the exercise starts (--start 2025-06-10T09:00 and --tz; "Exercise starts" in the app; or "start" in the mapping file)${time.kind === 'clock' ? `, or, if it means ${durationText(time.ms)} after the start, write ${formatTPlus(time.ms)}` : ''}` });
      }
      return result;
    }
    const dated = absolute.filter((t) => t.time.kind !== 'clock').map((t) => epochOf(t.time, zone, 0));
    if (dated.length > 0) {
      start = Math.min(...dated);
      result.startNote = 'the earliest time in the sheet: change it if the exercise starts earlier';
    } else {
      // Clock times only: the day is not in the sheet.
      const earliest = Math.min(...absolute.map((t) => (t.time as { ms: number }).ms));
      start = toEpoch({ year: 2025, month: 1, day: 6, hour: 0, minute: 0, second: 0 }, zone) + earliest;
      result.startNote = 'the sheet gives clock times but no date: set the day of the exercise';
    }
  }
  result.start = start;
  const day = dayStart(start, zone);
  for (const { index, time } of absolute) {
    const offset = time.kind === 'clock' ? day + time.ms - start : epochOf(time, zone, day) - start;
    // Among times counted from the start, an earlier clock time cannot move the start: that would
    // move every T+ time with it (T+00:00 would land hours in). It is most likely a time from the start.
    if (relative && offset < 0) {
      result.unplaced.push({ index, message: `${time.kind === 'clock' ? clockOfDay(time.ms) : 'this date and time'} is before the exercise starts (${isoAt(start, zone).slice(0, 16).replace('T', ' ')}), among times counted from the start (T+...)${time.kind === 'clock' ? `: if it means ${durationText(time.ms)} after the start, write ${formatTPlus(time.ms)}` : ''}` });
    } else result.offsets[index] = offset;
  }
  return shifted(result);
}

/** A clock time as the sheet may have written it: 00:15, 09:30:20. */
const clockOfDay = (ms: number) => `${twoDigits(Math.floor(ms / 3_600_000))}:${twoDigits(Math.floor((ms % 3_600_000) / MIN))}${ms % MIN ? `:${twoDigits(Math.floor((ms % MIN) / 1000))}` : ''}`;

/** A clock time's instant on the start's day, or a date's instant. */
function epochOf(time: Exclude<TimeRead, { kind: 'offset' }>, zone: Zone, day: number): number {
  if (time.kind === 'instant') return time.epochMs;
  if (time.kind === 'local') return toEpoch(time.local, zone);
  return day + time.ms;
}

/** Midnight of the start's day, in the zone (a clock-change day is the rare exception, and close enough). */
function dayStart(start: number, zone: Zone): number {
  const iso = isoAt(start, zone);
  const local = parseLocal(`${iso.slice(0, 10)}T00:00:00`)!;
  return toEpoch(local, zone);
}

/** Moves T+0 to the earliest time when a time comes before it. */
function shifted(result: ResolvedTimes): ResolvedTimes {
  const placed = result.offsets.filter((offset): offset is number => offset !== undefined);
  const earliest = placed.length > 0 ? Math.min(...placed) : 0;
  if (earliest >= 0) return result;
  result.offsets = result.offsets.map((offset) => (offset === undefined ? undefined : offset - earliest));
  if (result.start !== undefined) result.start += earliest;
  result.moved = true;
  const ago = -earliest;
  const amount = ago % DAY === 0 ? `${ago / DAY}d` : ago % 3_600_000 === 0 ? `${ago / 3_600_000}h` : `${Math.round(ago / MIN)}m`;
  result.startNote = `${result.startNote ? `${result.startNote}; ` : ''}moved ${amount} earlier: a time in the sheet comes before the start, and injects start at T+0`;
  return result;
}
