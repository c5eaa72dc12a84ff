// Local date-times in a named time zone (IANA: Asia/Hong_Kong, Europe/London) to instants and
// back, with Intl: pure JavaScript, the same in Node, the browser and Electron, and no wall clock.

/** A local date-time as written: year, month (1-12), day, hour, minute, second. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether the zone is one this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in ms (+8h for Hong Kong). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** The instant a local date-time names in a zone (a time skipped by a clock change moves forward). */
export function localToEpoch(local: LocalDateTime, timeZone: string): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  const second = asUtc - zoneOffsetMs(first, timeZone);
  return second;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant as ISO 8601 with the zone's offset: 2025-06-10T09:30:00+08:00. */
export function isoInZone(epochMs: number, timeZone: string): string {
  const offset = zoneOffsetMs(epochMs, timeZone);
  const local = new Date(epochMs + offset);
  const minutes = Math.round(offset / 60_000);
  const zone = minutes === 0 ? 'Z' : `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${zone}`;
}

/** A local date-time's parts, if the text is one (YYYY-MM-DD, then T or a space, then HH:MM[:SS]). */
export function parseLocal(text: string): LocalDateTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  return validLocal({ year, month, day, hour, minute, second });
}

/** The parts if they name a real date and time (no 31 February, no 25:00). */
export function validLocal(local: LocalDateTime): LocalDateTime | undefined {
  const check = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
  const same = check.getUTCFullYear() === local.year && check.getUTCMonth() === local.month - 1 && check.getUTCDate() === local.day
    && check.getUTCHours() === local.hour && check.getUTCMinutes() === local.minute && check.getUTCSeconds() === local.second;
  return same ? local : undefined;
}
