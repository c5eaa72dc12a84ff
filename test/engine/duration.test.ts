import { describe, expect, it } from 'vitest';
import { durationSchema, formatDuration, parseDuration } from '../../engine/format/duration.js';

describe('durations', () => {
  it('reads the units people write', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('-2h')).toBe(-7_200_000);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', '-', '15', 'm', '1x', '1m1h', '15 minutes']) expect(parseDuration(text)).toBeUndefined();
  });

  it('says which duration a text written another way most likely means', () => {
    const message = (text: string) => durationSchema.safeParse(text).error?.issues[0]?.message;
    const meant: [string, string][] = [['1h30', '1h30m'], ['15 minutes', '15m'], ['1h 30m', '1h30m'], ['4 hours', '4h'], ['1 hour and 30 minutes', '1h30m'], ['10 Min', '10m'], ['2 days', '2d']];
    for (const [text, duration] of meant) expect(message(text)).toBe(`${JSON.stringify(text)} is not a duration: write it like 90s, 15m, 1h30m or 2d (here: ${duration})`);
    for (const text of ['soon', '1.5h', 'NaN']) expect(message(text)).toBe(`${JSON.stringify(text)} is not a duration: write it like 90s, 15m, 1h30m or 2d`);
  });

  it('formats back to the same text', () => {
    for (const text of ['15m', '1h30m', '2d', '-2h', '1h0m5s'.replace('0m', '')]) expect(formatDuration(parseDuration(text)!)).toBe(text);
  });
});
