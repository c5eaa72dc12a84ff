import { describe, expect, it } from 'vitest';
import { formatTPlus, readDelay, readTime } from '../../../engine/msel/msel-time.js';
import { isoAt, readStart, resolveTimes, zoneOf } from '../../../engine/msel/resolve-times.js';
import { isoInZone, localToEpoch } from '../../../engine/msel/time-zone.js';
import { conditionText, conditionWords, readCondition } from '../../../engine/msel/trigger-text.js';
import { detectColumns, normalizeHeader } from '../../../engine/msel/columns.js';
import { PlanWords } from '../../../engine/msel/match-plan.js';
import { columnIndex, columnLetters, type Cell, type Sheet } from '../../../engine/msel/sheet.js';
import { loadMini } from '../../helpers/world.js';

// The pieces of the MSEL import that read one thing each: times, zones, triggers, headers,
// recipients, inject modes and expected responses.

const MIN = 60_000;
const HOUR = 60 * MIN;
const text = (t: string): Cell => ({ kind: 'text', text: t });
const offset = (t: string) => {
  const read = readTime(text(t));
  return read.ok && read.value.kind === 'offset' ? read.value.ms : read;
};

describe('scenario times', () => {
  it('reads offsets from the start in every form MSELs write them', () => {
    expect(offset('T+00:00')).toBe(0);
    expect(offset('T+01:30')).toBe(90 * MIN);
    expect(offset('T+26:05')).toBe(26 * HOUR + 5 * MIN);
    expect(offset('T + 0:00:30')).toBe(30_000);
    expect(offset('T-00:15')).toBe(-15 * MIN);
    expect(offset('T+2')).toBe(2 * HOUR); // OpenAEV: T is an hour
    expect(offset('D+1 H+2 M+30')).toBe(26 * HOUR + 30 * MIN);
    expect(offset('J+1, T+3')).toBe(27 * HOUR);
    expect(offset('M-5')).toBe(-5 * MIN);
    expect(offset('90')).toBe(90 * MIN);
    expect(offset('1.5 h')).toBe(90 * MIN);
    expect(offset('45 minutes')).toBe(45 * MIN);
    expect(offset('1h30m')).toBe(90 * MIN);
    expect(offset('+15m')).toBe(15 * MIN);
    // T+ with a length in the scenario files' units.
    expect(offset('T+2h')).toBe(2 * HOUR);
    expect(offset('T+1h30m')).toBe(90 * MIN);
    expect(offset('T-30m')).toBe(-30 * MIN);
    expect(offset('T+1d 2h')).toBe(26 * HOUR);
    expect(offset('t + 45M')).toBe(45 * MIN);
    expect(readTime({ kind: 'number', value: 30 })).toEqual({ ok: true, value: { kind: 'offset', ms: 30 * MIN } });
  });

  it('reads clock times and dates, which need the start', () => {
    expect(readTime(text('09:30'))).toEqual({ ok: true, value: { kind: 'clock', ms: 9.5 * HOUR } });
    expect(readTime(text('2:15 pm'))).toEqual({ ok: true, value: { kind: 'clock', ms: 14.25 * HOUR } });
    expect(readTime(text('12:00 a.m.'))).toEqual({ ok: true, value: { kind: 'clock', ms: 0 } });
    expect(readTime({ kind: 'date', local: '1899-12-30T09:30:00' })).toEqual({ ok: true, value: { kind: 'clock', ms: 9.5 * HOUR } });
    expect(readTime({ kind: 'date', local: '2026-03-14T09:30:00' })).toMatchObject({ ok: true, value: { kind: 'local', local: { year: 2026, month: 3, day: 14, hour: 9, minute: 30 } } });
    expect(readTime(text('2026-03-14 09:30'))).toMatchObject({ ok: true, value: { kind: 'local' } });
    expect(readTime(text('2026-03-14T09:30:00+08:00'))).toEqual({ ok: true, value: { kind: 'instant', epochMs: Date.UTC(2026, 2, 14, 1, 30) } });
    expect(readTime(text('14/03/2026 09:30'))).toMatchObject({ ok: true, value: { kind: 'local', local: { day: 14, month: 3 } } });
    expect(readTime(text('6/10/2026 09:30'), { dateOrder: 'dmy' })).toMatchObject({ ok: true, value: { kind: 'local', local: { day: 6, month: 10 } } });
  });

  it('says what is wrong with a time it cannot read', () => {
    const message = (cell: Cell) => (readTime(cell) as { message: string }).message;
    expect(message(text('soon'))).toMatch(/^"soon" is not a time: write T\+01:30/);
    expect(message(text('25:00'))).toMatch(/is not a time/);
    expect(message(text('2026-02-30 09:00'))).toBe('"2026-02-30 09:00" is not a real date and time');
    expect(message(text('6/10/2026 9:30'))).toMatch(/either way round/);
    expect(message({ kind: 'number', value: 46095.375 })).toMatch(/Excel date serial number \(2026-03-14 09:00\)/);
    expect(message({ kind: 'boolean', value: true })).toMatch(/TRUE is not a time/);
    // A time with a zone after it: the zone is what is not read, and the message says how to write it.
    for (const zoned of ['2025-06-10 09:30 HKT', '9:45 AM PST', '10:00 Z', '09:30 (GMT+8)', '09:30 UTC+08:00']) {
      expect(message(text(zoned))).toMatch(/^".*": the time zone ".+" after the time is not read \(a zone's short name can mean several\): write the offset as 2025-06-10T09:30\+08:00, or the time alone and the time zone \("Time zone" in the app, --tz on the command line\)$/);
    }
    for (const other of ['at 09:30 sharp', 'T+2 hours', '09:30 hkt']) expect(message(text(other))).toMatch(/is not a time: write/);
    expect((readDelay(text('09:30')) as { message: string }).message).toMatch(/a delay is a length of time/);
    expect(readDelay(text('10m'))).toEqual({ ok: true, value: 10 * MIN });
  });

  it('writes T+hh:mm, with seconds only when there are some', () => {
    expect([0, 90 * MIN, 26 * HOUR + 5 * MIN, 30_000, -5 * MIN].map(formatTPlus)).toEqual(['T+00:00', 'T+01:30', 'T+26:05', 'T+00:00:30', 'T-00:05']);
  });
});

describe('the start and its zone', () => {
  it('places clock times and dates from the start, in the zone (across a clock change too)', () => {
    const zone = zoneOf('Europe/London', undefined);
    expect(zone).toEqual({ ok: true, value: { name: 'Europe/London' } });
    const z = (zone as { value: { name: string } }).value;
    const start = (readStart('2026-03-28T22:00', z) as { value: number }).value;
    expect(isoAt(start, z)).toBe('2026-03-28T22:00:00Z');
    // British Summer Time starts at 01:00 on 29 March 2026: 03:00 local is four hours after 22:00, not five.
    const times = resolveTimes([{ kind: 'local', local: { year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0 } }, { kind: 'clock', ms: 23 * HOUR }], z, start);
    expect(times.offsets).toEqual([4 * HOUR, HOUR]);
    expect(isoInZone(localToEpoch({ year: 2026, month: 6, day: 10, hour: 9, minute: 0, second: 0 }, 'Asia/Hong_Kong'), 'Asia/Hong_Kong')).toBe('2026-06-10T09:00:00+08:00');
  });

  it('takes a sheet of clock times alone from its earliest, and moves T+0 back for a time before it', () => {
    const utc = { name: 'UTC' };
    const alone = resolveTimes([{ kind: 'clock', ms: 10 * HOUR }, { kind: 'clock', ms: 9 * HOUR }], utc, undefined);
    expect(alone.offsets).toEqual([HOUR, 0]);
    expect(alone.startNote).toMatch(/clock times but no date/);
    const early = resolveTimes([{ kind: 'offset', ms: -5 * MIN }, { kind: 'offset', ms: 10 * MIN }], utc, Date.UTC(2026, 2, 14, 9));
    expect(early.offsets).toEqual([0, 15 * MIN]);
    expect(isoAt(early.start!, utc)).toBe('2026-03-14T08:55:00Z');
    expect(early.moved).toBe(true);
    const mixed = resolveTimes([{ kind: 'offset', ms: 0 }, { kind: 'clock', ms: 9 * HOUR }], utc, undefined);
    expect(mixed.unplaced).toEqual([{ index: 1, message: expect.stringMatching(/^09:00 reads as a clock time among times counted from the start/) }]);
    expect(mixed.unplaced[0]!.message).toMatch(/09:00 reads as a clock time .*if it means 9 h after the start, write T\+09:00$/);
    expect(zoneOf(undefined, '2026-03-14T09:00+08:00')).toEqual({ ok: true, value: { offsetMinutes: 480 } });
    expect(zoneOf('Mars/Olympus', undefined)).toMatchObject({ ok: false });
  });

  it('never moves T+ times for a clock time before the given start: the clock time is refused, with the T+ it may mean', () => {
    // A sheet written by several hands: T+00:00, 0:15 (a quarter of an hour in), 15 min, and 09:15 on the day.
    const utc = { name: 'UTC' };
    const start = Date.UTC(2026, 2, 12, 9);
    const times = resolveTimes([{ kind: 'offset', ms: 0 }, { kind: 'clock', ms: 15 * MIN }, { kind: 'offset', ms: 15 * MIN }, { kind: 'clock', ms: 9 * HOUR + 15 * MIN }], utc, start);
    expect(times.offsets).toEqual([0, undefined, 15 * MIN, 15 * MIN]);
    expect(times.moved).toBeUndefined();
    expect(times.start).toBe(start);
    expect(times.unplaced).toEqual([{ index: 1, message: '00:15 is before the exercise starts (2026-03-12 09:00), among times counted from the start (T+...): if it means 15 min after the start, write T+00:15' }]);
    // Without T+ times, a clock time before the start still moves the start back (the sheet's own clock).
    expect(resolveTimes([{ kind: 'clock', ms: 8 * HOUR + 30 * MIN }, { kind: 'clock', ms: 10 * HOUR }], utc, start).offsets).toEqual([0, 90 * MIN]);
  });
});

describe('triggers', () => {
  const words = new PlanWords(loadMini().plan);
  const context = { action: (t: string) => words.action(t), injects: new Set(['INJ-01', '2']) };

  it('reads the scenario file\'s flow style, and words', () => {
    expect(readCondition('{ action: triage-alert }', context)).toEqual({ ok: true, value: { action: 'triage-alert' } });
    expect(readCondition('{ any: [{ inject: INJ-01 }, { milestone: contained }] }', context)).toEqual({ ok: true, value: { any: [{ inject: 'INJ-01' }, { milestone: 'contained' }] } });
    expect(readCondition('after Triage the alert in the SIEM', context)).toEqual({ ok: true, value: { action: 'triage-alert' } });
    expect(readCondition('after 2', context)).toEqual({ ok: true, value: { inject: '2' } });
    expect(readCondition('contained', context)).toEqual({ ok: true, value: { milestone: 'contained' } });
    expect(readCondition('decision DEC-01 = notify', context)).toEqual({ ok: true, value: { decision: 'DEC-01', option: 'notify' } });
    expect(readCondition('severity 2 declared', context)).toEqual({ ok: true, value: { severityDeclared: 2 } });
    expect(readCondition('after INJ-01 or revoke-iam-access-key', context)).toEqual({ ok: true, value: { any: [{ inject: 'INJ-01' }, { action: 'revoke-iam-access-key' }] } });
    expect(readCondition('{ action:', context)).toMatchObject({ ok: false, message: expect.stringMatching(/the braces do not close/) });
    expect(readCondition('{ colour: red }', context)).toMatchObject({ ok: false, message: expect.stringMatching(/is not a condition/) });
  });

  it('writes one line a sheet reads back, and words for a printed MSEL', () => {
    const condition = { all: [{ inject: 'INJ-08' }, { var: 'replicationActive', equals: true }] };
    expect(conditionText(condition)).toBe('{ all: [ { inject: INJ-08 }, { var: replicationActive, equals: true } ] }');
    expect(readCondition(conditionText(condition), context)).toEqual({ ok: true, value: condition });
    expect(conditionWords({ any: [{ action: 'triage-alert' }, { not: { milestone: 'contained' } }] }, { action: (id) => words.actionTitle(id) })).toBe('"Triage the alert in the SIEM" done or not contained');
  });
});

describe('headers and the plan\'s words', () => {
  const sheetOf = (...rows: string[][]): Sheet => ({ name: 'S', rows: rows.map((row) => row.map(text)) });

  it('finds the header row below a title, and tells the column sets apart', () => {
    const hseep = detectColumns(sheetOf(['Exercise MSEL'], [], ['Event #', 'Scenario Time', 'Event Type', 'Inject Mode', 'From', 'To', 'Message', 'Expected Participant Response', 'Objective', 'Notes']));
    expect(hseep).toMatchObject({ headerRow: 2, columnSet: 'hseep' });
    expect(hseep!.columns.map((c) => c.field)).toEqual(['id', 'time', 'type', 'channel', 'from', 'to', 'body', 'expected', 'objective', 'notes']);
    const blueprint = detectColumns(sheetOf(['Control Number', 'Description', 'Status', 'Time', 'Move', 'Group', 'Type', 'Delivery Method', 'Title', 'From Org', 'To Org']));
    expect(blueprint!.columnSet).toBe('blueprint');
    expect(blueprint!.columns.map((c) => c.field)).toEqual(['id', 'body', 'ignored', 'time', 'extra', 'extra', 'type', 'channel', 'title', 'from', 'to']);
    const openaev = detectColumns(sheetOf(['', 'Action to be taken', 'Timeline', 'Teams', 'Subject', 'Content', 'Comments', 'Expectation Description', 'Expectation Name', 'Expectation Score', 'Done/To do']));
    expect(openaev!.columnSet).toBe('openaev');
    expect(openaev!.columns.map((c) => [c.header, c.field])).toContainEqual(['Expectation Name', 'expected']);
    expect(detectColumns(sheetOf(['alpha', 'beta']))).toBeUndefined();
    // A mapping file names a column by its header or its letters.
    expect(detectColumns(sheetOf(['When', 'Who', 'What']), { time: 'When', to: 'B', body: 'What' })!.columns.map((c) => c.field)).toEqual(['time', 'to', 'body']);
    expect(normalizeHeader('Event No.')).toBe('event number');
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(701), columnIndex('AB')]).toEqual(['A', 'Z', 'AA', 'ZZ', 27]);
  });

  it('matches recipients by title or id, inject modes to channels, expected responses to actions', () => {
    const words = new PlanWords(loadMini().plan, { roles: { SOC: 'cloud-security-analyst' }, channels: { Pager: 'phone-call' } });
    expect(words.recipients('incident commander; Legal & Compliance Officer, SOC')).toEqual({ ok: true, value: ['incident-commander', 'legal-compliance', 'cloud-security-analyst'] });
    expect(words.recipients('Incident Comander')).toMatchObject({ ok: false, message: expect.stringMatching(/did you mean "Incident Commander"\?/) });
    expect(words.channel('E-mail')).toEqual({ ok: true, value: { channel: 'email' } });
    expect(words.channel('Pager')).toEqual({ ok: true, value: { channel: 'phone-call' } });
    expect(words.channel('In person')).toMatchObject({ ok: true, value: { channel: 'chat', guessed: expect.stringMatching(/no channel of its own/) } });
    expect(words.expectedActions('1. Triage the alert in the SIEM\n2. The analyst should revoke the IAM access key now\n3. Call the boss')).toEqual({ actions: ['triage-alert', 'revoke-iam-access-key'], unmatched: ['Call the boss'] });
  });
});
