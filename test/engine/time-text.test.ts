import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { clockText, durationText, storyTimeText, storyZone, twoDigits } from '../../engine/format/time-text.js';
import { formatTPlus } from '../../engine/msel/msel-time.js';
import { isoAt } from '../../engine/msel/resolve-times.js';
import { minutesText, tPlus } from '../../engine/report/figures.js';
import { ClockDriver } from '../../engine/session/driver.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { MIN, startSession, tinyWorld, WALL0 } from '../helpers/world.js';

// One way to write simulated time for people: a duration, a moment of the session, and the
// story's own date and time. Every screen and export goes through these.

describe('durations', () => {
  it('are written in their two largest units, to the minute', () => {
    expect(durationText(163 * MIN)).toBe('2 h 43 min');
    expect(durationText(45 * MIN)).toBe('45 min');
    expect(durationText(24 * 60 * MIN)).toBe('1 d');
    expect(durationText((3 * 24 * 60 + 2 * 60 + 5) * MIN)).toBe('3 d 2 h');
    expect(durationText(120 * MIN)).toBe('2 h');
    expect(durationText(0)).toBe('0 min');
    expect(durationText(-5 * MIN)).toBe('−5 min');
    expect(minutesText(149.96)).toBe('2 h 30 min');
  });

  it('and to the second for countdowns: a 3-day deadline is not "71:00:03 left"', () => {
    expect(durationText(71 * 60 * MIN + 3_000, { seconds: true })).toBe('2 d 23 h');
    expect(durationText(4.5 * MIN, { seconds: true })).toBe('4 min 30 s');
    expect(durationText(40_000, { seconds: true })).toBe('40 s');
  });

  it('and as a countdown on a screen, the same width from one second to the next', () => {
    const countdown = { seconds: true, countdown: true };
    expect(durationText(14 * MIN + 5_000, countdown)).toBe('14 min 05 s');
    expect(durationText(14 * MIN, countdown)).toBe('14 min 00 s');
    expect(durationText(120 * MIN, countdown)).toBe('2 h 00 min');
    expect(durationText(24 * 60 * MIN + 4 * 60 * MIN, countdown)).toBe('1 d 04 h');
    expect(durationText(40_000, countdown)).toBe('40 s');
    // Each second of a minute written with as many characters: no width to jump.
    const widths = new Set(Array.from({ length: 60 }, (_, second) => durationText(10 * MIN + second * 1_000, countdown).length));
    expect(widths).toEqual(new Set([11]));
  });
});

describe('moments of the session', () => {
  it('are T+ hours and minutes, with seconds on the live clock and days past a day', () => {
    expect(clockText(163 * MIN)).toBe('T+02:43');
    expect(clockText(163 * MIN + 5_000, { seconds: true })).toBe('T+02:43:05');
    expect(clockText((71 * 60 + 1) * MIN)).toBe('T+2d 23:01');
    expect(clockText(-30 * MIN)).toBe('T-00:30');
    expect(tPlus(93)).toBe('T+01:33');
  });

  it('the timeline writes a jump with the same clock, not "T+149.96 min"', () => {
    const world = tinyWorld();
    const session = startSession(world, { speed: 60 });
    const driver = new ClockDriver(session, WALL0);
    driver.tick(WALL0 + 1_440); // T+1.44 min
    driver.jumpToNextStop(WALL0 + 1_440);
    const jump = scoreSession(session).timeline.find((entry) => entry.title.startsWith('Clock jumped'))!;
    expect(jump.title).toBe('Clock jumped forward from T+00:01');
  });
});

describe("the story's own time", () => {
  it('is shown in the time zone the scenario starts in', () => {
    expect(storyTimeText('2025-10-07T09:00:00+08:00', 54 * MIN)).toBe('2025-10-07 09:54 UTC+08:00');
    expect(storyTimeText('2025-10-07T09:00:00+08:00', 54 * MIN + 7_000, { seconds: true })).toBe('2025-10-07 09:54:07 UTC+08:00');
    expect(storyTimeText('2026-01-31T23:30:00-05:00', 45 * MIN)).toBe('2026-02-01 00:15 UTC-05:00');
    expect(storyTimeText('2026-03-14T02:00:00Z', 0)).toBe('2026-03-14 02:00 UTC');
    expect(storyZone('2025-10-07T09:00:00+08:00')).toBe('UTC+08:00');
  });
});

describe('two digits', () => {
  it('are written one way, by time-text, for the session clock, the MSEL\'s T+ times and a start\'s offset', () => {
    expect([0, 5, 12, 120].map(twoDigits)).toEqual(['00', '05', '12', '120']);
    expect(formatTPlus((26 * 60 + 5) * MIN + 7_000)).toBe('T+26:05:07');
    expect(isoAt(Date.UTC(2025, 5, 10, 1, 0), { offsetMinutes: -(9 * 60 + 30) })).toBe('2025-06-09T15:30:00-09:30');
    // Nothing else in the engine pads on its own.
    const padding = readdirSync('engine', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && /padStart\(2\b/.test(readFileSync(`engine/${file}`, 'utf8')));
    expect(padding).toEqual(['format/time-text.ts']);
  });
});
