import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../engine/format/duration.js';

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

  it('formats back to the same text', () => {
    for (const text of ['15m', '1h30m', '2d', '-2h', '1h0m5s'.replace('0m', '')]) expect(formatDuration(parseDuration(text)!)).toBe(text);
  });
});
